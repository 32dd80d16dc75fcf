import { formatTime } from '../domain/time.js';
import type { Event, Minutes, Room, Schedule, Window } from '../domain/types.js';
import { FORMATS, isProgram } from '../domain/types.js';
import { compareRoomsForGrid, uniqueSorted } from './order.js';
import { placements, type PlacedItem } from './placements.js';
import { formatList, inlineText, tableRow } from './text.js';
import { compareText } from '../domain/compare.js';

/** What fills the room cells of a break row: the whole building pauses. */
const BREAK_CELL = '—';

/**
 * schedule.md: the program as a day-by-room grid, meant to be read (or pasted
 * into a website) by attendees.
 *
 * One `## <date>` section per date that has a calendar window or an item. The
 * grid has a row for each moment something begins (an item or a window), and
 * a cell shows only the items that *start* then, with their own times; rows for
 * long items would otherwise repeat them in every row they span. Break windows
 * get their own row, label in the Time column, since no room has anything then.
 */
export function scheduleMarkdown(event: Event, schedule: Schedule): string {
  const all = placements(event, schedule);
  const dates = uniqueSorted([...event.calendar.map((w) => w.date), ...all.map((p) => p.assignment.date)]);
  const lines: string[] = ['# Program', '', `Items: ${formatCounts(all)}.`, ''];
  for (const date of dates) {
    lines.push(
      ...daySection(
        date,
        event.calendar.filter((w) => w.date === date),
        all.filter((p) => p.assignment.date === date),
      ),
    );
  }
  // Sections end with a blank line; the file ends with exactly one newline.
  return `${lines.join('\n').trimEnd()}\n`;
}

function daySection(date: string, windows: readonly Window[], day: readonly PlacedItem[]): readonly string[] {
  const heading = [`## ${date}`, ''];
  const rooms = gridRooms(day);
  if (rooms.length === 0) return [...heading, 'Nothing is scheduled on this day.', ''];

  const breaks = windows
    .filter((w) => w.kind === 'break')
    .sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.label, b.label));
  const programStarts = new Set(windows.filter(isProgram).map((w) => w.start));
  const times = [...new Set<Minutes>([...windows.map((w) => w.start), ...day.map((p) => p.assignment.start)])].sort(
    (a, b) => a - b,
  );

  const rows: string[] = [];
  for (const t of times) {
    for (const b of breaks.filter((w) => w.start === t)) {
      const label = `${formatTime(b.start)}-${formatTime(b.end)} — ${inlineText(b.label.trim() || 'Break')}`;
      rows.push(tableRow([label, ...rooms.map(() => BREAK_CELL)]));
    }
    const starting = day.filter((p) => p.assignment.start === t);
    // A program window opening with nothing starting still gets its row: it
    // tells the reader when the rooms open again.
    if (starting.length > 0 || programStarts.has(t)) {
      rows.push(tableRow([formatTime(t), ...rooms.map((r) => cell(starting.filter((p) => p.room.id === r.id)))]));
    }
  }

  return [
    ...heading,
    tableRow(['Time', ...rooms.map((r) => inlineText(`${r.name} (${r.id})`))]),
    tableRow(['---', ...rooms.map(() => '---')]),
    ...rows,
    '',
    `Items this day: ${formatCounts(day)}.`,
    '',
  ];
}

/** Only rooms in use that day, so a quiet room does not add an empty column. */
function gridRooms(day: readonly PlacedItem[]): readonly Room[] {
  const byId = new Map(day.map((p) => [p.room.id, p.room] as const));
  return [...byId.values()].sort(compareRoomsForGrid);
}

/** `**p03** Open budgets (11:00-12:00)`; two starts in one room (never in a checked schedule) both show. */
function cell(starting: readonly PlacedItem[]): string {
  return starting
    .map(({ assignment: a, item }) => {
      const span = `${formatTime(a.start)}-${formatTime(a.end)}`;
      return `**${inlineText(item.id)}** ${inlineText(item.title)} (${span})`;
    })
    .join(' / ');
}

/** "2 plenary, 3 lightning and 1 workshop (6 in all)": every format named, in FORMATS order. */
function formatCounts(list: readonly PlacedItem[]): string {
  const parts = FORMATS.map((f) => `${list.filter((p) => p.item.format === f).length} ${f}`);
  return `${formatList(parts)} (${list.length} in all)`;
}
