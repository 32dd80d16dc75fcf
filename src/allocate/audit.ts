/**
 * Independent checks of a finished matching, written without reference to how
 * either mechanism works: feasibility, the rank profile, and justified envy.
 */
import { rankOf, type Market, type Matching } from './market.js';

/**
 * Person `envious` prefers `seat` to what they got, and either the seat has a
 * free place (`displaces` is null) or `displaces` sits there with a worse
 * lottery position. DA leaves none; rank-maximal may.
 */
export type EnvyPair = { readonly envious: string; readonly seat: string; readonly displaces: string | null };

/** Problems that make a matching invalid: a seat over capacity, or a person on a seat they did not rank. */
export function matchingProblems(market: Market, matching: Matching): readonly string[] {
  const problems: string[] = [];
  const used = market.seats.map(() => 0);
  matching.forEach((seat, p) => {
    if (seat < 0) return;
    used[seat] = (used[seat] ?? 0) + 1;
    if (rankOf(market, p, seat) === 0) problems.push(`${market.people[p]} is on ${market.seats[seat]?.id}, which they did not rank`);
  });
  market.seats.forEach((s, i) => {
    if ((used[i] ?? 0) > s.capacity) problems.push(`${s.id} holds ${used[i]} people for ${s.capacity} places`);
  });
  return problems;
}

/**
 * How many got a seat they ranked 1st, 2nd, ... (index 0 = rank 1), and how
 * many who ranked something got nothing. `ranks` is the length of the longest
 * list (so profiles of one market compare position by position).
 */
export type RankProfile = { readonly byRank: readonly number[]; readonly unassigned: number };

export function profileOf(market: Market, matching: Matching): RankProfile {
  let longest = 0;
  for (const list of market.choices) for (const c of list) longest = Math.max(longest, c.rank);
  const byRank = new Array<number>(longest).fill(0);
  let unassigned = 0;
  matching.forEach((seat, p) => {
    if ((market.choices[p] ?? []).length === 0) return;
    if (seat < 0) unassigned += 1;
    else {
      const r = rankOf(market, p, seat);
      byRank[r - 1] = (byRank[r - 1] ?? 0) + 1;
    }
  });
  return { byRank, unassigned };
}

/** Lexicographic comparison of two profiles' byRank (negative when a is worse). */
export function compareProfiles(a: RankProfile, b: RankProfile): number {
  const n = Math.max(a.byRank.length, b.byRank.length);
  for (let i = 0; i < n; i++) {
    const d = (a.byRank[i] ?? 0) - (b.byRank[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** How many justified-envy pairs there are, and the first `limit` of them (by person, then seat, then holder). */
export type Envy = { readonly count: number; readonly pairs: readonly EnvyPair[] };

/**
 * Justified envy, with the lottery order of `market.people` as every seat's
 * priority: person p prefers seat s to what they got, and s has a free place
 * or a holder after p in the lottery. Counting uses each seat's sorted
 * holders, so millions of pairs (rank-maximal on big events) cost little.
 */
export function justifiedEnvy(market: Market, matching: Matching, limit = Infinity): Envy {
  const holders: number[][] = market.seats.map(() => []);
  matching.forEach((seat, p) => {
    if (seat >= 0) holders[seat]?.push(p);
  });
  for (const h of holders) h.sort((a, b) => a - b);
  const pairs: EnvyPair[] = [];
  let count = 0;
  matching.forEach((mine, p) => {
    const myRank = mine < 0 ? Infinity : rankOf(market, p, mine);
    const envious = market.people[p] ?? '';
    for (const c of market.choices[p] ?? []) {
      if (c.rank >= myRank) continue;
      const seat = market.seats[c.seat];
      const list = holders[c.seat] ?? [];
      if (!seat) continue;
      if (list.length < seat.capacity) {
        count += 1;
        if (pairs.length < limit) pairs.push({ envious, seat: seat.id, displaces: null });
      }
      const from = firstAbove(list, p);
      count += list.length - from;
      for (let i = from; i < list.length && pairs.length < limit; i++) {
        pairs.push({ envious, seat: seat.id, displaces: market.people[list[i] ?? 0] ?? '' });
      }
    }
  });
  return { count, pairs };
}

/** The index of the first element of sorted `list` above `p`. */
function firstAbove(list: readonly number[], p: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
