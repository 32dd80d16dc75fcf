/**
 * One matching market: people in priority order (the shared lottery), seats
 * with capacities, and each person's ranked list of seats. The mechanisms
 * (./da.ts, ./rank-maximal.ts) and the independent checks (./audit.ts) all
 * work on this shape, by index, and know nothing of sessions or workshops.
 */

/** One entry of a person's list: a seat (index into `seats`) and its rank, 1 = best. */
export type Choice = { readonly seat: number; readonly rank: number };

export type Market = {
  /** Person ids, best priority first. */
  readonly people: readonly string[];
  readonly seats: readonly { readonly id: string; readonly capacity: number }[];
  /**
   * For each person, the acceptable seats best first. Ranks are 1-based and
   * non-decreasing along the list; equal ranks are ties (only the role
   * matching uses them; attendee lists are strict).
   */
  readonly choices: readonly (readonly Choice[])[];
};

/** For each person, the index of the seat they got, or -1. */
export type Matching = readonly number[];

/** The rank a person gave a seat, or 0 when the seat is not on their list. */
export function rankOf(market: Market, person: number, seat: number): number {
  for (const c of market.choices[person] ?? []) if (c.seat === seat) return c.rank;
  return 0;
}

/** The largest rank anyone used (0 for an empty market). */
export function maxRank(market: Market): number {
  let r = 0;
  for (const list of market.choices) for (const c of list) r = Math.max(r, c.rank);
  return r;
}
