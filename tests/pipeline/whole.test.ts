/**
 * The whole step as the plan asks for it: to the end of its time, or (the
 * first step of a large event, strategy.ts FIRST_SCHEDULE_FROM) to its first
 * schedule, without presolve, for the search after it.
 */
import { describe, expect, test } from 'vitest';
import { checkSchedule } from '../../src/check/check.js';
import { buildContext } from '../../src/model/context.js';
import { objectiveOf } from '../../src/model/goals/objective.js';
import { DEFAULT_WEIGHTS } from '../../src/model/goals/registry.js';
import type { StepRequest } from '../../src/pipeline/step.js';
import { wholeStep } from '../../src/pipeline/steps/whole.js';
import { solve, type SolveOptions } from '../../src/solve/index.js';
import { event, item, room, win } from '../helpers/event.js';
import { stepRequest } from '../helpers/step.js';

const D = '2014-11-19';
const ev = event({
  calendar: [win(D, '09:00', '12:00'), win(D, '13:00', '17:00')],
  rooms: [room('mh-1', 'main_hall', 300), room('mh-2', 'main_hall', 200)],
  items: Array.from({ length: 8 }, (_, k) => item(`p${k + 1}`, 'plenary', 60, [`sp-${k + 1}`], { themes: [k % 2 === 0 ? 'x' : 'y'], audience: 50 + 10 * k })),
});
const ctx = buildContext(ev, { gap: 10 });
const objective = objectiveOf(ctx, DEFAULT_WEIGHTS);

function request(firstSchedule: boolean, seen: SolveOptions[]): StepRequest {
  const solver: typeof solve = (model, options) => {
    seen.push(options);
    return solve(model, options);
  };
  return stepRequest(ctx, objective, { solver, plan: { firstSchedule }, wholeFits: true });
}

describe('the whole step', () => {
  test('asked for a first schedule, stops at the first the solver finds, found without presolve; the schedule is valid', { timeout: 60_000 }, async () => {
    const seen: SolveOptions[] = [];
    const r = await wholeStep(request(true, seen));
    expect(seen.map((o) => [o.solutionLimit, o.presolve])).toEqual([[1, false]]);
    if (r.kind !== 'found') throw new Error(r.kind);
    expect(r.proven).toBe(false);
    expect(checkSchedule(ctx, r.schedule)).toEqual([]);
  });

  test('otherwise solves on with presolve, and proves a small event optimal', { timeout: 60_000 }, async () => {
    const seen: SolveOptions[] = [];
    const r = await wholeStep(request(false, seen));
    expect(seen.map((o) => [o.solutionLimit, o.presolve])).toEqual([[undefined, undefined]]);
    if (r.kind !== 'found') throw new Error(r.kind);
    expect(r.proven).toBe(true);
  });
});
