/** calendar.csv: the program windows and breaks of each day. */
import { z } from 'zod';
import type { InputIssue } from '../../domain/issues.js';
import { formatSpan, formatTime } from '../../domain/time.js';
import { isProgram, WINDOW_KINDS, type Window } from '../../domain/types.js';
import { choiceCell, dateCell, textCell, timeCell } from '../cells.js';
import { cellIssue, readSheet, type FileText, type Sheet } from './sheet.js';

export const CALENDAR_FILE = 'calendar.csv';

const shape = z.object({
  date: dateCell,
  start: timeCell,
  end: timeCell,
  kind: choiceCell(WINDOW_KINDS),
  label: textCell,
});

export function readCalendar(text: FileText): Sheet<Window> {
  const sheet = readSheet(
    {
      file: CALENDAR_FILE,
      columns: ['date', 'start', 'end', 'kind', 'label'],
      required: true,
      schema: shape,
      check: (v, report) => {
        if (v.start !== undefined && v.end !== undefined && v.end <= v.start) {
          report('end', `expected a time after the start (${formatTime(v.start)}), got ${formatTime(v.end)}`);
        }
      },
      build: (v, row): Window | null => (v.end <= v.start ? null : { date: v.date, start: v.start, end: v.end, kind: v.kind, label: v.label, line: row.line }),
      order: (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start - b.start || a.end - b.end || a.line - b.line),
    },
    text,
  );
  const issues = [...sheet.issues, ...checkWindows(sheet)];
  return { ...sheet, issues, clean: issues.length === 0 };
}

/**
 * Program windows of one date may not overlap each other or a break; each
 * overlap is reported once, at the row further down the file. A calendar
 * without any program window leaves nowhere to put anything.
 *
 * A sweep over each date's rows by start time compares a row only with the
 * rows still open when it starts, each of which overlaps it: linear in the
 * rows and the overlaps found (at most OVERLAPS of them are looked for).
 */
function checkWindows(sheet: Sheet<Window>): readonly InputIssue[] {
  const { table } = sheet;
  if (table === null) return [];
  const issues: InputIssue[] = [];
  // sheet.rows are sorted by date, then start.
  let programs: Window[] = [];
  let breaks: Window[] = [];
  let date = '';
  for (const w of sheet.rows) {
    if (issues.length >= OVERLAPS) break;
    if (w.date !== date) {
      date = w.date;
      programs = [];
      breaks = [];
    }
    programs = programs.filter((a) => a.end > w.start);
    breaks = breaks.filter((a) => a.end > w.start);
    for (const a of w.kind === 'break' ? programs : [...programs, ...breaks]) {
      const [earlier, later] = a.line < w.line ? [a, w] : [w, a];
      issues.push(cellIssue(table, later.line, 'start', `${describe(later)} overlaps ${describe(earlier)} (line ${earlier.line})`));
    }
    // Program and plenary-only windows may overlap nothing; breaks may overlap each other.
    (w.kind === 'break' ? breaks : programs).push(w);
  }
  if (sheet.clean && !sheet.rows.some(isProgram)) {
    issues.push(cellIssue(table, table.headerLine, 'kind', 'no program window (expected at least one row with kind "program")'));
  }
  return issues;
}

/** Overlapping windows looked for in one calendar: more is a calendar to rewrite, not to list. */
const OVERLAPS = 10_000;

function describe(w: Window): string {
  const label = w.label === '' ? '' : ` ${JSON.stringify(w.label)}`;
  const kind = { program: 'program window', plenary_only: 'plenary-only window', break: 'break' }[w.kind];
  return `${kind}${label} ${formatSpan(w.date, w.start, w.end)}`;
}
