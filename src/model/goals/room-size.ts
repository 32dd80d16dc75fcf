/**
 * room-size: popular items in larger rooms. Among the rooms an item may use
 * (its kind, its allowed list, seats enough), it costs nothing in the largest
 * and, per step down the capacity ranking, one point per started ten of its
 * expected audience. Minimising the sum gives larger rooms to larger
 * audiences wherever items compete for rooms at the same time. Linear in the
 * placements and monotone, like every other goal.
 */
import { weighedAudience, type Assignment, type Item } from '../../domain/types.js';
import { compareText } from '../../domain/compare.js';
import type { Candidates } from '../candidates.js';
import { itemLabel, occupiedFrom, occupiedUntil, roomLabel, type Context } from '../context.js';
import { makeRow, type MipColumn, type MipModel, type MipRow } from '../mip.js';
import { usableRooms } from '../rooms.js';
import { counted, type Goal, type Occurrence } from './goal.js';

/** How many distinct capacities above this room's the item could have had. */
export function sizeSteps(ctx: Context, p: Assignment): number {
  const item = ctx.items.get(p.item);
  const room = ctx.rooms.get(p.room);
  if (!item || !room) return 0;
  return new Set(usableRooms(ctx, item).filter((r) => r.capacity > room.capacity).map((r) => r.capacity)).size;
}

export function sizeUnits(item: Item): number {
  return Math.ceil(weighedAudience(item) / 10);
}

export const roomSizeGoal: Goal = {
  name: 'room-size',
  description: 'An item is not in the largest room it could use: per step down in room size, per started ten of its expected audience.',
  defaultWeight: 1,
  placementUnits: (ctx, p) => sizeSteps(ctx, p) * sizeUnits(ctx.items.get(p.item)!),
  score(ctx, schedule) {
    const out: (Occurrence & { units: number })[] = [];
    for (const a of [...schedule].sort((x, y) => compareText(x.item, y.item))) {
      const item = ctx.items.get(a.item);
      const steps = sizeSteps(ctx, a);
      if (!item || steps === 0) continue;
      const largest = usableRooms(ctx, item)[0]!;
      out.push({
        items: [a.item],
        units: steps * sizeUnits(item),
        message: `${itemLabel(item)} (${item.audience === null ? 'audience not known' : `${item.audience} expected`}) is in ${roomLabel(ctx, a.room)}, ${steps} size step${steps === 1 ? '' : 's'} below ${roomLabel(ctx, largest.id)} (${largest.capacity} seats)`,
      });
    }
    // The report's count is the units: one per step and started ten of audience.
    const units = out.reduce((n, o) => n + o.units, 0);
    return { ...counted(out.map(({ items, message }) => ({ items, message }))), count: units, units };
  },
  maxUnits: (ctx) => [...ctx.items.values()].reduce((n, i) => n + sizeUnits(i) * ctx.rooms.size, 0),
  relaxation: (ctx, candidates) => roomTimeRelaxation(ctx, candidates),
};

/**
 * Items share each room's time. A placement occupies its room from its
 * set-up to its tear-down and hallway gap; on a date, the union of a room's
 * candidate occupancies falls into spans, and the items one span holds
 * occupy disjoint parts of it. So a share of each item per (room, span),
 * the shares of an item adding up to one and each span's occupied minutes
 * within its length, relaxes every complete schedule: the least room-size
 * cost of such shares is a lower bound. It counts what must go to smaller
 * rooms when the large ones are full. Null when no item could be anywhere
 * but its largest room.
 */
export function roomTimeRelaxation(ctx: Context, candidates: Candidates): MipModel | null {
  const byRoomDate = new Map<string, Assignment[]>();
  for (const p of candidates.placements) {
    const key = `${p.room}\u0000${p.date}`;
    const list = byRoomDate.get(key);
    if (list) list.push(p);
    else byRoomDate.set(key, [p]);
  }
  const columns: MipColumn[] = [];
  const spanTerms: [number, number][][] = [];
  const spanLengths: number[] = [];
  const itemTerms = new Map<string, [number, number][]>();
  let costly = false;
  for (const key of [...byRoomDate.keys()].sort(compareText)) {
    const list = byRoomDate.get(key)!.map((p) => ({ p, from: occupiedFrom(ctx, p), until: occupiedUntil(ctx, p) }));
    list.sort((a, b) => a.from - b.from || a.until - b.until || compareText(a.p.item, b.p.item));
    // Spans: runs of occupancies that overlap one another; per span, each item's cheapest placement in it.
    for (let k = 0; k < list.length; ) {
      let end = list[k]!.until;
      let last = k;
      while (last + 1 < list.length && list[last + 1]!.from < end) end = Math.max(end, list[++last]!.until);
      const cheapest = new Map<string, { units: number; occupies: number }>();
      for (const { p, from, until } of list.slice(k, last + 1)) {
        const units = sizeSteps(ctx, p) * sizeUnits(ctx.items.get(p.item)!);
        const known = cheapest.get(p.item);
        if (!known || units < known.units) cheapest.set(p.item, { units, occupies: until - from });
      }
      const terms: [number, number][] = [];
      for (const [item, { units, occupies }] of [...cheapest].sort(([a], [b]) => compareText(a, b))) {
        if (units > 0) costly = true;
        const column = columns.length;
        columns.push({ name: `share_${item}_${spanLengths.length}`, cost: units, lower: 0, upper: 1, integer: false });
        terms.push([column, occupies]);
        const mine = itemTerms.get(item);
        if (mine) mine.push([column, 1]);
        else itemTerms.set(item, [[column, 1]]);
      }
      spanTerms.push(terms);
      spanLengths.push(end - list[k]!.from);
      k = last + 1;
    }
  }
  if (!costly) return null;
  const rows: MipRow[] = [];
  for (const [item, terms] of [...itemTerms].sort(([a], [b]) => compareText(a, b))) rows.push(makeRow(`whole_${item}`, 1, 1, terms));
  spanTerms.forEach((terms, s) => rows.push(makeRow(`span_${s}`, -Infinity, spanLengths[s]!, terms)));
  return { columns, rows, integralObjective: true };
}
