/**
 * room-size: popular items in larger rooms. Among the rooms an item may use
 * (its kind, its allowed list, seats enough), it costs nothing in the largest
 * and, per step down the capacity ranking, one point per started ten of its
 * expected audience. Minimising the sum gives larger rooms to larger
 * audiences wherever items compete for rooms at the same time. Linear in the
 * placements and monotone, like every other goal.
 */
import { ROOM_KIND_OF, seatsAudience, weighedAudience, type Assignment, type Item, type Room, type Schedule } from '../../domain/types.js';
import { itemLabel, roomLabel, type Context } from '../context.js';

export const ROOM_SIZE_TERM = {
  name: 'room-size',
  description: 'An item is not in the largest room it could use: per step down in room size, per started ten of its expected audience.',
} as const;

// Built once per context and item: the model asks for every candidate placement.
const roomCache = new WeakMap<Context, Map<string, readonly Room[]>>();

function usableRooms(ctx: Context, item: Item): readonly Room[] {
  let byItem = roomCache.get(ctx);
  if (!byItem) roomCache.set(ctx, (byItem = new Map()));
  const cached = byItem.get(item.id);
  if (cached) return cached;
  const rooms = [...ctx.rooms.values()]
    .filter(
      (r) =>
        r.kind === ROOM_KIND_OF[item.format] &&
        (item.format !== 'plenary' || r.interpretation) &&
        (item.rooms.length === 0 || item.rooms.includes(r.id)) &&
        seatsAudience(r.capacity, item),
    )
    .sort((a, b) => b.capacity - a.capacity || (a.id < b.id ? -1 : 1));
  byItem.set(item.id, rooms);
  return rooms;
}

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

export function scoreRoomSize(ctx: Context, schedule: Schedule): readonly { readonly units: number; readonly message: string }[] {
  const out: { units: number; message: string }[] = [];
  for (const a of [...schedule].sort((x, y) => (x.item < y.item ? -1 : 1))) {
    const item = ctx.items.get(a.item);
    const steps = sizeSteps(ctx, a);
    if (!item || steps === 0) continue;
    const largest = usableRooms(ctx, item)[0]!;
    out.push({
      units: steps * sizeUnits(item),
      message: `${itemLabel(item)} (${item.audience === null ? 'audience not known' : `${item.audience} expected`}) is in ${roomLabel(ctx, a.room)}, ${steps} size step${steps === 1 ? '' : 's'} below ${roomLabel(ctx, largest.id)} (${largest.capacity} seats)`,
    });
  }
  return out;
}
