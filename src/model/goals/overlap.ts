/**
 * Goals about two items running at once (theme clashes, advanced
 * workshops, languages) share one encoding: per pair, a penalty column
 * forced to 1 exactly when the two overlap, and one way to find the pairs
 * of a finished schedule that do.
 */
import type { Assignment, Item, Schedule } from '../../domain/types.js';
import { makeRow } from '../mip.js';
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
  const out: { pair: P; rows: number[][] }[] = [];
  for (const pair of pairs) {
    let as = byItem.get(pair.a.id) ?? [];
    let bs = byItem.get(pair.b.id) ?? [];
    if (as.length === 0 || bs.length === 0) continue;
    const rooms = new Set([...as, ...bs].flatMap((i) => roomsOf(i)));
    if (rooms.size === 1) continue;
    let aStarts = groupByStart(placements, as);
    let bStarts = groupByStart(placements, bs);
    if (bStarts.size < aStarts.size) {
      [as, bs] = [bs, as];
      [aStarts, bStarts] = [bStarts, aStarts];
    }
    const rows: number[][] = [];
    for (const group of aStarts.values()) {
      const first = placements[group[0]!]!;
      const meets = bs.filter((j) => {
        const q = placements[j]!;
        return q.date === first.date && q.start < first.end && first.start < q.end;
      });
      if (meets.length > 0) rows.push([...group, ...meets]);
    }
    if (rows.length > 0) out.push({ pair, rows });
  }
  return out;
}

function groupByStart(placements: readonly Assignment[], list: readonly number[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const i of list) {
    const p = placements[i]!;
    const k = `${p.date} ${p.start}`;
    const g = m.get(k);
    if (g) g.push(i);
    else m.set(k, [i]);
  }
  return m;
}

/** A penalty column per pair that can overlap, named `<prefix>_<a>_<b>`, costing `costOf(pair)`; returns them in order. */
export function overlapColumns<P extends ItemPair>(parts: GoalParts, prefix: string, pairs: readonly P[], costOf: (pair: P) => number): readonly P[] {
  const modelled: P[] = [];
  for (const { pair, rows } of overlapRows(parts.placements, pairs, parts.byItem, parts.roomsOf)) {
    const name = `${prefix}_${pair.a.id}_${pair.b.id}`;
    const z = addPenalty(parts, name, costOf(pair));
    modelled.push(pair);
    // z - sum(members) >= -1
    rows.forEach((members, k) => parts.rows.push(makeRow(`${name}_${k}`, -1, Infinity, [[z, 1], ...members.map((i) => [i, -1] as const)])));
  }
  return modelled;
}

/** The pairs that overlap in a finished schedule, with when (the first placement of each item counts). */
export function overlapping<P extends ItemPair>(schedule: Schedule, pairs: readonly P[]): readonly (P & { readonly date: string; readonly start: number; readonly end: number })[] {
  const at = new Map<string, Assignment>();
  for (const a of schedule) if (!at.has(a.item)) at.set(a.item, a);
  const out: (P & { date: string; start: number; end: number })[] = [];
  for (const pair of pairs) {
    const x = at.get(pair.a.id);
    const y = at.get(pair.b.id);
    if (!x || !y || x.date !== y.date) continue;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ ...pair, date: x.date, start, end });
  }
  return out;
}
