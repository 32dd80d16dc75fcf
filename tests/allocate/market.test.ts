import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareProfiles, justifiedEnvy, matchingProblems, profileOf } from '../../src/allocate/audit.js';
import { deferredAcceptance } from '../../src/allocate/da.js';
import type { Choice, Market, Matching } from '../../src/allocate/market.js';
import { rankMaximal } from '../../src/allocate/rank-maximal.js';

/** A random market: strict lists for attendees; with `ties`, lists may repeat ranks (as role slots do). */
function marketArb(maxPeople: number, maxSeats: number, ties = false): fc.Arbitrary<Market> {
  return fc
    .record({
      caps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: maxSeats }),
      people: fc.integer({ min: 0, max: maxPeople }),
      seed: fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: maxPeople, maxLength: maxPeople }),
      bumps: fc.array(fc.array(fc.boolean(), { maxLength: 6 }), { minLength: maxPeople, maxLength: maxPeople }),
    })
    .map(({ caps, people, seed, bumps }) => {
      const choices: Choice[][] = [];
      for (let p = 0; p < people; p++) {
        const seats = [...new Set((seed[p] ?? []).map((x) => x % caps.length))];
        let rank = 0;
        choices.push(seats.map((seat, i) => ({ seat, rank: ties && i > 0 && !(bumps[p]?.[i] ?? true) ? rank : ++rank })));
      }
      return {
        people: Array.from({ length: people }, (_, i) => `r${String(i).padStart(3, '0')}`),
        seats: caps.map((capacity, i) => ({ id: `s${i}`, capacity })),
        choices,
      };
    });
}

/** Every matching of a tiny market, for the exact optimum. */
function* allMatchings(market: Market, p = 0, used: number[] = [], acc: number[] = []): Generator<Matching> {
  if (p === market.people.length) {
    yield [...acc];
    return;
  }
  acc.push(-1);
  yield* allMatchings(market, p + 1, used, acc);
  acc.pop();
  for (const c of market.choices[p] ?? []) {
    if ((used[c.seat] ?? 0) >= (market.seats[c.seat]?.capacity ?? 0)) continue;
    used[c.seat] = (used[c.seat] ?? 0) + 1;
    acc.push(c.seat);
    yield* allMatchings(market, p + 1, used, acc);
    acc.pop();
    used[c.seat] = (used[c.seat] ?? 0) - 1;
  }
}

const matched = (m: Matching) => m.filter((s) => s >= 0).length;
const params = { seed: 20141119, numRuns: 300 };

describe('deferred acceptance', () => {
  test('a hand-made market: lottery order decides a contested seat', () => {
    const market: Market = {
      people: ['ana', 'bea', 'caio'],
      seats: [
        { id: 's1', capacity: 1 },
        { id: 's2', capacity: 1 },
      ],
      choices: [[{ seat: 0, rank: 1 }], [{ seat: 0, rank: 1 }, { seat: 1, rank: 2 }], [{ seat: 1, rank: 1 }]],
    };
    expect(deferredAcceptance(market)).toEqual([0, 1, -1]);
    expect(justifiedEnvy(market, [0, 1, -1])).toEqual({ count: 0, pairs: [] });
    // caio outranks nobody, but bea holding s2 over caio is fine; caio getting s2 would leave bea envious of nobody with worse priority.
    expect(justifiedEnvy(market, [0, -1, 1])).toEqual({ count: 1, pairs: [{ envious: 'bea', seat: 's2', displaces: 'caio' }] });
  });

  test('is feasible and leaves zero justified envy (independent checker)', () => {
    fc.assert(
      fc.property(marketArb(12, 5), (market) => {
        const m = deferredAcceptance(market);
        expect(matchingProblems(market, m)).toEqual([]);
        expect(justifiedEnvy(market, m)).toEqual({ count: 0, pairs: [] });
      }),
      params,
    );
  });
});

