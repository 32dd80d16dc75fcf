import { formatTime } from '../domain/time.js';
import type { Event, Schedule } from '../domain/types.js';
import { placements } from './placements.js';
import type { Table } from '../domain/table.js';
import { compareText } from '../domain/compare.js';

export const BY_ROOM_COLUMNS = [
  'room',
  'room_name',
  'date',
  'start',
  'end',
  'item',
  'title',
  'format',
  'audience',
  'capacity',
] as const;

/**
 * by-room.csv: the sheet a room manager pins on the door, by room id, date,
 * start. Audience beside capacity lets them spot a room that will be full.
 * Rooms with nothing placed have no rows.
 */
export function byRoomTable(event: Event, schedule: Schedule): Table {
  const rows = [...placements(event, schedule)]
    // Stable sort over the date/start/room/item order keeps item id as the last tie-break.
    .sort((p, q) => compareText(p.room.id, q.room.id))
    .map(({ assignment: a, item, room }) => [
      room.id,
      room.name,
      a.date,
      formatTime(a.start),
      formatTime(a.end),
      item.id,
      item.title,
      item.format,
      item.audience === null ? '' : String(item.audience),
      String(room.capacity),
    ]);
  return { header: BY_ROOM_COLUMNS, rows };
}
