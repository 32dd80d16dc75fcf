/**
 * favourites.csv (optional): who wants to attend what, from a registration
 * form or a conference app's stars. One row per registrant and item; a row
 * repeated counts once.
 */
import { z } from 'zod';
import { compareText } from '../../domain/compare.js';
import type { Favourite } from '../../domain/types.js';
import { idCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from './sheet.js';

export const FAVOURITES_FILE = 'favourites.csv';

const shape = z.object({ registrant: idCell, item: idCell });

export function readFavourites(text: FileText): Sheet<Favourite> {
  const sheet = readSheet(
    {
      file: FAVOURITES_FILE,
      columns: ['registrant', 'item'],
      required: false,
      schema: shape,
      build: (v, row): Favourite => ({ registrant: v.registrant, item: v.item, line: row.line }),
      order: (a, b) => compareText(a.item, b.item) || compareText(a.registrant, b.registrant) || a.line - b.line,
    },
    text,
  );
  const seen = new Set<string>();
  const rows = sheet.rows.filter((f) => {
    const key = `${f.item}\u0000${f.registrant}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...sheet, rows };
}