test('the envy count matches a pair-by-pair count, and the listed pairs stop at the limit', () => {
  fc.assert(
    fc.property(marketArb(10, 4), fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 10, maxLength: 10 }), (market, raw) => {
      // Any assignment of listed seats, feasible or not: the checker must count what is there.
      const m = market.people.map((_, p) => {
        const list = market.choices[p] ?? [];
        const i = raw[p] ?? -1;
        return i < 0 || list.length === 0 ? -1 : (list[i % list.length]?.seat ?? -1);
      });
      let count = 0;
      const used = market.seats.map((_, s) => m.filter((x) => x === s).length);
      m.forEach((mine, p) => {
        const mineRank = mine < 0 ? Infinity : (market.choices[p]?.find((c) => c.seat === mine)?.rank ?? Infinity);
        for (const c of market.choices[p] ?? []) {
          if (c.rank >= mineRank) continue;
          if ((used[c.seat] ?? 0) < (market.seats[c.seat]?.capacity ?? 0)) count += 1;
          m.forEach((other, q) => {
            if (other === c.seat && q > p) count += 1;
          });
        }
      });
      const full = justifiedEnvy(market, m);
      expect(full.count).toBe(count);
      expect(full.pairs).toHaveLength(count);
      expect(justifiedEnvy(market, m, 2).pairs).toEqual(full.pairs.slice(0, 2));
    }),
    params,
  );
});

describe('rank-maximal', () => {
  test('moves an earlier lottery number to a second choice when that adds a first choice', () => {
    const market: Market = {
      people: ['ana', 'bea'],
      seats: [
        { id: 's1', capacity: 1 },
        { id: 's2', capacity: 1 },
      ],
      choices: [[{ seat: 0, rank: 1 }, { seat: 1, rank: 2 }], [{ seat: 1, rank: 1 }]],
    };
    expect(deferredAcceptance(market)).toEqual([0, 1]);
    expect(rankMaximal(market)).toEqual([0, 1]);
    const contested: Market = { ...market, choices: [[{ seat: 0, rank: 1 }, { seat: 1, rank: 2 }], [{ seat: 0, rank: 1 }]] };
    // DA: ana (earlier) keeps s1 and bea gets nothing, profile (1, 0); rank-maximal: ana on s2, bea on s1, profile (1, 1).
    expect(deferredAcceptance(contested)).toEqual([0, -1]);
    expect(rankMaximal(contested)).toEqual([1, 0]);
  });

  test('is exact: its profile equals the best of every matching of small markets', () => {
    fc.assert(
      fc.property(marketArb(6, 3), (market) => {
        const m = rankMaximal(market);
        expect(matchingProblems(market, m)).toEqual([]);
        let best = profileOf(market, m);
        for (const other of allMatchings(market)) {
          const p = profileOf(market, other);
          if (compareProfiles(p, best) > 0) best = p;
        }
        expect(profileOf(market, m).byRank).toEqual(best.byRank);
      }),
      params,
    );
  });

  test('with cardinality first and tied ranks: as many matched as possible, then the best profile', () => {
    fc.assert(
      fc.property(marketArb(6, 3, true), (market) => {
        const m = rankMaximal(market, { cardinalityFirst: true });
        expect(matchingProblems(market, m)).toEqual([]);
        const key = (x: Matching) => [matched(x), ...profileOf(market, x).byRank];
        let best = key(m);
        for (const other of allMatchings(market)) {
          const k = key(other);
          const i = k.findIndex((v, j) => v !== best[j]);
          if (i >= 0 && (k[i] ?? 0) > (best[i] ?? 0)) best = k;
        }
        expect(key(m)).toEqual(best);
      }),
      params,
    );
  });

  test("its profile is never lexicographically worse than DA's", () => {
    fc.assert(
      fc.property(marketArb(40, 8), (market) => {
        const rm = profileOf(market, rankMaximal(market));
        const da = profileOf(market, deferredAcceptance(market));
        expect(compareProfiles(rm, da)).toBeGreaterThanOrEqual(0);
      }),
      params,
    );
  });
});
