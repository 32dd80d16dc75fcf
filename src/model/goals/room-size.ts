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
import { itemLabel, roomLabel, type Context } from '../context.js';
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
};
