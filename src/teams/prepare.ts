/**
 * What is decided before the solver runs, and shared with the checker: who
 * cannot be placed at all (no language of theirs is spoken by enough people
 * to make a team), how many teams to form, and which mutual `team_with`
 * requests are kept as a hard rule.
 */
import type { Person, Project, TeamsInput, Unplaced } from '../domain/teams.js';
import { compareText } from '../domain/compare.js';

export type SizeRange = { readonly minSize: number; readonly maxSize: number };

/** A set of people joined by mutual team_with requests. */
export type PairGroup = {
  /** Sorted by id. */
  readonly ids: readonly string[];
  /** null when the group is kept together as a hard rule; otherwise why not. */
  readonly brokenBecause: string | null;
};

export type Preparation = {
  /** The people the solver places, sorted by id. */
  readonly placeable: readonly Person[];
  readonly unplaced: readonly Unplaced[];
  /** Projects whose pitcher is placeable: each gets exactly one team. */
  readonly projects: readonly Project[];
  /** Projects that cannot run because their pitcher cannot be placed. */
  readonly droppedProjects: readonly Project[];
  readonly teamCount: number;
  /** True when the sizes cannot split the placeable people into whole teams (someone must be left out). */
  readonly sizesShort: boolean;
  readonly groups: readonly PairGroup[];
};

/** The problem cannot be posed at all (more projects than teams); the message says why. */
export class TeamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsError';
  }
}

export function prepare(input: TeamsInput, sizes: SizeRange): Preparation {
  const { minSize, maxSize } = sizes;
  // Language reach, to a fixpoint: leaving someone out can strand the next.
  let active = [...input.people];
  const unplaced: Unplaced[] = [];
  for (;;) {
    const speakers = languageCounts(active);
    const out = active.filter((p) => !p.languages.some((l) => (speakers.get(l) ?? 0) >= minSize));
    if (out.length === 0) break;
    for (const p of out) {
      const counts = p.languages.map((l) => `${speakers.get(l) ?? 0} ${(speakers.get(l) ?? 0) === 1 ? 'speaks' : 'speak'} ${l}`).join(', ');
      unplaced.push({
        id: p.id,
        reason: `no shared language: a team needs ${minSize} people who share one, but only ${counts} (themselves included)`,
      });
    }
    const gone = new Set(out.map((p) => p.id));
    active = active.filter((p) => !gone.has(p.id));
  }
  const n = active.length;
  const kMin = Math.ceil(n / maxSize);
  const kMax = Math.floor(n / minSize);
  // After the fixpoint, each remaining person shares a language with at least
  // minSize - 1 others, so n >= minSize and kMax >= 1 whenever anyone is left.
  const placeableIds = new Set(active.map((p) => p.id));
  const projects = input.projects.filter((p) => placeableIds.has(p.pitchedBy));
  const droppedProjects = input.projects.filter((p) => !placeableIds.has(p.pitchedBy));
  let teamCount = 0;
  if (active.length > 0) {
    if (projects.length > kMax) {
      throw new TeamsError(`${projects.length} projects are pitched, but ${n} people make at most ${kMax} teams of ${minSize} or more; raise --size or drop projects`);
    }
    const target = Math.round((2 * n) / (minSize + maxSize));
    teamCount = Math.max(projects.length, Math.min(Math.max(target, kMin), kMax));
  }
  return {
    placeable: active,
    unplaced: unplaced.sort((a, b) => compareText(a.id, b.id)),
    projects,
    droppedProjects,
    teamCount,
    sizesShort: active.length > 0 && kMin > kMax,
    groups: pairGroups(active, input.projects, maxSize, minSize),
  };
}

function languageCounts(people: readonly Person[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of people) for (const l of p.languages) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}

/** Requests both sides made, among `people`. */
export function mutualPairs(people: readonly Person[]): readonly (readonly [string, string])[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const pairs: [string, string][] = [];
  for (const p of people) {
    for (const q of p.teamWith) {
      if (p.id < q && byId.get(q)?.teamWith.includes(p.id)) pairs.push([p.id, q]);
    }
  }
  return pairs.sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1]));
}

/**
 * Groups of mutual requests (joined transitively). A group is kept together
 * as a hard rule when it fits in one team: no larger than the largest team,
 * at most one pitcher (each pitcher leads a team of their own), and a language
 * all of them speak that enough people speak to fill a team.
 */
export function pairGroups(people: readonly Person[], projects: readonly Project[], maxSize: number, minSize: number): readonly PairGroup[] {
  const parent = new Map<string, string>();
  const find = (a: string): string => {
    let r = a;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const pairs = mutualPairs(people);
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const members = new Map<string, string[]>();
  for (const id of [...parent.keys()].sort(compareText)) {
    const r = find(id);
    members.set(r, [...(members.get(r) ?? []), id]);
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  const speakers = languageCounts(people);
  const pitchers = new Set(projects.map((p) => p.pitchedBy));
  const groups: PairGroup[] = [];
  for (const ids of members.values()) {
    const langs = ids.map((id) => byId.get(id)?.languages ?? []);
    const common = (langs[0] ?? []).filter((l) => langs.every((ls) => ls.includes(l)) && (speakers.get(l) ?? 0) >= minSize);
    const leads = ids.filter((id) => pitchers.has(id));
    let brokenBecause: string | null = null;
    if (ids.length > maxSize) brokenBecause = `${ids.length} people asked for each other, more than the largest team (${maxSize})`;
    else if (leads.length > 1) brokenBecause = `${leads.join(' and ')} each pitch a project and lead its team`;
    else if (common.length === 0) brokenBecause = 'they share no language enough people speak to form a team';
    groups.push({ ids, brokenBecause });
  }
  return groups.sort((a, b) => compareText(a.ids[0] ?? '', b.ids[0] ?? ''));
}

