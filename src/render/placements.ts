import type { Assignment, Event, Item, Room, Schedule } from '../domain/types.js';
import { compareAssignments } from './order.js';

/** One assignment joined with the item and room it names. */
export type PlacedItem = {
  readonly assignment: Assignment;
  readonly item: Item;
  readonly room: Room;
};

/**
 * Joins a schedule with its event, sorted by date, start, room id, item id.
 *
 * Render only ever sees schedules that passed the checker, so an id the event
 * lacks is a bug upstream. We throw rather than write a half-empty row: a file
 * that silently drops a title is worse than a loud failure.
 */
export function placements(event: Event, schedule: Schedule): readonly PlacedItem[] {
  const items = new Map(event.items.map((i) => [i.id, i] as const));
  const rooms = new Map(event.rooms.map((r) => [r.id, r] as const));
  return [...schedule].sort(compareAssignments).map((assignment) => {
    const item = items.get(assignment.item);
    if (!item) throw new Error(`render: the schedule places item "${assignment.item}", which the event does not have`);
    const room = rooms.get(assignment.room);
    if (!room) throw new Error(`render: the schedule uses room "${assignment.room}", which the event does not have`);
    return { assignment, item, room };
  });
}
