/** Output: tables to CSV text, and files into an output folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
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

/**
 * Writes each file (keyed by a relative path such as `schedule.csv` or
 * `rooms/r1.ics`) under `dir`, creating folders as needed. Every path is
 * checked before anything is written; an absolute path or one with `..`
 * throws, since it could write outside `dir`. Returns the names written, sorted.
 */
export async function writeOutputs(dir: string, files: Readonly<Record<string, string>>): Promise<readonly string[]> {
  const names = Object.keys(files).sort();
  for (const name of names) {
    const parts = name.split(/[\\/]/);
    if (name === '' || isAbsolute(name) || /^[a-zA-Z]:/.test(name) || parts.includes('..') || parts.includes('')) {
      throw new Error(`refusing to write ${JSON.stringify(name)}: output paths must be relative, inside the output folder`);
    }
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files[name] ?? '', 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      throw new OutputError(`cannot write ${path}: ${OUTPUT_REASONS[code] ?? code}`);
    }
  }
  return names;
}

/** The output folder cannot be written (a user's problem, not convene's). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

const OUTPUT_REASONS: Readonly<Record<string, string>> = {
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'a folder stands where the file should go',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EEXIST: 'a file stands where a folder should go',
};
