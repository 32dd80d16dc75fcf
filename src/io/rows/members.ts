/**
 * members.csv (optional): the member countries of the region, in the order
 * the report and the lobby's country groups list them. `country` is written
 * as themes.csv writes it (compared without regard to case or accents);
 * `name` is how to print it when it differs.
 */
import { z } from 'zod';
import type { Member } from '../../domain/types.js';
import { requiredTextCell, textCell } from '../cells.js';
import { cellIssue, readSheet, type FileText, type Sheet } from './sheet.js';
import { countryKey } from '../../domain/countries.js';

export const MEMBERS_FILE = 'members.csv';

const shape = z.object({ country: requiredTextCell, name: textCell });

export function readMembers(text: FileText): Sheet<Member> {
  const sheet = readSheet(
    {
      file: MEMBERS_FILE,
      columns: ['country'],
      optionalColumns: ['name'],
      required: false,
      schema: shape,
      build: (v, row): Member => ({ country: v.country, name: v.name || v.country, line: row.line }),
      // The order of the file is the order of the report.
      order: (a, b) => a.line - b.line,
    },
    text,
  );
  const first = new Map<string, number>();
  const issues = [...sheet.issues];
  for (const m of sheet.rows) {
    const key = countryKey(m.country);
    const line = first.get(key);
    if (line !== undefined && sheet.table) issues.push(cellIssue(sheet.table, m.line, 'country', `${JSON.stringify(m.country)} is listed already (line ${line})`));
    else first.set(key, m.line);
  }
  return { ...sheet, issues, clean: issues.length === 0 };
}
