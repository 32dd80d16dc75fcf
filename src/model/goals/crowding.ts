/**
 * A linear relaxation of the overlap goals (theme and language clashes) that
 * sees the rooms: the crowding relaxation.
 *
 * The counted bounds (bounds.ts forcedPairCost) pool a theme's items over all
 * rooms, so they let the cheap pairs (two long workshops) take all the
 * overlap and miss what the rooms force: with one lobby, two main halls and
 * four classrooms, a theme with 780 minutes of plenaries in 900 minutes of
 * program leaves its lightning talks little time without one of them.
 *
 * At each minute of a program window, the items of one family (a theme's,
 * a language's) run in some configuration: so many in the main halls, so
 * many in the lobby, so many in the classrooms (a track: items whose rooms
 * meet; at most its rooms at once). The linear program chooses how many
 * minutes of each window class run in each configuration and how many
 * minutes of each item run in which: each item all its minutes, in windows
 * long enough to hold it; each configuration exactly its count of
 * item-minutes per track. An item's minutes in a configuration put that
 * many minutes beside each running item of each track (beside the others
 * of its own). Those pair-minutes go to pairs of items, no pair more than
 * its shorter item's minutes (it overlaps at most that long), each costing
 * its cost over those minutes (it costs its cost once). Every schedule is
 * such a choice (contiguity and the items' order are dropped), so the
 * least cost is a lower bound. A family's bound is the larger of this and
 * its counted floor (a column per family, at least the floor and at least
 * the crowding cost), so the sum over families keeps the best of both.
 *
 * To stay small on the largest events, items of a track with the same
 * length and profile (a theme's: audiences within a quarter) and least
 * rates within a quarter are taken together, each pair of such bunches at
 * its least rate (lower rates: still a bound), and when a
 * window class would have more than MAX_CONFIGURATIONS configurations, the
 * top count of each track stands for "that many or more" (charged as that
 * many, holding up to all its rooms); a family whose block would still take
 * more than MAX_FAMILY_COLUMNS counts fewer, or keeps its floor alone.
 */
import type { Item, Window } from '../../domain/types.js';
import { compareText } from '../../domain/compare.js';
import { groupIndices } from '../../domain/group.js';
import type { Candidates } from '../candidates.js';
import { programWindowOf, type Context } from '../context.js';
import { makeRow, type MipColumn, type MipModel, type MipRow } from '../mip.js';
import type { CostedPair } from './bounds.js';

/** A family of items that should not overlap (a theme's, a language's), its costed pairs, and what it costs at least by counting. */
export type ClashFamily = {
  readonly key: string;
  readonly items: readonly Item[];
  readonly pairs: readonly CostedPair[];
  readonly floor: number;
  /** What else, beside length and track, sets an item's pair costs (a theme's: its audience); items are taken together only when it is the same. */
  readonly profile?: (i: Item) => string;
};

/** A goal's families for a set of candidates, built once per kind (a split, a goal): the bound and the relaxation both ask. */
export function familiesFor<K>(cache: WeakMap<Candidates, Map<K, readonly ClashFamily[]>>, candidates: Candidates, kind: K, build: () => readonly ClashFamily[]): readonly ClashFamily[] {
  let byKind = cache.get(candidates);
  if (!byKind) cache.set(candidates, (byKind = new Map()));
  let families = byKind.get(kind);
  if (!families) byKind.set(kind, (families = build()));
  return families;
}

/** The most configurations of one window class; above it, each track's top count stands for "or more". */
export const MAX_CONFIGURATIONS = 300;
/** The most columns one family's block may take (about 160,000 in all on the global instance); beyond, fewer configurations. */
export const MAX_FAMILY_COLUMNS = 150_000;
/** Rates within this factor of each other are taken together (at the lower). */
const RATE_STEP = 1.25;

/** A positive value's level on RATE_STEP's scale: values at one level are within RATE_STEP of each other (bunched together). */
export function rateLevel(value: number): number {
  return Math.floor(Math.log(value) / Math.log(RATE_STEP));
}

/**
 * The crowding relaxation of the families' overlap cost: minimise the sum
 * over families of max(floor, crowding cost). Null when no family has two
 * items that could overlap.
 */
