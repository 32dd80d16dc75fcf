import { formatTime } from '../domain/time.js';
import type { Event, Schedule } from '../domain/types.js';
import { uniqueSorted } from './order.js';
import { placements, type PlacedItem } from './placements.js';
import type { Table } from '../domain/table.js';

export const BY_SPEAKER_COLUMNS = [
  'speaker',
  'name',
  'date',
  'start',
  'end',
  'item',
  'title',
  'format',
  'room',
] as const;

/** The title shown for a speaker who has nothing in the program, so the gap is visible, not silent. */
export const NO_ITEM_PLACED = '(no item placed)';

/**
 * by-speaker.csv: one row per (speaker, placed item), by speaker id, date,
 * start. Every speaker of speakers.csv appears, those with no placed item once
 * with NO_ITEM_PLACED, so the committee can see who has no slot.
 */
export function bySpeakerTable(event: Event, schedule: Schedule): Table {
  const names = new Map(event.speakers.map((s) => [s.id, s.name] as const));
  const bySpeaker = new Map<string, PlacedItem[]>();
  // placements() is already sorted by date, start, room, item, so each list is too.
  for (const p of placements(event, schedule)) {
    for (const id of new Set(p.item.speakers)) {
      const list = bySpeaker.get(id) ?? [];
      list.push(p);
      bySpeaker.set(id, list);
    }
  }
  // Speakers are cross-checked against speakers.csv by io; the union only
  // guards against a row vanishing if that ever slips.
  const ids = uniqueSorted([...names.keys(), ...bySpeaker.keys()]);
  const rows = ids.flatMap((id) => {
    const name = names.get(id) ?? '';
    const list = bySpeaker.get(id) ?? [];
    if (list.length === 0) return [[id, name, '', '', '', '', NO_ITEM_PLACED, '', '']];
    return list.map(({ assignment: a, item }) => [
      id,
      name,
      a.date,
      formatTime(a.start),
      formatTime(a.end),
      item.id,
      item.title,
      item.format,
      a.room,
    ]);
  });
  return { header: BY_SPEAKER_COLUMNS, rows };
}
