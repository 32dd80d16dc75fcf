/**
 * Whether each item fits in time: somewhere in the program windows at all, and
 * where it is pinned. Runs only when calendar.csv was read without problems,
 * since these checks reason about every window of a day.
 */
import type { InputIssue } from '../../domain/issues.js';
import { formatSpan, formatTime } from '../../domain/time.js';
import { isProgram, type Item, type Minutes, type Window } from '../../domain/types.js';
import { cellIssue } from '../rows/sheet.js';
import type { Sheets } from './sheets.js';

export function checkTimes(s: Sheets): readonly InputIssue[] {
  const table = s.themes.table;
  if (table === null || !s.calendar.clean) return [];
  const program = s.calendar.rows.filter(isProgram);
  if (program.length === 0) return [];
  const breaks = s.calendar.rows.filter((w) => w.kind === 'break');
  const dates = new Set(s.calendar.rows.map((w) => w.date));
  const issues: InputIssue[] = [];

  for (const item of s.themes.rows) {
    const at = (column: string, message: string) => issues.push(cellIssue(table, item.line, column, message));
    const date = item.pin.date;
    // A pin_date missing from the calendar altogether is reported with the references.
    if (date !== undefined && !dates.has(date)) continue;
    const windows = date === undefined ? program : program.filter((w) => w.date === date);
    if (windows.length === 0) {
      at('pin_date', `${date} has no program window in ${s.calendar.file}, only breaks`);
      continue;
    }
    const longest = windows.reduce((a, b) => (length(b) > length(a) ? b : a));
    const fitsSomewhere = length(longest) >= item.duration;
    if (!fitsSomewhere) {
      const where = date === undefined ? 'every program window' : `every program window on ${date} (pin_date)`;
      const best = `the longest is ${length(longest)} minutes: ${formatSpan(longest.date, longest.start, longest.end)}`;
      at('duration', `${item.duration} minutes is longer than ${where} (${best})`);
    }
    if (item.pin.start !== undefined) {
      const message = pinStartProblem(item, item.pin.start, windows, breaks, fitsSomewhere);
      if (message !== null) at('pin_start', message);
    }
  }
  return issues;
}

function length(w: Window): Minutes {
  return w.end - w.start;
}

/**
 * A pinned start must fall inside a program window (of the pinned date, or of
 * some date), and the item must end by the end of that window.
 */
function pinStartProblem(
  item: Item,
  start: Minutes,
  windows: readonly Window[],
  breaks: readonly Window[],
  fitsSomewhere: boolean,
): string | null {
  const containing = windows.filter((w) => w.start <= start && start < w.end);
  const time = formatTime(start);
  if (containing.length === 0) {
    const dates = new Set(windows.map((w) => w.date));
    const onBreak = breaks.find((b) => dates.has(b.date) && b.start <= start && start < b.end);
    if (onBreak) {
      const label = onBreak.label === '' ? 'a break' : `the break ${JSON.stringify(onBreak.label)}`;
      return `${time} is during ${label} (${formatSpan(onBreak.date, onBreak.start, onBreak.end)})`;
    }
    if (item.pin.date === undefined) return `${time} is outside every program window`;
    const spans = windows.map((w) => `${formatTime(w.start)}-${formatTime(w.end)}`).join(', ');
    return `${time} is outside every program window of ${item.pin.date} (${spans})`;
  }
  // Too long for any window at all is already reported on duration.
  if (!fitsSomewhere || containing.some((w) => start + item.duration <= w.end)) return null;
  const [w] = containing;
  if (w === undefined) return null;
  const end = formatTime(start + item.duration);
  return `${time} + ${item.duration} minutes ends at ${end}, after its program window ${formatSpan(w.date, w.start, w.end)} ends`;
}