export function crowdingRelaxation(ctx: Context, candidates: Candidates, families: readonly ClashFamily[]): MipModel | null {
  const columns: MipColumn[] = [];
  const rows: MipRow[] = [];
  let useful = false;
  for (const family of families) {
    const cost = columns.length;
    columns.push({ name: `family_${family.key}`, cost: 1, lower: family.floor, upper: Infinity, integer: false });
    const terms = familyBlock(ctx, candidates, family, columns, rows);
    if (terms.length === 0) continue;
    useful = true;
    rows.push(makeRow(`crowding_${family.key}`, 0, Infinity, [[cost, 1], ...terms.map(([c, v]) => [c, -v] as const)]));
  }
  return useful ? { columns, rows, integralObjective: false } : null;
}

type Track = { readonly key: string; readonly rooms: ReadonlySet<string> };
type Bunch = { readonly track: number; readonly length: number; readonly count: number; readonly members: readonly number[] };

/** Appends one family's columns and rows; returns its cost terms (column, rate), empty when it has nothing to relax. */
function familyBlock(ctx: Context, candidates: Candidates, family: ClashFamily, columns: MipColumn[], rows: MipRow[]): [number, number][] {
  const places = placesOf(ctx, candidates);
  const items = family.items.filter((i) => places.rooms.has(i.id));
  if (items.length < 2 || family.pairs.length === 0) return [];
  const tracks = tracksOf(items, places.rooms);
  if (aloneFits(items, tracks, ctx.programWindows, places.roomsIn)) return [];
  const trackOf = new Map<string, number>();
  tracks.forEach((t, k) => t.members.forEach((id) => trackOf.set(id, k)));
  // Each pair's per-minute rate, by item index; a pair the family does not list costs nothing.
  const index = new Map(items.map((i, k) => [i.id, k]));
  const pairRate = items.map(() => new Map<number, number>());
  for (const p of family.pairs) {
    const a = index.get(p.a.id);
    const b = index.get(p.b.id);
    if (a === undefined || b === undefined) continue;
    const rate = p.cost / Math.min(p.a.duration, p.b.duration);
    pairRate[a]!.set(b, rate);
    pairRate[b]!.set(a, rate);
  }
  const least = (from: readonly number[], to: readonly number[]) => {
    let low = Infinity;
    for (const i of from) for (const j of to) if (i !== j) low = Math.min(low, pairRate[i]!.get(j) ?? 0);
    return Number.isFinite(low) ? low : 0;
  };
  const byTrack = tracks.map((t) => items.flatMap((i, k) => (t.members.has(i.id) ? [k] : [])));
  // Items are taken together only when their least rates against each track are alike too.
  const bunches = bunchesOf(items, trackOf, (k) => byTrack.map((to) => least([k], to)), family.profile ?? (() => ''));
  const bunchRate = (A: Bunch, B: Bunch) => least(A.members, B.members);
  // Window classes: windows of one length and track capacity, taken together. An item may use any window long
  // enough, not only those of its candidates: on the global instance a third of the size, for 0.2 % of the bound.
  const classes = new Map<string, { length: number; count: number; caps: number[]; bunches: number[] }>();
  for (const w of ctx.programWindows) {
    const length = w.end - w.start;
    const caps = tracks.map((t) => [...t.rooms].filter((r) => places.roomsIn.get(w)?.has(r)).length);
    const usable = bunches.flatMap((b, k) => (b.length <= length ? [k] : []));
    if (usable.length === 0) continue;
    const key = `${length}|${caps.join(',')}`;
    const known = classes.get(key);
    if (known) known.count += 1;
    else classes.set(key, { length, count: 1, caps, bunches: usable });
  }
  const shapes = [...classes].sort(([a], [b]) => compareText(a, b)).map(([, cls]) => {
    const members = tracks.map((_, g) => cls.bunches.filter((b) => bunches[b]!.track === g));
    const top = tracks.map((_, g) => Math.min(cls.caps[g]!, members[g]!.reduce((n, b) => n + bunches[b]!.count, 0)));
    return { cls, members, top, most: topCount(top) };
  });
  // Within MAX_FAMILY_COLUMNS: fewer configurations ("or more" from a lower count) while it is over, none at all if still over.
  const columnsAt = (cap: number) => shapes.reduce((n, s) => n + familyColumns(s.members.map((m) => m.length), s.top.map((t) => Math.min(t, s.most, cap))), 0);
  const budget = MAX_FAMILY_COLUMNS - (bunches.length * (bunches.length + 1)) / 2;
  let cap = Math.max(1, ...shapes.map((s) => s.most));
  while (cap > 1 && columnsAt(cap) > budget) cap -= 1;
  if (columnsAt(cap) > budget) return [];
  const bunchTerms = bunches.map((): [number, number][] => []);
  // Per bunch and track, the item-minutes of that track running beside the bunch's own minutes (beside itself: the others).
  const besideTerms = bunches.map(() => tracks.map((): [number, number][] => []));
  const name = (s: string) => `${family.key}_${columns.length}_${s}`;
  for (const [c, { cls, members, top, most: own }] of shapes.entries()) {
    const most = Math.min(own, cap);
    const configurationTerms: [number, number][] = [];
    for (const counts of configurations(top.map((t) => Math.min(t, most)))) {
      const m = columns.length;
      columns.push({ name: name(`minutes_${counts.join('_')}`), cost: 0, lower: 0, upper: Infinity, integer: false });
      configurationTerms.push([m, 1]);
      counts.forEach((n, g) => {
        if (n === 0) return;
        const orMore = n === most && top[g]! > most;
        const terms: [number, number][] = [[m, -(orMore ? top[g]! : n)]];
        for (const b of members[g]!) {
          const z = columns.length;
          columns.push({ name: name(`run_${b}`), cost: 0, lower: 0, upper: Infinity, integer: false });
          terms.push([z, 1]);
          bunchTerms[b]!.push([z, 1]);
          // An "or more" count is charged as its lower end.
          counts.forEach((other, h) => {
            const beside = h === g ? other - 1 : other;
            if (beside > 0) besideTerms[b]![h]!.push([z, -beside]);
          });
        }
        rows.push(makeRow(name(`track_${g}`), orMore ? -Infinity : 0, 0, terms));
      });
    }
    rows.push(makeRow(name(`class_${c}`), cls.length * cls.count, cls.length * cls.count, configurationTerms));
  }
  bunches.forEach((b, k) => rows.push(makeRow(name(`all_${k}`), b.length * b.count, b.length * b.count, bunchTerms[k]!)));
  // Pair-minutes between bunches: each bunch's minutes beside a track's items go to that track's bunches, no more
  // than their pairs can overlap (the shorter length, per pair), each at its bunch pair's least rate.
  const costTerms: [number, number][] = [];
  const pairTerms = bunches.map(() => tracks.map((): [number, number][] => []));
  for (let a = 0; a < bunches.length; a++) {
    for (let b = a; b < bunches.length; b++) {
      const A = bunches[a]!;
      const B = bunches[b]!;
      const pairs = a === b ? (A.count * (A.count - 1)) / 2 : A.count * B.count;
      if (pairs === 0) continue;
      const y = columns.length;
      columns.push({ name: name(`pair_${a}_${b}`), cost: 0, lower: 0, upper: pairs * Math.min(A.length, B.length), integer: false });
      const rate = bunchRate(A, B);
      if (rate > 0) costTerms.push([y, rate]);
      if (a === b) pairTerms[a]![A.track]!.push([y, 2]);
      else {
        pairTerms[a]![B.track]!.push([y, 1]);
        pairTerms[b]![A.track]!.push([y, 1]);
      }
    }
  }
  bunches.forEach((_, k) =>
    tracks.forEach((_, h) => {
      if (besideTerms[k]![h]!.length > 0) rows.push(makeRow(name(`beside_${k}_${h}`), 0, Infinity, [...pairTerms[k]![h]!, ...besideTerms[k]![h]!]));
    }),
  );
  return costTerms;
}

