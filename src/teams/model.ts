/**
 * The team-forming MIP: x[i][t] = person i is in team t. Hard rules are rows;
 * soft goals are penalty columns with whole-number weights, so the objective
 * is integral and a gap below 1 proves optimality.
 *
 * Symmetry: project teams are told apart by their pitcher (fixed in them);
 * the other teams are interchangeable, so they are ordered by their first
 * member in the seeded order: a person may join free team f only if free team
 * f-1 has someone earlier in that order. Every partition has exactly one such
 * ordering, so nothing is lost, and the solver no longer explores k! copies.
 */
import { makeRow, type MipColumn, type MipModel, type MipRow } from '../model/mip.js';
import { type Preparation } from './prepare.js';
import { isActivist, isDeveloper, type Goal } from './goals.js';
import { COUNTRY_CAP_DEFAULT as COUNTRY_CAP } from './limits.js';
import type { Person } from '../domain/teams.js';
import { compareText } from '../domain/compare.js';

/** Penalty per unmet soft goal; being left out outweighs every goal together. */
export const WEIGHTS: Readonly<Record<Goal | 'unplaced', number>> = {
  unplaced: 10_000,
  journalist: 10,
  activist: 10,
  developer: 10,
  organizations: 4,
  countries: 3,
  needs: 6,
  requests: 2,
};


export type TeamsModel = {
  readonly model: MipModel;
  /** People in the seeded order the model uses. */
  readonly order: readonly Person[];
  /** x[i][t]: column of person order[i] in team t. */
  readonly x: readonly (readonly number[])[];
  /** Column of "order[i] is left out". */
  readonly u: readonly number[];
  /** z[t]: column of "team t works in language l", by language. */
  readonly z: readonly ReadonlyMap<string, number>[];
  /** Team t builds this project (null for free teams). */
  readonly teamProject: readonly (string | null)[];
};

