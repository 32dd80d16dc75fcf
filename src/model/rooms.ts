/**
 * The rooms an item may use: the one definition the room-kind and capacity
 * rules, the room-size goal and the direct feasibility checks share.
 */
import { ROOM_KIND_OF, type Format, type Item, type Room } from '../domain/types.js';
import type { RoomKindFinding } from '../domain/findings.js';
import { byId } from '../domain/compare.js';
import type { Context } from './context.js';

/** Whether a room suits a format at all: its kind, and interpretation for plenaries. */
export function suitsFormat(format: Format, room: Room): boolean {
  return room.kind === ROOM_KIND_OF[format] && (format !== 'plenary' || room.interpretation);
}

/** Why an item may not use a room whatever its audience and the time, or null when it may. */
export function roomKindProblem(item: Item, room: Room): RoomKindFinding['problem'] | null {
  if (room.kind !== ROOM_KIND_OF[item.format]) return 'kind';
  if (item.format === 'plenary' && !room.interpretation) return 'interpretation';
  if (item.rooms.length > 0 && !item.rooms.includes(room.id)) return 'not-allowed';
  return null;
}

/** The features an item needs that a room lacks, in the item's order. */
export function missingFeatures(item: Item, room: Room): readonly string[] {
  return item.needs.filter((f) => !room.features.includes(f));
}

/** Whether the room seats the item's expected audience: an unknown audience fits any room. */
export function seatsAudience(item: Item, room: Room): boolean {
  return item.audience === null || room.capacity >= item.audience;
}

// Built once per context and item: the model asks for every candidate placement.
const cache = new WeakMap<Context, Map<string, readonly Room[]>>();

/** The rooms an item may use at some time, largest first (then by id). */
export function usableRooms(ctx: Context, item: Item): readonly Room[] {
  let byItem = cache.get(ctx);
  if (!byItem) cache.set(ctx, (byItem = new Map()));
  const cached = byItem.get(item.id);
  if (cached) return cached;
  const rooms = [...ctx.rooms.values()]
    .filter((r) => roomKindProblem(item, r) === null && missingFeatures(item, r).length === 0 && seatsAudience(item, r))
    .sort((a, b) => b.capacity - a.capacity || byId(a, b));
  byItem.set(item.id, rooms);
  return rooms;
}

/** The rooms that suit a format, by id. */
export function formatRooms(ctx: Context, format: Format): readonly Room[] {
  return [...ctx.rooms.values()].filter((r) => suitsFormat(format, r)).sort(byId);
}