/**
 * Whether the items can run one at a time: each in windows long enough to
 * hold it, with a room of every track open. The windows an item fits are
 * nested by its length, so it is enough that the items of each length or
 * longer fit the windows holding that length (Hall's condition). Then some
 * configuration of one item at a time costs nothing, and the relaxation
 * would find 0 (the bundled example's themes): it is not built.
 */
function aloneFits(items: readonly Item[], tracks: readonly Track[], windows: readonly Window[], roomsIn: ReadonlyMap<Window, ReadonlySet<string>>): boolean {
  const open = windows.filter((w) => tracks.every((t) => [...t.rooms].some((r) => roomsIn.get(w)?.has(r))));
  return [...new Set(items.map((i) => i.duration))].every((length) => {
    const minutes = items.filter((i) => i.duration >= length).reduce((n, i) => n + i.duration, 0);
    const time = open.filter((w) => w.end - w.start >= length).reduce((n, w) => n + w.end - w.start, 0);
    return minutes <= time;
  });
}

/** Tracks: the family's items whose candidate rooms meet, together (union-find over rooms), in a stable order. */
function tracksOf(items: readonly Item[], roomsOf: ReadonlyMap<string, ReadonlySet<string>>): (Track & { readonly members: ReadonlySet<string> })[] {
  const parent = new Map<string, string>();
  const find = (r: string): string => {
    let x = r;
    while (parent.get(x) !== x) x = parent.get(x)!;
    parent.set(r, x);
    return x;
  };
  for (const i of items) {
    const rooms = [...roomsOf.get(i.id)!].sort(compareText);
    for (const r of rooms) if (!parent.has(r)) parent.set(r, r);
    for (const r of rooms.slice(1)) {
      const a = find(rooms[0]!);
      const b = find(r);
      if (a !== b) parent.set(compareText(a, b) < 0 ? b : a, compareText(a, b) < 0 ? a : b);
    }
  }
  const byRoot = new Map<string, { rooms: Set<string>; members: Set<string> }>();
  for (const i of items) {
    const root = find([...roomsOf.get(i.id)!].sort(compareText)[0]!);
    const t = byRoot.get(root) ?? { rooms: new Set<string>(), members: new Set<string>() };
    for (const r of roomsOf.get(i.id)!) t.rooms.add(r);
    t.members.add(i.id);
    byRoot.set(root, t);
  }
  return [...byRoot].sort(([a], [b]) => compareText(a, b)).map(([key, t]) => ({ key, rooms: t.rooms, members: t.members }));
}

