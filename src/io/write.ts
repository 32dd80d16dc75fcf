/** Output: tables to CSV text (and, from ./output.ts, files into an output folder). */
import { stringify } from 'csv-stringify/sync';
import type { Table } from '../domain/table.js';
import { neutralise } from './formula.js';


/**
 * CSV text: comma-separated, LF line endings, a final newline, quotes only
 * where needed. A cell a spreadsheet would run as a formula (one starting with
 * =, +, -, @, tab or CR; CSV injection) gets a leading `'`, which spreadsheets
 * hide and parseSchedule removes again.
 */
export function tableToCsv(table: Table): string {
  const records = [table.header, ...table.rows].map((row) => row.map(neutralise));
  // csv-stringify quotes LF but not a lone CR, which would still break the row for most readers.
  return stringify(records, { delimiter: ',', record_delimiter: '\n', quoted_match: /\r/ });
}

export { checkOutputFolder, MANIFEST, OutputError, writeOutputs, type OutputOptions } from './output.js';
