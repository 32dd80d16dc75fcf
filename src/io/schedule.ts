/**
 * A schedule CSV written by convene (or edited by hand) -> Schedule. Only
 * cells that cannot be read, and ids that match nothing in the event, are
 * refused here; duplicates, missing items, wrong durations and clashes are
 * left for the rule checker, which names them far better than a parser could.
 */
import { z } from 'zod';
import { InputError } from '../domain/issues.js';
import type { Assignment, Event, Schedule } from '../domain/types.js';
import { dateCell, idCell, parseBool, timeCell } from './cells.js';
import { readText } from './files.js';
import { unneutralisedCell } from './formula.js';
import { readSheet, type FileText } from './rows/sheet.js';
import { compareText } from '../domain/compare.js';

/** A schedule and the items marked `locked` in it (sorted ids), which a re-run must keep where they are. */
export type ScheduleFile = {
  readonly schedule: Schedule;
  readonly locked: readonly string[];
};

type Row = Assignment & { readonly locked: boolean; readonly line: number };

const shape = z.object({
  id: unneutralisedCell.pipe(idCell),
  date: dateCell,
  start: timeCell,
  end: timeCell,
  room: unneutralisedCell.pipe(idCell),
  locked: z.string().transform((text, ctx) => {
    const value = text === '' ? false : parseBool(text);
    if (value === null) {
      ctx.issues.push({ code: 'custom', message: `expected yes or no, or nothing, got ${JSON.stringify(text)}`, input: text });
      return z.NEVER;
    }
    return value;
  }),
});

/**
 * Parses and checks against `event`; throws InputError. `baseline`: a previous
 * schedule may name items and rooms the event no longer has (a cancelled
 * talk): those rows are kept rather than refused.
 */
export function parseScheduleFile(text: FileText, file: string, event: Event, baseline = false): ScheduleFile {
  const items = new Set(event.items.map((i) => i.id));
  const rooms = new Set(event.rooms.map((r) => r.id));
  // Rows whose item this event does not have: when most are, the file is another event's schedule.
  const unknown: { id: string; line: number }[] = [];
  const sheet = readSheet(
    {
      file,
      columns: ['id', 'date', 'start', 'end', 'room'],
      optionalColumns: ['locked'],
      required: true,
      schema: shape,
      check: (v, report, line) => {
        if (baseline) return;
        if (v.id !== undefined && !items.has(v.id)) {
          unknown.push({ id: v.id, line });
          report('id', `unknown item ${JSON.stringify(v.id)} (not in themes.csv)`);
        }
        if (v.room !== undefined && !rooms.has(v.room)) report('room', `unknown room ${JSON.stringify(v.room)} (not in rooms.csv)`);
      },
      build: (v, row): Row | null =>
        baseline || (items.has(v.id) && rooms.has(v.room))
          ? { item: v.id, date: v.date, start: v.start, end: v.end, room: v.room, locked: v.locked, line: row.line }
          : null,
      order: (a, b) =>
        compareText(a.date, b.date) || a.start - b.start || compareText(a.room, b.room) || compareText(a.item, b.item) || a.line - b.line,
    },
    text,
  );
  const rowCount = sheet.table?.rows.length ?? 0;
  if (rowCount > 1 && unknown.length * 2 > rowCount) {
    // The cause once, not a line per row (nor the rooms of that other event).
    const first = unknown[0]!;
    throw new InputError([
      {
        file,
        line: 0,
        column: 0,
        columnName: '',
        message: `${unknown.length === rowCount ? 'none' : `${rowCount - unknown.length}`} of its ${rowCount} rows ${unknown.length === rowCount - 1 ? 'names' : 'name'} an item of themes.csv (the first unknown: ${JSON.stringify(first.id)} on line ${first.line}); is it the schedule of another event?`,
      },
    ]);
  }
  if (sheet.issues.length > 0) throw new InputError(sheet.issues);
  return {
    schedule: sheet.rows.map(({ item, room, date, start, end }) => ({ item, room, date, start, end })),
    locked: [...new Set(sheet.rows.filter((r) => r.locked).map((r) => r.item))].sort(),
  };
}

/**
 * Parses a schedule CSV (columns id,date,start,end,room; others such as title
 * are ignored; `end` is kept as written so the checker can report a wrong
 * duration). Sorted by date, start, room, item. Throws InputError.
 */
export function parseSchedule(text: string, file: string, event: Event): Schedule {
  return parseScheduleFile(text, file, event).schedule;
}

/** Reads `path` from disk; messages name the file as `path` is written. */
export async function readScheduleFile(path: string, event: Event): Promise<ScheduleFile> {
  return parseScheduleFile(await readText(path, path), path, event);
}

export async function readSchedule(path: string, event: Event): Promise<Schedule> {
  return (await readScheduleFile(path, event)).schedule;
}

/** A previous schedule to compare a re-run with; rows of items no longer in the event are kept. */
export async function readBaseline(path: string, event: Event): Promise<Schedule> {
  return parseScheduleFile(await readText(path, path), path, event, true).schedule;
}

