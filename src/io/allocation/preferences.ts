/** preferences.csv: who ranked which session or workshop, 1 = first choice. */
import { z } from 'zod';
import type { Preference } from '../../domain/allocation.js';
import { idCell, LIMITS, wholeCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from '../rows/sheet.js';
import { compareText } from '../../domain/compare.js';

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
      order: (a, b) => compareText(a.registrant, b.registrant) || compareText(a.session, b.session) || a.rank - b.rank || a.line - b.line,
    },
    text,
  );
}

