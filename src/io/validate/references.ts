/**
 * Checks between files that need only ids, read from the raw cells of every
 * row (valid or not), so they hold even while other cells of a row are wrong.
 */
import type { InputIssue } from '../../domain/issues.js';
import { isIsoDate } from '../../domain/time.js';
import { splitList } from '../cells.js';
import { cellIssue, hasNoRows, nothingToReferTo, type Sheet } from '../rows/sheet.js';
import type { Sheets } from './sheets.js';

export function checkReferences(s: Sheets): readonly InputIssue[] {
  return [...sharedIds(s), ...themeReferences(s), ...availabilityReferences(s), ...favouriteReferences(s), ...orderCycles(s)];
}

/**
 * availability.csv names speakers, rooms and items in one `who` column, so no
 * id may belong to two of them. Reported in the later of speakers, rooms, themes.
 */
function sharedIds(s: Sheets): readonly InputIssue[] {
  const issues: InputIssue[] = [];
  const order: readonly [Sheet<unknown>, string][] = [
    [s.speakers, 'speaker'],
    [s.rooms, 'room'],
    [s.themes, 'item'],
  ];
  order.forEach(([later], i) => {
    const { table, ids } = later;
    if (table === null || ids === null) return;
    for (const [id, line] of ids) {
      for (const [earlier, what] of order.slice(0, i)) {
        const other = earlier.ids?.get(id);
        if (other === undefined) continue;
        const message = `id ${JSON.stringify(id)} is also a ${what} id (${earlier.file} line ${other}); availability.csv could not tell them apart`;
        issues.push(cellIssue(table, line, 'id', message));
      }
    }
  });
  return issues;
}

function themeReferences(s: Sheets): readonly InputIssue[] {
  const table = s.themes.table;
  if (table === null) return [];
  // An empty speakers.csv or rooms.csv is said once, not as "unknown" on every row that names one.
  const noSpeakers = hasNoRows(s.speakers);
  const noRooms = hasNoRows(s.rooms);
  const speakers = noSpeakers ? null : s.speakers.ids;
  const rooms = noRooms ? null : s.rooms.ids;
  const dates = calendarDates(s);
  const issues: InputIssue[] = [];
  const naming = { speakers: [] as number[], rooms: [] as number[] };
  for (const row of table.rows) {
    const at = (column: string, message: string) => issues.push(cellIssue(table, row.line, column, message));
    if (noSpeakers && row.get('speakers') !== '' && splitList(row.get('speakers')).length > 0) naming.speakers.push(row.line);
    if (noRooms && (row.get('rooms') !== '' || row.get('pin_room') !== '')) naming.rooms.push(row.line);
    if (speakers !== null) {
      for (const id of splitList(row.get('speakers'))) {
        if (!speakers.has(id)) at('speakers', `unknown speaker ${JSON.stringify(id)} (not in ${s.speakers.file})`);
      }
    }
    if (rooms !== null) {
      for (const id of splitList(row.get('rooms'))) {
        if (!rooms.has(id)) at('rooms', `unknown room ${JSON.stringify(id)} (not in ${s.rooms.file})`);
      }
      const pinned = row.get('pin_room');
      if (pinned !== '' && !rooms.has(pinned)) at('pin_room', `unknown room ${JSON.stringify(pinned)} (not in ${s.rooms.file})`);
    }
    const date = row.get('pin_date');
    if (dates !== null && isIsoDate(date) && !dates.has(date)) {
      at('pin_date', `${date} is not a date in ${s.calendar.file} (${listDates(dates)})`);
    }
    const items = s.themes.ids;
    for (const id of splitList(row.get('after'))) {
      if (id === row.get('id')) at('after', `an item cannot come after itself (${JSON.stringify(id)})`);
      else if (items !== null && !items.has(id)) at('after', `unknown item ${JSON.stringify(id)} (not in ${s.themes.file})`);
    }
  }
  if (naming.speakers.length > 0) issues.push(nothingToReferTo(s.speakers, 'speakers', s.themes.file, naming.speakers));
  if (naming.rooms.length > 0) issues.push(nothingToReferTo(s.rooms, 'rooms', s.themes.file, naming.rooms));
  return issues;
}

