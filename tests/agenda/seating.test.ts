/**
 * The exact seating of one block against brute force on small random
 * problems (every person tries every session they marked, or none), and the
 * pooled solve (people with one session pooled per session and weight)
 * against the detailed one.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { seatBlock, type SeatingProblem } from '../../src/agenda/seating.js';

function brute(p: SeatingProblem): number {
  const persons: number[][] = [];
  for (let g = 0; g < p.groupCount.length; g++) {
    const edges = [...Array(p.edges).keys()].filter((k) => p.edgeGroup[k] === g);
    for (let i = 0; i < p.groupCount[g]!; i++) persons.push(edges);
  }
  const load = Array.from({ length: p.seats.length }, () => 0);
  let best = 0;
  const go = (i: number, v: number): void => {
    if (i === persons.length) {
      best = Math.max(best, v);
      return;
    }
    go(i + 1, v);
    for (const k of persons[i]!) {
      const j = p.edgeSession[k]!;
      if (load[j]! < p.seats[j]!) {
        load[j]!++;
        go(i + 1, v + p.edgeWeight[k]!);
        load[j]!--;
      }
    }
  };
  go(0, 0);
  return best;
}

const problemArb = fc
  .record({
    counts: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 5 }),
    seats: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    marks: fc.array(fc.tuple(fc.nat(4), fc.nat(2), fc.integer({ min: 1, max: 5 })), { maxLength: 10 }),
  })
  .map(({ counts, seats, marks }): SeatingProblem => {
    const seen = new Set<string>();
    const edges = marks.filter(([g, j]) => g < counts.length && j < seats.length && !seen.has(`${g}:${j}`) && seen.add(`${g}:${j}`));
    return {
      groupCount: counts,
      seats,
      edgeGroup: edges.map((e) => e[0]),
      edgeSession: edges.map((e) => e[1]),
      edgeWeight: edges.map((e) => e[2]),
      edges: edges.length,
    };
  });

test('the seating equals brute force, pooled or not, and its flow keeps every limit', () => {
  fc.assert(
    fc.property(problemArb, (p) => {
      const pooled = seatBlock(p);
      const detail = seatBlock(p, true);
      const best = brute(p);
      expect(pooled.value).toBe(best);
      expect(detail.value).toBe(best);
      const flow = detail.flow!;
      const perGroup = new Map<number, number>();
      const perSession = new Map<number, number>();
      let value = 0;
      for (let k = 0; k < p.edges; k++) {
        perGroup.set(p.edgeGroup[k]!, (perGroup.get(p.edgeGroup[k]!) ?? 0) + flow[k]!);
        perSession.set(p.edgeSession[k]!, (perSession.get(p.edgeSession[k]!) ?? 0) + flow[k]!);
        value += flow[k]! * p.edgeWeight[k]!;
      }
      for (const [g, n] of perGroup) expect(n).toBeLessThanOrEqual(p.groupCount[g]!);
      for (const [j, n] of perSession) expect(n).toBeLessThanOrEqual(p.seats[j]!);
      expect(value).toBe(best);
    }),
    { seed: 13, numRuns: 400 },
  );
});

test('a popular session seats only its seats, and two sessions wanted by the same people serve them once', () => {
  // 60 people want one session of 20 seats.
  expect(seatBlock({ groupCount: [60], seats: [20], edgeGroup: [0], edgeSession: [0], edgeWeight: [1], edges: 1 }).value).toBe(20);
  // The same 30 people want both sessions of one block.
  expect(seatBlock({ groupCount: [30], seats: [40, 40], edgeGroup: [0, 0], edgeSession: [0, 1], edgeWeight: [1, 1], edges: 2 }).value).toBe(30);
});