export function buildTeamsModel(prep: Preparation, sizes: { minSize: number; maxSize: number }, orderKey: (id: string) => string): TeamsModel {
  const columns: MipColumn[] = [];
  const rows: MipRow[] = [];
  const col = (name: string, cost: number, integer: boolean, lower = 0, upper = 1): number => {
    columns.push({ name, cost, lower, upper, integer });
    return columns.length - 1;
  };
  const keys = new Map(prep.placeable.map((p) => [p.id, orderKey(p.id)]));
  const order = [...prep.placeable].sort((a, b) => compareText(keys.get(a.id)!, keys.get(b.id)!) || compareText(a.id, b.id));
  const T = prep.teamCount;
  const P = prep.projects.length;
  const teamProject = Array.from({ length: T }, (_, t) => prep.projects[t]?.id ?? null);
  const pitcherTeam = new Map(prep.projects.map((p, t) => [p.pitchedBy, t]));

  // Free-team symmetry: rank among non-pitchers in the seeded order.
  const rank = new Map<string, number>();
  for (const p of order) if (!pitcherTeam.has(p.id)) rank.set(p.id, rank.size);

  const x = order.map((p) =>
    Array.from({ length: T }, (_, t) => {
      const own = pitcherTeam.get(p.id);
      const f = t - P;
      let upper = 1;
      if (own !== undefined) upper = own === t ? 1 : 0;
      else if (f > 0 && f > (rank.get(p.id) ?? 0)) upper = 0;
      return col(`x_${p.id}_${t}`, 0, true, own === t ? 1 : 0, upper);
    }),
  );
  const u = order.map((p) => col(`u_${p.id}`, WEIGHTS.unplaced, true, 0, pitcherTeam.has(p.id) ? 0 : 1));

  order.forEach((p, i) => rows.push(makeRow(`assign_${p.id}`, 1, 1, [...x[i]!.map((c) => [c, 1] as const), [u[i]!, 1]])));
  for (let t = 0; t < T; t++) {
    rows.push(makeRow(`size_${t}`, sizes.minSize, sizes.maxSize, order.map((_, i) => [x[i]![t]!, 1] as const)));
  }

  // One language per team, spoken by every member.
  const langs = [...new Set(order.flatMap((p) => p.languages))].sort(compareText);
  const zs: Map<string, number>[] = [];
  for (let t = 0; t < T; t++) {
    const z = new Map(langs.map((l) => [l, col(`lang_${t}_${l}`, 0, true)]));
    zs.push(z);
    rows.push(makeRow(`language_${t}`, 1, 1, [...z.values()].map((c) => [c, 1] as const)));
    order.forEach((p, i) => {
      rows.push(makeRow(`speaks_${p.id}_${t}`, -Infinity, 0, [[x[i]![t]!, 1], ...p.languages.map((l) => [z.get(l)!, -1] as const)]));
    });
  }

  // Free teams ordered by their first member in the seeded order.
  for (let t = P + 1; t < T; t++) {
    order.forEach((p, i) => {
      const r = rank.get(p.id);
      if (r === undefined) return;
      const earlier = order.map((q, j) => [j, rank.get(q.id)] as const).filter(([, rq]) => rq !== undefined && rq < r);
      rows.push(makeRow(`order_${p.id}_${t}`, -Infinity, 0, [[x[i]![t]!, 1], ...earlier.map(([j]) => [x[j]![t - 1]!, -1] as const)]));
    });
  }

  // Kept mutual requests: same team (or all left out).
  const index = new Map(order.map((p, i) => [p.id, i]));
  for (const g of prep.groups) {
    if (g.brokenBecause !== null) continue;
    const [first, ...rest] = g.ids.map((id) => index.get(id)!);
    for (const j of rest) {
      for (let t = 0; t < T; t++) rows.push(makeRow(`together_${order[first!]!.id}_${order[j]!.id}_${t}`, 0, 0, [[x[first!]![t]!, 1], [x[j]![t]!, -1]]));
    }
  }

  // Soft: a journalist, an activist (or civil society), a developer (or data analyst) per team.
  const atLeastOne = (name: string, weight: number, t: number, who: (p: Person) => boolean) => {
    const miss = col(`miss_${name}_${t}`, weight, false);
    rows.push(makeRow(`goal_${name}_${t}`, 1, Infinity, [[miss, 1], ...order.flatMap((p, i) => (who(p) ? [[x[i]![t]!, 1] as const] : []))]));
    return miss;
  };
  const misses = new Map<string, number[]>();
  const atLeastOneEach = (name: string, weight: number, who: (p: Person) => boolean) => {
    misses.set(name, Array.from({ length: T }, (_, t) => atLeastOne(name, weight, t, who)));
    // Valid cuts that tighten the bound: the teams speaking L that meet the goal
    // each hold a different person who speaks L and meets it.
    for (const l of langs) {
      const pool = order.filter((p) => who(p) && p.languages.includes(l)).length;
      if (pool >= T) continue;
      rows.push(makeRow(`count_${name}_${l}`, -Infinity, pool, [...zs.map((z): [number, number] => [z.get(l)!, 1]), ...misses.get(name)!.map((m): [number, number] => [m, -1])]));
    }
  };
  atLeastOneEach('journalist', WEIGHTS.journalist, (p) => p.profile === 'journalist');
  atLeastOneEach('activist', WEIGHTS.activist, isActivist);
  atLeastOneEach('developer', WEIGHTS.developer, isDeveloper);
  // Soft: project needs.
  prep.projects.forEach((project, t) => {
    for (const need of project.needs) atLeastOne(`need_${need}`, WEIGHTS.needs, t, (p) => p.profile === need);
  });

  // Soft: mixed organizations (one per team) and countries (at most COUNTRY_CAP per team).
  const capped = (kind: string, cap: number, weight: number, key: (p: Person) => string) => {
    const groups = new Map<string, number[]>();
    order.forEach((p, i) => {
      const k = key(p).trim().toLowerCase();
      if (k !== '') groups.set(k, [...(groups.get(k) ?? []), i]);
    });
    for (const [k, members] of [...groups].sort((a, b) => compareText(a[0], b[0]))) {
      if (members.length <= cap) continue;
      const excess = Array.from({ length: T }, (_, t) => col(`excess_${kind}_${k}_${t}`, weight, false, 0, members.length));
      for (let t = 0; t < T; t++) {
        rows.push(makeRow(`${kind}_${k}_${t}`, -Infinity, cap, [[excess[t]!, -1], ...members.map((i) => [x[i]![t]!, 1] as const)]));
      }
      // Valid cuts the LP cannot see by itself: a kept group is one team, so
      // its members beyond the cap are excess wherever it goes.
      const mine = new Set(members);
      for (const g of prep.groups) {
        if (g.brokenBecause !== null) continue;
        const inGroup = g.ids.filter((id) => mine.has(index.get(id)!)).length;
        if (inGroup > cap) rows.push(makeRow(`${kind}_${k}_group_${g.ids[0]}`, inGroup - cap, Infinity, excess.map((c) => [c, 1] as const)));
      }
    }
  };
  capped('organization', 1, WEIGHTS.organizations, (p) => p.organization);
  capped('country', COUNTRY_CAP, WEIGHTS.countries, (p) => p.country);

  // Soft: requests not kept as a hard rule (one-sided, or a broken group).
  const kept = new Set(prep.groups.filter((g) => g.brokenBecause === null).flatMap((g) => g.ids));
  order.forEach((p, i) => {
    for (const q of p.teamWith) {
      const j = index.get(q);
      if (j === undefined || (kept.has(p.id) && kept.has(q))) continue;
      const apart = col(`apart_${p.id}_${q}`, WEIGHTS.requests, false);
      for (let t = 0; t < T; t++) rows.push(makeRow(`request_${p.id}_${q}_${t}`, 0, Infinity, [[apart, 1], [x[i]![t]!, -1], [x[j]![t]!, 1]]));
    }
  });

  return { model: { columns, rows, integralObjective: true }, order, x, u, z: zs, teamProject };
}
