/**
 * The `times` stage's own pieces (see Stage in build.ts): placements merged
 * per (item, date, start) with the rooms each could use, and rows limiting
 * rooms per moment in place of the room rule.
 */
import type { Assignment } from '../domain/types.js';
import { compareText } from '../domain/compare.js';
import { isFree } from './availability.js';
import { availabilityFor, occupiedFrom, occupiedUntil, type Context } from './context.js';
import { makeRow, type MipRow } from './mip.js';
import { cliques } from './rules/conflicts.js';

export const timeKey = (p: Assignment) => `${p.item}\u0000${p.date}\u0000${p.start}`;

/**
 * The candidate placements merged per (item, date, start), in order, each
 * with the rooms it could use and the least cost among them.
 */
export function timeSlots(
  placements: readonly Assignment[],
  costOf: (p: Assignment) => number,
): { placements: Assignment[]; rooms: string[][]; costs: number[] } {
  const index = new Map<string, number>();
  const out: Assignment[] = [];
  const rooms: string[][] = [];
  const costs: number[] = [];
  for (const p of placements) {
    const key = timeKey(p);
    const k = index.get(key);
    const cost = costOf(p);
    if (k === undefined) {
      index.set(key, out.length);
      out.push({ item: p.item, room: '', date: p.date, start: p.start, end: p.end });
      rooms.push([p.room]);
      costs.push(cost);
    } else {
      rooms[k]!.push(p.room);
      costs[k] = Math.min(costs[k]!, cost);
    }
  }
  // Candidates come by item, then room, then time: put each item's slots in time order.
  const order = out.map((_, i) => i).sort((a, b) => {
    const p = out[a]!;
    const q = out[b]!;
    return compareText(p.item, q.item) || compareText(p.date, q.date) || p.start - q.start;
  });
  return { placements: order.map((i) => out[i]!), rooms: order.map((i) => rooms[i]!.sort()), costs: order.map((i) => costs[i]!) };
}

/** Beyond this many sets of rooms per day, only the sets items use and their union are limited. */
const MAX_ROOM_SETS = 64;

/**
 * The `times` stage's stand-in for rooms: for each day and each set S of
 * rooms (the sets items may use, and their unions), at every moment no more
 * items whose rooms all lie in S run (with the hallway gap after) than S has
 * rooms open then. Necessary for a room assignment to exist (Hall's
 * condition at each moment), and sufficient when items of a kind share the
 * same rooms.
 */
export function roomCapacityRows(ctx: Context, slots: readonly Assignment[], options: readonly (readonly string[])[]): MipRow[] {
  const rows: MipRow[] = [];
  for (const date of ctx.dates) {
    const onDate = slots.map((_, i) => i).filter((i) => slots[i]!.date === date);
    const family = roomSets(onDate.map((i) => options[i]!));
    family.forEach((set, s) => {
      const inSet = new Set(set);
      const members = onDate.filter((i) => options[i]!.every((r) => inSet.has(r)));
      for (const clique of cliques(slots, members, (p) => occupiedFrom(ctx, p), (p) => occupiedUntil(ctx, p))) {
        const open = set.filter((r) => isFree(availabilityFor(ctx, r), date, clique.at, clique.at + 1)).length;
        if (new Set(clique.members.map((i) => slots[i]!.item)).size <= open) continue;
        rows.push(makeRow(`rooms_${date}_${s}_${clique.at}`, -Infinity, open, clique.members.map((i) => [i, 1] as const)));
      }
    });
  }
  return rows;
}

/** Distinct room sets, closed under union while that stays small; in a stable order. */
function roomSets(lists: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const sets = new Map<string, readonly string[]>();
  for (const l of lists) sets.set(l.join('\u0000'), l);
  const base = [...sets.values()];
  let grew = true;
  while (grew && sets.size <= MAX_ROOM_SETS) {
    grew = false;
    for (const a of [...sets.values()]) {
      for (const b of base) {
        // Disjoint sets limit nothing together that they do not limit apart.
        if (!a.some((r) => b.includes(r))) continue;
        const union = [...new Set([...a, ...b])].sort();
        const key = union.join('\u0000');
        if (!sets.has(key)) {
          sets.set(key, union);
          grew = true;
        }
      }
    }
  }
  if (sets.size > MAX_ROOM_SETS) {
    const all = [...new Set(base.flat())].sort();
    return [...base, all].sort(bySetKey);
  }
  return [...sets.values()].sort(bySetKey);
}

function bySetKey(a: readonly string[], b: readonly string[]): number {
  return compareText(a.join('\u0000'), b.join('\u0000'));
}
