/**
 * The capacitated assignment under the Lagrangian bound: its value equals
 * brute force on small random problems (forbidden pairs, rows that must be
 * placed, columns of several places), and its dual certificate is never below
 * the best assignment, equal to it at the optimum.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FORBIDDEN, maxTransport } from '../../src/agenda/transport.js';

const caseArb = fc.record({
  rows: fc.integer({ min: 1, max: 6 }),
  capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
  cells: fc.array(fc.option(fc.integer({ min: -20, max: 90 }), { nil: null, freq: 5 }), { minLength: 24, maxLength: 24 }),
  pinned: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});

function brute(rows: number, capacity: readonly number[], w: Float64Array): number | null {
  const C = capacity.length;
  const load = capacity.map(() => 0);
  let best: number | null = null;
  const go = (i: number, v: number): void => {
    if (i === rows) {
      if (best === null || v > best) best = v;
      return;
    }
    for (let j = 0; j < C; j++) {
      const x = w[i * C + j]!;
      if (x === FORBIDDEN || load[j]! >= capacity[j]!) continue;
      load[j]!++;
      go(i + 1, v + x);
      load[j]!--;
    }
  };
  go(0, 0);
  return best;
}

test('maxTransport equals brute force; its dual certificate bounds every assignment', () => {
  fc.assert(
    fc.property(caseArb, ({ rows, capacity, cells, pinned }) => {
      // A last column takes any row not pinned, at weight 0 (a proposal left out).
      const cap = [...capacity, rows];
      const C = cap.length;
      const w = new Float64Array(rows * C);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < C - 1; j++) {
          const c = cells[(i * 4 + j) % cells.length];
          w[i * C + j] = c === null || c === undefined ? FORBIDDEN : c / 10;
        }
        w[i * C + C - 1] = pinned[i] ? FORBIDDEN : 0;
      }
      const best = brute(rows, cap, w);
      const r = maxTransport(rows, C, cap, w);
      if (best === null) {
        expect(r).toBeNull();
        return;
      }
      expect(r).not.toBeNull();
      expect(r!.value).toBeCloseTo(best, 9);
      expect(r!.dualValue).toBeGreaterThanOrEqual(best - 1e-9);
      expect(r!.dualValue).toBeCloseTo(best, 9);
    }),
    { seed: 99, numRuns: 500 },
  );
});
