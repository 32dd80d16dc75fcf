/**
 * mergeGroupRows (model/mip.ts) keeps a model's integer points and their
 * costs: on random small models shaped like a pair goal's rows once one item
 * of each pair is fixed (penalties held at least at a share of one item's
 * placements, some rows redundant, some mixing items or with other
 * coefficients, which it must leave alone), every choice of one placement
 * per item is feasible in the merged model exactly when it is in the
 * original, at the same least cost. And it cuts the fractional points the
 * per-start rows let through.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeRow, mergeGroupRows, type MipModel, type MipRow } from '../../src/model/mip.js';

/** Items a, b, c with `sizes` placements each (columns first, item by item), then `penalties` binary penalty columns. */
type Shape = { readonly sizes: readonly number[]; readonly penalties: number };

const itemOf = (shape: Shape) => {
  const owner: string[] = [];
  shape.sizes.forEach((n, k) => owner.push(...Array.from({ length: n }, () => 'abc'[k]!)));
  return (column: number): string | null => owner[column] ?? null;
};

const placementCount = (shape: Shape) => shape.sizes.reduce((n, k) => n + k, 0);

/** A row over penalty `z`: z - sum(members) >= lower (0, redundant, or 1: not a shape to merge). */
const rowArb = (shape: Shape) =>
  fc
    .record({
      z: fc.nat(shape.penalties - 1),
      members: fc.uniqueArray(fc.nat(placementCount(shape) - 1), { minLength: 1, maxLength: 3 }),
      lower: fc.constantFrom(0, 0, 0, -1, -2, 1),
      oneItem: fc.boolean(),
    })
    .map(({ z, members, lower, oneItem }) => {
      const of = itemOf(shape);
      // Most rows stay within one item, as the pair goals' do; the others mix items.
      const kept = oneItem ? members.filter((m) => of(m) === of(members[0]!)) : members;
      return makeRow('r', lower, Infinity, [[placementCount(shape) + z, 1], ...kept.map((m) => [m, -1] as const)]);
    });

const modelArb = fc
  .record({ sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), penalties: fc.integer({ min: 1, max: 3 }) })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      rows: fc.array(rowArb(shape), { minLength: 1, maxLength: 12 }),
      // A row of another shape: a coefficient 2, which must be left as it is.
      other: fc.option(fc.nat(placementCount(shape) - 1), { nil: undefined }),
      costs: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: placementCount(shape) + shape.penalties, maxLength: placementCount(shape) + shape.penalties }),
    }),
  )
  .map(({ shape, rows, other, costs }): { shape: Shape; model: MipModel } => {
    const n = placementCount(shape);
    const extra: MipRow[] = other === undefined ? [] : [makeRow('other', 0, Infinity, [[n, 2], [other, -1]])];
    return {
      shape,
      model: {
        columns: costs.map((cost, i) => ({ name: `c${i}`, cost, lower: 0, upper: 1, integer: true })),
        rows: [...rows, ...extra],
        integralObjective: true,
      },
    };
  });

/** Every choice of one placement per item, as the placement columns' values. */
function choices(shape: Shape): number[][] {
  let out: number[][] = [[]];
  for (const size of shape.sizes) out = out.flatMap((c) => Array.from({ length: size }, (_, k) => [...c, ...Array.from({ length: size }, (_, j) => (j === k ? 1 : 0))]));
  return out;
}

/** The least cost of a choice, its penalties as low as the rows allow (0 or 1); null when no penalty values satisfy them. */
function leastCost(model: MipModel, shape: Shape, x: readonly number[]): number | null {
  let best: number | null = null;
  for (let mask = 0; mask < 1 << shape.penalties; mask++) {
    const values = [...x, ...Array.from({ length: shape.penalties }, (_, k) => (mask >> k) & 1)];
    const holds = model.rows.every((r) => {
      const lhs = r.indices.reduce((s, i, k) => s + r.values[k]! * values[i]!, 0);
      return lhs >= r.lower - 1e-9 && lhs <= r.upper + 1e-9;
    });
    if (!holds) continue;
    const cost = model.columns.reduce((s, c, i) => s + c.cost * values[i]!, 0);
    if (best === null || cost < best) best = cost;
  }
  return best;
}

describe('mergeGroupRows', () => {
  test('keeps every integer point feasible or not, at the same least cost', () => {
    fc.assert(
      fc.property(modelArb, ({ shape, model }) => {
        const merged = mergeGroupRows(model, itemOf(shape));
        expect(merged.rows.length).toBeLessThanOrEqual(model.rows.length);
        for (const x of choices(shape)) expect(leastCost(merged, shape, x)).toBe(leastCost(model, shape, x));
      }),
      { numRuns: 400 },
    );
  });

  test('merges the rows of one penalty and one item, drops the redundant ones, and leaves the rest', () => {
    // Item a: columns 0-3; item b: 4-5; penalty z: column 6.
    const columns = Array.from({ length: 7 }, (_, i) => ({ name: `c${i}`, cost: i === 6 ? 5 : 0, lower: 0, upper: 1, integer: true }));
    const model: MipModel = {
      columns,
      rows: [
        makeRow('a0', 0, Infinity, [[6, 1], [0, -1]]),
        makeRow('a1', 0, Infinity, [[6, 1], [1, -1]]),
        makeRow('a2', -1, Infinity, [[6, 1], [2, -1]]),
        makeRow('b4', 0, Infinity, [[6, 1], [4, -1]]),
        makeRow('mixed', -1, Infinity, [[6, 1], [3, -1], [5, -1]]),
      ],
      integralObjective: true,
    };
    const group = (i: number) => (i <= 3 ? 'a' : i <= 5 ? 'b' : null);
    const merged = mergeGroupRows(model, group);
    const terms = (r: MipRow) => r.indices.map((i, k) => `${r.values[k]}*${i}`).join(' ');
    expect(merged.rows.map((r) => `${terms(r)} >= ${r.lower}`).sort()).toEqual(['-1*0 -1*1 1*6 >= 0', '-1*3 -1*5 1*6 >= -1', '-1*4 1*6 >= 0'].sort());
    // Item a spread over its places 0 and 1 by halves: the old rows let z be 1/2, the merged one asks 1.
    const lhs = (r: MipRow, v: readonly number[]) => r.indices.reduce((s, i, k) => s + r.values[k]! * v[i]!, 0);
    const half = [0.5, 0.5, 0, 0, 0, 0, 0.5];
    expect(model.rows.every((r) => lhs(r, half) >= r.lower)).toBe(true);
    expect(merged.rows.every((r) => lhs(r, half) >= r.lower)).toBe(false);
  });
});