/** Items of a track with the same length and profile, and least rates against each track within RATE_STEP of each other, together. */
function bunchesOf(
  items: readonly Item[],
  trackOf: ReadonlyMap<string, number>,
  ratesOf: (k: number) => readonly number[],
  profile: (i: Item) => string,
): Bunch[] {
  const level = (r: number) => (r > 0 ? String(rateLevel(r)) : '-');
  const key = (k: number) => [trackOf.get(items[k]!.id)!, items[k]!.duration, profile(items[k]!), ratesOf(k).map(level).join(',')].join('|');
  return [...groupIndices(items.map((_, k) => k), (k) => [key(k)]).values()].map((members) => ({
    track: trackOf.get(items[members[0]!]!.id)!,
    length: items[members[0]!]!.duration,
    count: members.length,
    members,
  }));
}

/** The columns a window class takes: per configuration, its minutes and each of its tracks' bunches (the pairs of bunches come on top). */
function familyColumns(bunchesPerTrack: readonly number[], top: readonly number[]): number {
  const total = top.reduce((n, t) => n * (t + 1), 1);
  // Of the configurations, a track is running in all but those where its count is 0.
  return total + bunchesPerTrack.reduce((n, b, g) => n + (b * total * top[g]!) / (top[g]! + 1), 0);
}

/** The largest top count per track that keeps a window class within MAX_CONFIGURATIONS. */
function topCount(top: readonly number[]): number {
  let most = Math.max(0, ...top);
  const size = (k: number) => top.reduce((n, t) => n * (Math.min(t, k) + 1), 1);
  while (most > 1 && size(most) > MAX_CONFIGURATIONS) most -= 1;
  return most;
}

/** Every vector of counts from 0 to each track's top. */
function* configurations(top: readonly number[]): Generator<number[]> {
  const counts = top.map(() => 0);
  for (;;) {
    yield [...counts];
    let g = 0;
    while (g < top.length && counts[g] === top[g]) counts[g++] = 0;
    if (g === top.length) return;
    counts[g]! += 1;
  }
}

type Places = {
  readonly rooms: ReadonlyMap<string, ReadonlySet<string>>;
  readonly roomsIn: ReadonlyMap<Window, ReadonlySet<string>>;
};

const placeCache = new WeakMap<Candidates, Places>();

/** Per item, the rooms of its candidate places; per program window, the rooms some candidate uses in it. */
function placesOf(ctx: Context, candidates: Candidates): Places {
  const cached = placeCache.get(candidates);
  if (cached) return cached;
  const rooms = new Map<string, Set<string>>();
  const roomsIn = new Map<Window, Set<string>>();
  for (const p of candidates.placements) {
    const mine = rooms.get(p.item);
    if (mine) mine.add(p.room);
    else rooms.set(p.item, new Set([p.room]));
    const w = programWindowOf(ctx, p);
    if (!w) continue;
    const there = roomsIn.get(w);
    if (there) there.add(p.room);
    else roomsIn.set(w, new Set([p.room]));
  }
  const places = { rooms, roomsIn };
  placeCache.set(candidates, places);
  return places;
}
