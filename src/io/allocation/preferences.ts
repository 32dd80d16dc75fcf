/** preferences.csv: who ranked which session or workshop, 1 = first choice. */
import { z } from 'zod';
import type { Preference } from '../../allocate/types.js';
import { idCell, LIMITS, wholeCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from '../rows/sheet.js';

export const PREFERENCES_FILE = 'preferences.csv';

const shape = z.object({ registrant: idCell, session: idCell, rank: wholeCell(1, LIMITS.rank) });

export function readPreferences(text: FileText): Sheet<Preference> {
  return readSheet(
    {
      file: PREFERENCES_FILE,
      columns: ['registrant', 'session', 'rank'],
      required: false,
      schema: shape,
      build: (v, row): Preference => ({ registrant: v.registrant, session: v.session, rank: v.rank, line: row.line }),
      order: (a, b) => cmp(a.registrant, b.registrant) || cmp(a.session, b.session) || a.rank - b.rank || a.line - b.line,
    },
    text,
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
