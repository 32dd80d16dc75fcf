/**
 * The solver module as callers use it: HiGHS workers kept between solves
 * must give every later solve (after a stopped one, or several at once) its
 * own right answer; and a model with columns fixed and taken out
 * (fixColumns) must be the same problem as the full model with those
 * columns' bounds fixed.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readEvent } from '../../src/io/event.js';
import { buildModel } from '../../src/model/build.js';
import { buildContext } from '../../src/model/context.js';
import { fixColumns, type MipModel } from '../../src/model/mip.js';
import { prepareSolver, solve, type SolveResult } from '../../src/solve/index.js';
import { runWorker } from '../../src/solve/worker.js';
import { event, item, room, win } from '../helpers/event.js';

/** Five plenaries, three sharing a theme, two halls, one morning: clashes have a price, so fixing one item moves the optimum. */
function plenaryModel(): MipModel {
  const ev = event({
    calendar: [win('2014-11-19', '09:00', '12:30')],
    rooms: [room('mh-1', 'main_hall', 400), room('mh-2', 'main_hall', 300)],
    items: [
      item('p01', 'plenary', 60, ['sp-001'], { themes: ['open-data'], audience: 50 }),
      item('p02', 'plenary', 60, ['sp-002'], { themes: ['open-data'], audience: 80 }),
      item('p03', 'plenary', 60, ['sp-003'], { themes: ['open-data', 'budgets'], audience: 120 }),
      item('p04', 'plenary', 90, ['sp-001'], { themes: ['budgets'], audience: 200 }),
      item('p05', 'plenary', 30, ['sp-004'], { themes: ['budgets'], audience: 90 }),
    ],
  });
  const built = buildModel(buildContext(ev, { gap: 10 }));
  if (!built.ok) throw new Error('no model');
  return built.model.mip;
}

const highs = (model: MipModel, extra: { timeLimitSeconds?: number; initial?: Float64Array } = {}) =>
  solve(model, { backend: 'highs', timeLimitSeconds: 30, ...extra });

function solved(r: SolveResult): { values: Float64Array; objective: number } {
  if (r.status !== 'optimal') throw new Error(`expected an optimal solve, got ${r.status}`);
  return r;
}

/** Every row of `model` holds at `values` (within a rounding tolerance). */
function violatedRows(model: MipModel, values: ArrayLike<number>): string[] {
  return model.rows
    .filter((r) => {
      const activity = r.indices.reduce((s, i, k) => s + r.values[k]! * values[i]!, 0);
      return activity < r.lower - 1e-6 || activity > r.upper + 1e-6;
    })
    .map((r) => r.name);
}

const objectiveAt = (model: MipModel, values: ArrayLike<number>) =>
  model.columns.reduce((s, c, i) => s + c.cost * values[i]!, model.offset ?? 0);

describe('fixColumns', () => {
  test('the reduced model is the full model with those columns fixed', { timeout: 60_000 }, async () => {
    const full = plenaryModel();
    const free = solved(await highs(full));
    // Fix p01 to the first place it could take that the free optimum does not use, and the rest of p01 off.
    const p01 = full.columns.map((c, i) => (c.name.startsWith('x_p01_') ? i : -1)).filter((i) => i >= 0);
    const forced = p01.find((i) => free.values[i]! < 0.5)!;
    const fixedAt = (i: number) => (p01.includes(i) ? (i === forced ? 1 : 0) : null);
    const bounded: MipModel = {
      ...full,
      columns: full.columns.map((c, i) => {
        const v = fixedAt(i);
        return v === null ? c : { ...c, lower: v, upper: v };
      }),
    };
    const reduced = fixColumns(full, fixedAt);
    expect(reduced.mip.columns).toHaveLength(full.columns.length - p01.length);
    expect(reduced.mip.rows.length).toBeLessThan(full.rows.length);

    const viaBounds = solved(await highs(bounded));
    const viaReduction = solved(await highs(reduced.mip));
    expect(viaReduction.objective).toBeCloseTo(viaBounds.objective, 6);
    expect(viaReduction.objective).toBeGreaterThanOrEqual(free.objective - 1e-6);

    const expanded = reduced.expand(viaReduction.values);
    expect(expanded).toHaveLength(full.columns.length);
    expect(expanded[forced]).toBe(1);
    expect(p01.filter((i) => i !== forced).every((i) => expanded[i] === 0)).toBe(true);
    expect(violatedRows(full, expanded)).toEqual([]);
    expect(objectiveAt(full, expanded)).toBeCloseTo(viaReduction.objective, 6);
  });

  test('fixed values that break a row leave that row, empty, so the reduced model is infeasible', async () => {
    const full = plenaryModel();
    // p01 placed twice: its exactly-once row has no free column left and cannot hold.
    const p01 = full.columns.map((c, i) => (c.name.startsWith('x_p01_') ? i : -1)).filter((i) => i >= 0);
    const reduced = fixColumns(full, (i) => (i === p01[0] || i === p01[1] ? 1 : p01.includes(i) ? 0 : null));
    expect(reduced.mip.rows.some((r) => r.indices.length === 0)).toBe(true);
    expect((await highs(reduced.mip)).status).toBe('infeasible');
  });
});

