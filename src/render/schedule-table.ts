import { formatTime } from '../domain/time.js';
import type { Event, Schedule } from '../domain/types.js';
import { placements } from './placements.js';
import type { Table } from '../domain/table.js';

/** The columns of schedule.csv. A public contract: other tools read this file, so never reorder. */
export const SCHEDULE_COLUMNS = [
  'id',
  'title',
  'format',
  'date',
  'start',
  'end',
  'room',
  'speakers',
  'themes',
] as const;

/**
 * schedule.csv: one row per placed item, by date, start, room id, item id.
 * Speakers keep the item's own order (the first is the lead speaker); themes too.
 */
export function scheduleTable(event: Event, schedule: Schedule): Table {
  const rows = placements(event, schedule).map(({ assignment: a, item }) => [
    item.id,
    item.title,
    item.format,
    a.date,
    formatTime(a.start),
    formatTime(a.end),
    a.room,
    item.speakers.join(';'),
    item.themes.join(';'),
  ]);
  return { header: SCHEDULE_COLUMNS, rows };
}
