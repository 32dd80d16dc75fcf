/**
 * Re-runs against a baseline: unchanged input moves nothing; after one
 * speaker's new unavailability the re-run moves exactly as little as an
 * exhaustive search says it must (time moves weighing more than room moves).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkSchedule } from '../../src/check/check.js';
import type { Assignment, Event, Schedule } from '../../src/domain/types.js';
import { candidatePlacements } from '../../src/model/candidates.js';
import { buildContext } from '../../src/model/context.js';
import { coarsestGrid } from '../../src/model/grid.js';
import { baselineOf, moveGoals } from '../../src/model/goals/moves.js';
import { totalCost } from '../../src/model/goals/objective.js';
import { DEFAULT_WEIGHTS, weighted } from '../../src/model/goals/registry.js';
import { planSchedule } from '../../src/pipeline/schedule.js';
import { avail, event, item, room, win } from '../helpers/event.js';

const D = '2014-11-19';
const slow = { timeout: 120_000 };

async function plan(ev: Event, baseline?: Schedule): Promise<Schedule> {
  const o = await planSchedule(ev, {
    gap: 10,
    timeLimitSeconds: 30,
    backend: 'highs',
    now: () => performance.now(),
    ...(baseline ? { baseline } : {}),
  });
  if (o.kind !== 'scheduled') throw new Error(`expected a schedule, got ${o.kind}`);
  expect(checkSchedule(buildContext(ev), o.schedule)).toEqual([]);
  return o.schedule;
}

/** What moving from `baseline` costs a schedule: the objective's move goals alone. */
function moveCost(ctx: ReturnType<typeof buildContext>, baseline: Schedule): (s: Schedule) => number {
  const moves = { goals: moveGoals(ctx, baselineOf(baseline), weighted(DEFAULT_WEIGHTS)) };
  return (s) => totalCost(ctx, moves, s);
}

/** The least move cost of any valid schedule, by trying every combination of candidates. */
function leastMoves(ev: Event, baseline: Schedule): number {
  const ctx = buildContext(ev);
  const { placements } = candidatePlacements(ctx, coarsestGrid(ctx));
  const ids = [...new Set(placements.map((p) => p.item))].sort();
  const options = ids.map((id) => placements.filter((p) => p.item === id));
  const moves = moveCost(ctx, baseline);
  let best = Infinity;
  const pick: Assignment[] = [];
  const walk = (k: number) => {
    if (k === options.length) {
      if (checkSchedule(ctx, pick).length === 0) best = Math.min(best, moves(pick));
      return;
    }
    for (const p of options[k]!) {
      pick.push(p);
      // Partial schedules that already break a rule cannot be completed.
      if (checkSchedule(ctx, pick).every((v) => v.rule === 'placed-once')) walk(k + 1);
      pick.pop();
    }
  };
  walk(0);
  return best;
}

const rooms = [room('mh', 'main_hall', 300), room('c1', 'classroom', 40), room('c2', 'classroom', 40)];
const calendar = [win(D, '09:00', '11:00'), win(D, '11:00', '11:30', 'break', 'Café'), win(D, '11:30', '13:30')];
const items = [
  item('p1', 'plenary', 60, ['a']),
  item('p2', 'plenary', 60, ['b']),
  item('w1', 'workshop', 120, ['c']),
  item('w2', 'workshop', 120, ['a']),
];

describe('re-runs with a baseline', () => {
  test('unchanged input: nothing moves', slow, async () => {
    const ev = event({ calendar, rooms, items });
    const first = await plan(ev);
    expect(await plan(ev, first)).toEqual(first);
  });

  test('a speaker’s new unavailability moves only what it must (exhaustive check)', slow, async () => {
    const ev = event({ calendar, rooms, items });
    const first = await plan(ev);
    // Speaker a can no longer make p1's time.
    const p1 = first.find((a) => a.item === 'p1')!;
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const changed = event({ calendar, rooms, items, availability: [avail('a', D, hhmm(p1.start), hhmm(p1.end))] });
    const again = await plan(changed, first);
    const ctx = buildContext(changed);
    const cost = moveCost(ctx, first)(again);
    expect(cost).toBe(leastMoves(changed, first));
    expect(again.find((a) => a.item === 'p1')).not.toEqual(p1);
  });

  test('property: re-running with its own output as baseline moves nothing', slow, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            format: fc.constantFrom('plenary' as const, 'workshop' as const),
            speaker: fc.constantFrom('a', 'b', 'c'),
            theme: fc.constantFrom('x', 'y'),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        async (specs) => {
          const ev = event({
            calendar,
            rooms,
            items: specs.map((s, i) => item(`i${i}`, s.format, s.format === 'plenary' ? 60 : 120, [s.speaker], { themes: [s.theme] })),
          });
          const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 30, backend: 'highs', now: () => performance.now() });
          if (o.kind !== 'scheduled') return; // impossible events have nothing to re-run
          expect(await plan(ev, o.schedule)).toEqual(o.schedule);
        },
      ),
      { seed: 7, numRuns: 12 },
    );
  });
});
