/** availability.csv (optional): when speakers, rooms or items can or cannot be scheduled. */
import { z } from 'zod';
import { formatTime } from '../../domain/time.js';
import { AVAILABILITY_STATUSES, type AvailabilityRow } from '../../domain/types.js';
import { choiceCell, dateCell, idCell, timeCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';

export const AVAILABILITY_FILE = 'availability.csv';

const shape = z.object({
  who: idCell,
  date: dateCell,
  start: timeCell,
  end: timeCell,
  status: choiceCell(AVAILABILITY_STATUSES),
});

export function readAvailability(text: FileText): Sheet<AvailabilityRow> {
  return readSheet(
    {
      file: AVAILABILITY_FILE,
      columns: ['who', 'date', 'start', 'end', 'status'],
      required: false,
      schema: shape,
      check: (v, report) => {
        if (v.start !== undefined && v.end !== undefined && v.end <= v.start) {
          report('end', `expected a time after the start (${formatTime(v.start)}), got ${formatTime(v.end)}`);
        }
      },
      build: (v, row): AvailabilityRow | null => (v.end <= v.start ? null : { who: v.who, date: v.date, start: v.start, end: v.end, status: v.status, line: row.line }),
      order: (a, b) =>
        a.who < b.who ? -1 : a.who > b.who ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.start - b.start || a.end - b.end || a.line - b.line,
    },
    text,
  );
}
