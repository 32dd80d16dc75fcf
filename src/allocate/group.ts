/**
 * One group of simultaneous places (an unconference block, or a set of
 * workshops that overlap in time): build its market from ranked lists, run
 * the chosen mechanism, and audit the result.
 */
import { justifiedEnvy, matchingProblems, profileOf, type Envy, type RankProfile } from './audit.js';
import { deferredAcceptance } from './da.js';
import type { Market, Matching } from './market.js';
import { rankMaximal } from './rank-maximal.js';
import type { Mechanism } from '../domain/allocation.js';

export type GroupPlaces = {
  readonly group: string;
  readonly seats: readonly { readonly id: string; readonly capacity: number }[];
  /** Participants, best lottery first. */
  readonly people: readonly string[];
  /** Each participant's ranked seat ids in this group, best first (a person without an entry ranked nothing here). */
  readonly lists: ReadonlyMap<string, readonly string[]>;
};

export type GroupOutcome = {
  readonly group: string;
  /** Participant id -> seat id and the position of that seat in their list (1 = their first choice here). */
  readonly placed: ReadonlyMap<string, { readonly seat: string; readonly rank: number }>;
  /** Participants who ranked something here and got nothing, sorted by id. */
  readonly unplaced: readonly string[];
  readonly profile: RankProfile;
  /** Counted in full; at most ENVY_EXAMPLES pairs listed. */
  readonly envy: Envy;
};

export const ENVY_EXAMPLES = 20;

export function marketOf(g: GroupPlaces): Market {
  const index = new Map(g.seats.map((s, i) => [s.id, i]));
  const people = g.people.filter((p) => (g.lists.get(p) ?? []).length > 0);
  return {
    people,
    seats: g.seats,
    choices: people.map((p) =>
      (g.lists.get(p) ?? []).flatMap((id, i) => {
        const seat = index.get(id);
        return seat === undefined ? [] : [{ seat, rank: i + 1 }];
      }),
    ),
  };
}

export function runGroup(g: GroupPlaces, mechanism: Mechanism): GroupOutcome {
  const market = marketOf(g);
  const matching: Matching = mechanism === 'da' ? deferredAcceptance(market) : rankMaximal(market);
  const problems = matchingProblems(market, matching);
  if (problems.length > 0) throw new Error(`allocation of ${g.group} is invalid (a bug): ${problems.join('; ')}`);
  const placed = new Map<string, { seat: string; rank: number }>();
  const unplaced: string[] = [];
  matching.forEach((seat, p) => {
    const id = market.people[p] ?? '';
    const choice = (market.choices[p] ?? []).find((c) => c.seat === seat);
    if (seat < 0 || !choice) unplaced.push(id);
    else placed.set(id, { seat: market.seats[seat]?.id ?? '', rank: choice.rank });
  });
  return {
    group: g.group,
    placed,
    unplaced: unplaced.sort(),
    profile: profileOf(market, matching),
    envy: justifiedEnvy(market, matching, ENVY_EXAMPLES),
  };
}