function favouriteReferences(s: Sheets): readonly InputIssue[] {
  const table = s.favourites.table;
  const items = s.themes.ids;
  if (table === null || items === null) return [];
  return table.rows.flatMap((row) => {
    const id = row.get('item');
    return id !== '' && !items.has(id) ? [cellIssue(table, row.line, 'item', `unknown item ${JSON.stringify(id)} (not in ${s.themes.file})`)] : [];
  });
}

/** `after` may not go round in a circle (w1 after w2 after w1): no schedule could keep it. Reported once per cycle, at its first item's row. */
function orderCycles(s: Sheets): readonly InputIssue[] {
  const table = s.themes.table;
  if (table === null) return [];
  // From the raw cells: a bad cell elsewhere in a row does not hide its order.
  const after = new Map<string, readonly string[]>();
  const line = new Map<string, number>();
  for (const row of table.rows) {
    const id = row.get('id');
    if (id === '' || after.has(id)) continue;
    // An item after itself is reported on its own (themeReferences).
    after.set(id, splitList(row.get('after')).filter((x) => x !== id));
    line.set(id, row.line);
  }
  const issues: InputIssue[] = [];
  const done = new Set<string>();
  const reported = new Set<string>();
  const visit = (id: string, path: readonly string[]): void => {
    const k = path.indexOf(id);
    if (k >= 0) {
      const cycle = path.slice(k);
      const key = [...cycle].sort().join('\u0000');
      if (!reported.has(key)) {
        reported.add(key);
        const first = [...cycle].sort()[0]!;
        const ring = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
        issues.push(cellIssue(table, line.get(first)!, 'after', `the order goes round in a circle: ${ring.join(' after ')}`));
      }
      return;
    }
    if (done.has(id)) return;
    for (const next of after.get(id) ?? []) if (after.has(next)) visit(next, [...path, id]);
    done.add(id);
  };
  for (const id of [...after.keys()].sort()) visit(id, []);
  return issues;
}

function availabilityReferences(s: Sheets): readonly InputIssue[] {
  const table = s.availability.table;
  if (table === null) return [];
  const known = [s.speakers.ids, s.rooms.ids, s.themes.ids];
  // Unknown ids while speakers.csv (or rooms.csv) has no rows: that is the cause, said once.
  const empty = hasNoRows(s.speakers) ? s.speakers : hasNoRows(s.rooms) ? s.rooms : null;
  const naming: number[] = [];
  const dates = calendarDates(s);
  const issues: InputIssue[] = [];
  for (const row of table.rows) {
    const who = row.get('who');
    if (who !== '' && known.every((ids) => ids !== null && !ids.has(who))) {
      if (empty) naming.push(row.line);
      else issues.push(cellIssue(table, row.line, 'who', `unknown id ${JSON.stringify(who)} (not a speaker, room or item id)`));
    }
    const date = row.get('date');
    if (dates !== null && isIsoDate(date) && !dates.has(date)) {
      issues.push(cellIssue(table, row.line, 'date', `${date} is not a date in ${s.calendar.file} (${listDates(dates)})`));
    }
  }
  if (empty && naming.length > 0) issues.push(nothingToReferTo(empty, empty === s.speakers ? 'speakers' : 'rooms', s.availability.file, naming));
  return issues;
}

/** The dates of every calendar row, valid or not (a bad time does not unmake its date); null without a readable calendar. */
function calendarDates(s: Sheets): ReadonlySet<string> | null {
  const table = s.calendar.table;
  if (table === null || table.col('date') === 0) return null;
  return new Set(table.rows.map((r) => r.get('date')).filter(isIsoDate));
}

function listDates(dates: ReadonlySet<string>): string {
  return dates.size === 0 ? 'which has no rows' : `its dates: ${[...dates].sort().join(', ')}`;
}