describe('HiGHS workers kept between solves', () => {
  test('a solve stopped at its limit is followed by right answers, one at a time and several at once', async () => {
    // The example's whole model cannot be proven optimal from scratch in a second.
    const ev = await readEvent(path.join(import.meta.dirname, '../../fixtures/ogp-americas'));
    const built = buildModel(buildContext(ev));
    if (!built.ok) throw new Error('no model');
    const stopped = await highs(built.model.mip, { timeLimitSeconds: 1 });
    expect(['feasible', 'timedout']).toContain(stopped.status);

    const model = plenaryModel();
    const alone = solved(await highs(model));
    const together = await Promise.all([highs(model), highs(model), highs(model)]);
    expect(together.map((r) => solved(r).objective)).toEqual([alone.objective, alone.objective, alone.objective]);
    // And a warm start from a known optimum is still honoured by a reused worker.
    const warm = solved(await highs(model, { initial: alone.values }));
    expect(warm.objective).toBeCloseTo(alone.objective, 6);
  }, 60_000);

  test('workers warmed up before any solve (still loading or loaded) answer each solve, alone and several at once', async () => {
    const model = plenaryModel();
    const alone = solved(await highs(model));
    // Taken while HiGHS still loads: the solve waits for the loading, and gets its own answer, not the warm-up's.
    prepareSolver('auto');
    prepareSolver('highs');
    const together = await Promise.all([highs(model), highs(model), highs(model)]);
    expect(together.map((r) => solved(r).objective)).toEqual([alone.objective, alone.objective, alone.objective]);
    // jslp needs no worker: nothing to warm up, and its solves are unchanged.
    prepareSolver('jslp');
    expect(solved(await highs(model)).objective).toBeCloseTo(alone.objective, 6);
  }, 60_000);
});

describe('a solve for a first schedule', () => {
  test('stops at its first improving solution and returns that one; without presolve it still finds the optimum', async () => {
    const ev = await readEvent(path.join(import.meta.dirname, '../../fixtures/ogp-americas'));
    const built = buildModel(buildContext(ev));
    if (!built.ok) throw new Error('no model');
    const found: number[] = [];
    const first = await solve(built.model.mip, {
      backend: 'highs',
      timeLimitSeconds: 60,
      solutionLimit: 1,
      presolve: false,
      onProgress: (p) => {
        if (p.objective !== null && Number.isFinite(p.objective)) found.push(p.objective);
      },
    });
    // Stopped, not proven: the first solution found, whatever came after it.
    expect(first.status).toBe('feasible');
    if (first.status !== 'feasible') return;
    expect(first.objective).toBe(found[0]);
    const model = plenaryModel();
    expect(solved(await solve(model, { backend: 'highs', timeLimitSeconds: 30, presolve: false })).objective).toBeCloseTo(solved(await highs(model)).objective, 6);
  }, 90_000);
});

describe('runWorker', () => {
  // A script that answers each job with how many jobs this worker has handled.
  const COUNTER = `
const { parentPort } = require('node:worker_threads');
let handled = 0;
parentPort.on('message', () => parentPort.postMessage({ type: 'done', handled: ++handled }));
`;
  const handled = async (script: string, keep: boolean) => {
    const end = await runWorker<{ type: string; handled: number }>(script, {}, 10_000, () => {}, [], undefined, keep);
    if (end.kind !== 'message') throw new Error(`the worker ended: ${end.kind}`);
    return end.message.handled;
  };

  test('a worker is kept for the next job, unless the job says not to', async () => {
    // Each test script is its own pool: a comment makes it unique.
    const script = `${COUNTER}// keep test`;
    expect(await handled(script, true)).toBe(1);
    expect(await handled(script, true)).toBe(2);
    // Ends after this job: the next one starts a new worker.
    expect(await handled(script, false)).toBe(3);
    expect(await handled(script, true)).toBe(1);
  });
});
