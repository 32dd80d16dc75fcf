/**
 * Goals about two items running at once (theme clashes, advanced
 * workshops, languages) share one encoding: per pair, a penalty column
 * forced to 1 exactly when the two overlap, and one way to find the pairs
 * of a finished schedule that do.
 */
import type { Assignment, Item, Schedule } from '../../domain/types.js';
import { addPenalty, type GoalParts } from './goal.js';

export type ItemPair = { readonly a: Item; readonly b: Item };

/**
 * Per pair, the rows that force its penalty column to 1 exactly when the
 * two overlap: for each distinct start t of the item with fewer starts,
 *   z >= [a starts at t] + [b placed so that it overlaps a started at t] - 1.
 * Pairs that cannot overlap (no two candidates meet, or both are confined to
 * one and the same room) get nothing.
 */
export function overlapRows<P extends ItemPair>(
  placements: readonly Assignment[],
  pairs: readonly P[],
  byItem: ReadonlyMap<string, readonly number[]>,
  roomsOf: (i: number) => readonly string[],
): readonly { readonly pair: P; readonly rows: readonly (readonly number[])[] }[] {
  // Each item's starts and rooms, worked out once: an item is in many pairs.
  const known = new Map<string, ItemStarts>();
  const startsOf = (id: string): ItemStarts | null => {
    let s = known.get(id);
    if (!s) {
      const list = byItem.get(id) ?? [];
      if (list.length === 0) return null;
      known.set(id, (s = itemStarts(placements, list, roomsOf)));
    }
    return s;
  };
  const out: { pair: P; rows: number[][] }[] = [];
  for (const pair of pairs) {
    let a = startsOf(pair.a.id);
    let b = startsOf(pair.b.id);
    if (!a || !b) continue;
    if (unionSize(a.rooms, b.rooms) === 1) continue;
    if (b.groups.length < a.groups.length) [a, b] = [b, a];
    const rows: number[][] = [];
    for (const group of a.groups) {
      const meets = b.meeting(group);
      if (meets.length > 0) rows.push([...group.members, ...meets]);
    }
    if (rows.length > 0) out.push({ pair, rows });
  }
  return out;
}

/** The placements of one start of an item (one per room). */
type StartGroup = { readonly date: string; readonly start: number; readonly end: number; readonly members: readonly number[] };

type ItemStarts = {
  /** By start, in the order the item's placements first reach each. */
  readonly groups: readonly StartGroup[];
  readonly rooms: ReadonlySet<string>;
  /** The item's placements that overlap a span, in increasing order. */
  meeting(span: StartGroup): readonly number[];
};

function itemStarts(placements: readonly Assignment[], list: readonly number[], roomsOf: (i: number) => readonly string[]): ItemStarts {
  const byStart = new Map<string, { date: string; start: number; end: number; members: number[] }>();
  const rooms = new Set<string>();
  for (const i of list) {
    const p = placements[i]!;
    for (const r of roomsOf(i)) rooms.add(r);
    const k = `${p.date} ${p.start}`;
    const g = byStart.get(k);
    if (g) g.members.push(i);
    else byStart.set(k, { date: p.date, start: p.start, end: p.end, members: [i] });
  }
  const groups = [...byStart.values()];
  // Per date, by start, with the longest span: a span meets the groups that start before its end and after its start less that.
  const byDate = new Map<string, StartGroup[]>();
  for (const g of groups) {
    const day = byDate.get(g.date);
    if (day) day.push(g);
    else byDate.set(g.date, [g]);
  }
  for (const list of byDate.values()) list.sort((x, y) => x.start - y.start);
  const longest = groups.reduce((n, g) => Math.max(n, g.end - g.start), 0);
  return {
    groups,
    rooms,
    meeting(span) {
      const day = byDate.get(span.date);
      if (!day) return [];
      let lo = 0;
      let hi = day.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (day[mid]!.start <= span.start - longest) lo = mid + 1;
        else hi = mid;
      }
      const out: number[] = [];
      for (let k = lo; k < day.length && day[k]!.start < span.end; k++) {
        const g = day[k]!;
        if (span.start < g.end) out.push(...g.members);
      }
      return out.sort((x, y) => x - y);
    },
  };
}

function unionSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = a.size;
  for (const r of b) if (!a.has(r)) n++;
  return n;
}

/**
 * A penalty column per pair that can overlap, named `<prefix>_<a>_<b>`,
 * costing `costOf(pair)`, in order (`modelled`). A pair of items that each
 * have one place, sure to be taken (items that stay where they are in a
 * neighbourhood of the improvement search, or pinned), overlaps or not
 * whatever the solver does: one that overlaps is `settled`, its cost part of
 * the constant `offset`, with no column (on the global instance most of a
 * neighbourhood's clash columns were such pairs).
 */
export function overlapColumns<P extends ItemPair>(
  parts: GoalParts,
  prefix: string,
  pairs: readonly P[],
  costOf: (pair: P) => number,
): { readonly modelled: readonly P[]; readonly settled: readonly P[]; readonly offset: number } {
  const modelled: P[] = [];
  const settled: P[] = [];
  let offset = 0;
  const fixed = (item: Item) => parts.placedOnce && parts.byItem.get(item.id)?.length === 1;
  for (const { pair, rows } of overlapRows(parts.placements, pairs, parts.byItem, parts.roomsOf)) {
    // Rows exist only where the two can meet: with one place each, they do.
    if (fixed(pair.a) && fixed(pair.b)) {
      settled.push(pair);
      offset += costOf(pair);
      continue;
    }
    const name = `${prefix}_${pair.a.id}_${pair.b.id}`;
    const z = addPenalty(parts, name, costOf(pair));
    modelled.push(pair);
    // z - sum(members) >= -1: the members are distinct placements, so the row is built as makeRow would build it, without its merging (the rows are most of a large model).
    rows.forEach((members, k) => {
      const indices = [...members, z].sort((x, y) => x - y);
      parts.rows.push({ name: `${name}_${k}`, lower: -1, upper: Infinity, indices, values: indices.map((i) => (i === z ? 1 : -1)) });
    });
  }
  return { modelled, settled, offset };
}

/** The pairs that overlap in a finished schedule, with when (the first placement of each item counts). */
export function overlapping<P extends ItemPair>(schedule: Schedule, pairs: readonly P[]): readonly (P & { readonly date: string; readonly start: number; readonly end: number })[] {
  // By number: the search scores every round's schedule against every pair (on the global instance, tens of thousands).
  const { slot, a, b } = pairSlots(pairs);
  const place: (Assignment | undefined)[] = new Array(slot.size);
  const day = new Int32Array(slot.size).fill(-1);
  const days = new Map<string, number>();
  for (const x of schedule) {
    const i = slot.get(x.item);
    if (i === undefined || place[i]) continue;
    place[i] = x;
    let d = days.get(x.date);
    if (d === undefined) days.set(x.date, (d = days.size));
    day[i] = d;
  }
  const out: (P & { date: string; start: number; end: number })[] = [];
  for (let k = 0; k < pairs.length; k++) {
    const i = a[k]!;
    const j = b[k]!;
    if (day[i] === -1 || day[i] !== day[j]) continue;
    const x = place[i]!;
    const y = place[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ ...pairs[k]!, date: x.date, start, end });
  }
  return out;
}

/** Each item of a list of pairs by number, and each pair's two numbers; worked out once per list. */
function pairSlots(pairs: readonly ItemPair[]): { readonly slot: ReadonlyMap<string, number>; readonly a: Int32Array; readonly b: Int32Array } {
  const cached = slotCache.get(pairs);
  if (cached) return cached;
  const slot = new Map<string, number>();
  const number = (id: string) => {
    let i = slot.get(id);
    if (i === undefined) slot.set(id, (i = slot.size));
    return i;
  };
  const a = Int32Array.from(pairs, (p) => number(p.a.id));
  const b = Int32Array.from(pairs, (p) => number(p.b.id));
  const found = { slot, a, b };
  slotCache.set(pairs, found);
  return found;
}

const slotCache = new WeakMap<readonly ItemPair[], { readonly slot: ReadonlyMap<string, number>; readonly a: Int32Array; readonly b: Int32Array }>();
