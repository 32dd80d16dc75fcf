/**
 * The LP writer must hand other solvers the same model we solve: a model
 * written as LP text and read back by HiGHS's own LP reader (the legacy
 * `solve(lpText)`) has the same optimum as our solve of the MipModel.
 */
import { createRequire } from 'node:module';
import type { LegacyHighsSolution } from 'highs';
import { describe, expect, test } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { buildContext } from '../../src/model/context.js';
import { makeRow, type MipModel } from '../../src/model/mip.js';
import { lpColumnNames, OFFSET_COLUMN, toLpFormat } from '../../src/solve/lp-format.js';
import { solve } from '../../src/solve/index.js';
import { event, item, room, win } from '../helpers/event.js';
import { objectiveOf } from '../../src/model/goals/objective.js';
import { NO_WEIGHTS, withWeights } from '../../src/model/goals/registry.js';

// As src/solve/highs.ts loads it: the CommonJS build exports the loader itself.
type Loader = () => Promise<{ solve(lp: string, options?: Record<string, unknown>): LegacyHighsSolution }>;
const loadHighs = createRequire(import.meta.url)('highs') as Loader;

async function viaLpText(model: MipModel, names: 'readable' | 'index' = 'readable') {
  const highs = await loadHighs();
  return highs.solve(toLpFormat(model, { names }), { output_flag: false, mip_rel_gap: 0 });
}

async function ours(model: MipModel): Promise<number> {
  const r = await solve(model, { backend: 'highs', timeLimitSeconds: 30 });
  if (r.status !== 'optimal') throw new Error(`our solve ended ${r.status}`);
  return r.objective;
}

/**
 * Three plenaries sharing a theme, two main halls, one 130-minute window: one
 * hall holds two (60 + 10 gap + 60), so the third overlaps one of them and the
 * cheapest clash costs the smallest audience, 50.
 */
function clashModel(): MipModel {
  const ev = event({
    calendar: [win('2014-11-19', '09:00', '11:10')],
    rooms: [room('mh-1', 'main_hall', 400), room('mh-2', 'main_hall', 400)],
    items: [
      item('p01', 'plenary', 60, ['sp-001'], { themes: ['open-data'], audience: 50 }),
      item('p02', 'plenary', 60, ['sp-002'], { themes: ['open-data'], audience: 80 }),
      item('p03', 'plenary', 60, ['sp-003'], { themes: ['open-data'], audience: 120 }),
    ],
  });
  const ctx = buildContext(ev, { gap: 10 });
  // Theme clashes alone (two halls for a theme would cost track-rooms too).
  const built = buildModel(ctx, { objective: objectiveOf(ctx, withWeights(NO_WEIGHTS, { 'theme-clash': 1 })) });
  if (!built.ok) throw new Error('no model');
  return built.model.mip;
}

/** Every kind of bound and row the writer knows: general integers, a free and a fixed column, ranged and equality rows. */
function oddModel(): MipModel {
  return {
    integralObjective: false,
    columns: [
      { name: 'a-1', cost: -3, lower: 0, upper: 4, integer: true },
      { name: 'b:2', cost: 2.5, lower: -Infinity, upper: Infinity, integer: false },
      { name: 'c 3', cost: 1, lower: 1, upper: 1, integer: true },
      { name: '', cost: -1, lower: 0, upper: 1, integer: true },
      { name: 'e', cost: 0.25, lower: -2, upper: Infinity, integer: false },
    ],
    rows: [
      makeRow('range', 1, 6, [[0, 1], [3, 2]]),
      makeRow('tie', 0, 0, [[1, 1], [0, -1], [4, 0.5]]),
      makeRow('floor', -1.5, Infinity, [[4, 1], [2, -1]]),
      makeRow('cap', -Infinity, 7, [[0, 2], [4, 1], [3, 1]]),
    ],
  };
}

describe('toLpFormat', () => {
  test('a schedule model round-trips through HiGHS with the same optimum as our solve', async () => {
    const model = clashModel();
    const expected = await ours(model);
    expect(expected).toBe(50);
    for (const names of ['readable', 'index'] as const) {
      const r = await viaLpText(model, names);
      expect(r.Status).toBe('Optimal');
      expect(r.ObjectiveValue).toBeCloseTo(expected, 6);
      expect(Object.keys(r.Columns).sort()).toEqual([...lpColumnNames(model, { names })].sort());
    }
  });

  test('general integers, free, fixed and bounded columns, ranged and equality rows', async () => {
    const model = oddModel();
    const expected = await ours(model);
    const r = await viaLpText(model);
    expect(r.Status).toBe('Optimal');
    expect(r.ObjectiveValue).toBeCloseTo(expected, 6);
    const cols = lpColumnNames(model);
    // The fixed column stays fixed.
    if (r.Status !== 'Optimal') throw new Error(r.Status);
    expect(r.Columns[cols[2]!]!.Primal).toBeCloseTo(1, 9);
  });

  test('a constant offset reaches the LP text as a column fixed at 1', async () => {
    const model = { ...oddModel(), offset: -960 };
    const expected = await ours(model);
    const r = await viaLpText(model);
    expect(r.Status).toBe('Optimal');
    expect(r.ObjectiveValue).toBeCloseTo(expected, 6);
    expect(r.ObjectiveValue).toBeCloseTo((await viaLpText(oddModel())).ObjectiveValue - 960, 6);
    expect(toLpFormat(model)).toContain(`${OFFSET_COLUMN} = 1`);
  });

  test('names are LP-safe, unique and keep the original as far as it can', () => {
    const names = lpColumnNames(oddModel());
    expect(names).toEqual(['c0_a_1', 'c1_b_2', 'c2_c_3', 'c3', 'c4_e']);
    const text = toLpFormat(oddModel());
    expect(text).toMatch(/^Minimize$/m);
    expect(text).toContain('r0_range_lo:');
    expect(text).toContain('r0_range_hi:');
    expect(text).toContain('c1_b_2 free');
    expect(text).toContain('c2_c_3 = 1');
    expect(text).toMatch(/^Generals\n c0_a_1 c2_c_3$/m);
    expect(text).toMatch(/^Binaries\n c3$/m);
    expect(text).not.toMatch(/Infinity|NaN/);
  });

  test('is deterministic', () => {
    expect(toLpFormat(clashModel())).toBe(toLpFormat(clashModel()));
  });
});
