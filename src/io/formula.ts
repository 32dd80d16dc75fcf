/**
 * CSV injection: a cell a spreadsheet would run as a formula (one starting
 * with =, +, -, @, tab or CR) is written with a leading `'`, which
 * spreadsheets hide; convene's own readers of its outputs take it off again.
 */
import { z } from 'zod';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as written to a CSV file. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A cell read back from a file convene wrote: the text before neutralise. */
export const unneutralisedCell = z.string().transform((t) => (t.startsWith("'") && FORMULA_START.test(t.slice(1)) ? t.slice(1) : t));
