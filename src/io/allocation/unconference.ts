/** unconference.csv: the Civil Society Day sessions, by block. */
import { z } from 'zod';
import type { Session } from '../../domain/session.js';
import { capacityCell, found, idCell, nameCell, nameOr, requiredTextCell, textCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from '../rows/sheet.js';
import { byId } from '../../domain/compare.js';

export const UNCONFERENCE_FILE = 'unconference.csv';

/** A session id names its roster file (rosters/<id>.md), so it keeps to characters safe in a file name. */
export const sessionIdCell = idCell.pipe(
  z.string().transform((text, ctx) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text)) {
      ctx.issues.push({ code: 'custom', message: `expected an id of letters, digits, ".", "_" or "-", ${found(text)}`, input: text });
      return z.NEVER;
    }
    return text;
  }),
);

export const optionalId = z.string().transform((text, ctx): string | null => {
  if (text === '') return null;
  if (/[;|]/.test(text)) {
    ctx.issues.push({ code: 'custom', message: `expected one registrant id, ${found(text)}`, input: text });
    return z.NEVER;
  }
  return text;
});

const shape = z.object({
  id: sessionIdCell,
  title: nameCell,
  block: requiredTextCell,
  capacity: capacityCell,
  room: textCell,
  facilitator: optionalId,
  note_taker: optionalId,
});

export function readUnconference(text: FileText): Sheet<Session> {
  return readSheet(
    {
      file: UNCONFERENCE_FILE,
      columns: ['id', 'title', 'block', 'capacity', 'room'],
      optionalColumns: ['facilitator', 'note_taker'],
      idColumn: 'id',
      required: false,
      schema: shape,
      check: (v, report) => {
        if (v.facilitator && v.facilitator === v.note_taker) report('note_taker', `${JSON.stringify(v.note_taker)} is already the facilitator of this session`);
      },
      build: (v, row): Session => ({ id: v.id, title: nameOr(v.title, v.id), block: v.block, capacity: v.capacity, room: v.room, facilitator: v.facilitator, noteTaker: v.note_taker, line: row.line }),
      order: byId,
    },
    text,
  );
}
