/**
 * The common part of reading one input file: the file must exist (unless
 * optional), name the columns it needs, and each row must fit a zod shape.
 * Every problem is collected; rows with problems are left out of `rows`, but
 * their ids still count as declared, so that a typo in a speaker's sector does
 * not also turn up as "unknown speaker" in every item she speaks in.
 */
import type { z } from 'zod';
import type { InputIssue } from '../../domain/issues.js';
import { plainReader, Unreadable } from '../cells.js';
import { parseCsvTable, type CsvRow, type CsvTable } from '../csv.js';

export type Sheet<T> = {
  readonly file: string;
  /** null when the file is missing or could not be read as CSV. */
  readonly table: CsvTable | null;
  /** The rows read without problems, sorted as the spec says. */
  readonly rows: readonly T[];
  /**
   * Every id the file declares (non-empty id cell), valid row or not, with the
   * line of its first row; null when they cannot be known (missing file or id column).
   */
  readonly ids: ReadonlyMap<string, number> | null;
  /** No issue at all in this file: only then may a check reason about "every room" or "every window". */
  readonly clean: boolean;
  readonly issues: readonly InputIssue[];
};

/**
 * A file's text; undefined when the file does not exist; an issue when it
 * exists but could not be read; or its table, already parsed, when two
 * readers read the same file (registrations.csv's base and Datacamp columns).
 */
export type FileText = string | undefined | InputIssue | CsvTable;

/** The file's table when it parses, so that several readers share one parse; otherwise the text as it was. */
export function parsedOnce(text: FileText, file: string): FileText {
  if (typeof text !== 'string') return text;
  const parsed = parseCsvTable(text, file);
  return 'rows' in parsed ? parsed : text;
}

/** Reports a problem with one cell of the row being built. */
export type Report = (column: string, message: string) => void;

export type SheetSpec<S extends z.ZodObject, T> = {
  readonly file: string;
  /** Columns that must be in the header, in the order the message lists them. */
  readonly columns: readonly string[];
  /** Columns read when present; an absent one reads as empty cells. */
  readonly optionalColumns?: readonly string[];
  /** The column whose values must be unique and non-empty; omit for none. */
  readonly idColumn?: string;
  /** False when a missing file simply means "no rows". */
  readonly required: boolean;
  /** The shape of one row, a cell schema per column name; its messages are ours (see cells.ts). */
  readonly schema: S;
  /**
   * Checks that span cells of the row. Gets every cell that could be read, so
   * a row with one bad cell still has its other problems reported.
   */
  readonly check?: (value: Partial<z.output<S>>, report: Report, line: number) => void;
  /** The record of a row whose every cell was read; null to leave the row out. */
  readonly build: (value: z.output<S>, row: CsvRow) => T | null;
  readonly order: (a: T, b: T) => number;
};

/** An issue about one cell of a file: located at the row's line and the column's position in the header. */
export function cellIssue(table: CsvTable, line: number, column: string, message: string): InputIssue {
  return { file: table.file, line, column: table.col(column), columnName: column, message };
}

export function readSheet<S extends z.ZodObject, T>(
  spec: SheetSpec<S, T>,
  text: FileText,
): Sheet<T> {
  const { file, columns } = spec;
  const missing = (message: string): Sheet<T> => ({
    file,
    table: null,
    rows: [],
    ids: null,
    clean: false,
    issues: [{ file, line: 0, column: 0, columnName: '', message }],
  });
  if (typeof text === 'object' && !('rows' in text)) return { file, table: null, rows: [], ids: null, clean: false, issues: [text] };
  if (text === undefined) {
    if (!spec.required) return { file, table: null, rows: [], ids: new Map(), clean: true, issues: [] };
    return missing(`missing file (expected columns ${columns.join(',')})`);
  }
  const parsed = typeof text === 'string' ? parseCsvTable(text, file) : text;
  if (!('rows' in parsed)) return { file, table: null, rows: [], ids: null, clean: false, issues: parsed };
  const table = parsed;
  if (table.header.length === 0) return missing(`empty file (expected columns ${columns.join(',')})`);

  const issues: InputIssue[] = [];
  const known = new Set([...columns, ...(spec.optionalColumns ?? [])]);
  const absent = new Set(columns.filter((c) => table.col(c) === 0));
  for (const c of absent) {
    issues.push({ file, line: table.headerLine, column: 0, columnName: c, message: 'missing column' });
  }
  for (const d of table.duplicateColumns) {
    if (!known.has(d.name)) continue;
    issues.push({
      file,
      line: table.headerLine,
      column: d.column,
      columnName: d.name,
      message: `duplicate column (first at column ${d.first}); only the first is read`,
    });
  }

  const ids = readIds(spec.idColumn, table, issues);
  const duplicateLines = new Set(ids?.duplicateLines ?? []);
  const rows: T[] = [];
  const fields = Object.entries(spec.schema.shape as Record<string, z.ZodType>).map(([column, field]) => ({
    column,
    read: readerOf(field),
  }));
  // Every row's value starts as a copy of one template with every column, so all share one object shape
  // (added one key at a time, 200,000 objects ended up with 200,000 shapes: 30 MB of V8's bookkeeping).
  const template: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f.column, undefined]));
  for (const row of table.rows) {
    const value: Record<string, unknown> = { ...template };
    let complete = absent.size === 0;
    for (const { column, read } of fields) {
      const result = read(row.get(column));
      if (!(result instanceof Unreadable)) {
        value[column] = result;
        continue;
      }
      complete = false;
      // A missing column is reported once, in the header, not on every row.
      if (absent.has(column)) continue;
      for (const message of result.message.split('\n')) issues.push(cellIssue(table, row.line, column, message));
    }
    spec.check?.(value as Partial<z.output<S>>, (column, message) => issues.push(cellIssue(table, row.line, column, message)), row.line);
    if (!complete || duplicateLines.has(row.line)) continue;
    const built = spec.build(value as z.output<S>, row);
    if (built !== null) rows.push(built);
  }
  return {
    file,
    table,
    rows: rows.sort(spec.order),
    ids: ids?.first ?? null,
    clean: issues.length === 0,
    issues,
  };
}

/**
 * How one column's cells are read. A schema made in cells.ts has a plain
 * function behind it, which is called directly: zod's machinery costs a few
 * microseconds a cell, seconds on a 200,000-row file. Any other schema goes
 * through zod. Either way the value is remembered per cell text while the
 * texts repeat (a few formats, speakers, theme lists), so that 200,000 rows
 * listing the same themes share one frozen list; a column that proves to hold
 * mostly distinct texts (ids, titles) stops being remembered, so memory stays
 * bounded.
 */
function readerOf(field: z.ZodType): (text: string) => unknown {
  const read =
    plainReader(field) ??
    ((text: string) => {
      // The fallback message only shows if a cell schema lacks its own (a bug); zod's words never reach the user.
      const result = field.safeParse(text, { error: () => 'unreadable value' });
      return result.success ? result.data : new Unreadable(result.error.issues.map((i) => i.message).join('\n'));
    });
  const seen = new Map<string, unknown>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    const value = read(text);
    if (seen.size >= MEMO_LIMIT) return value;
    // Shared between rows, so frozen: nothing downstream may change one row's list under another.
    const shared = typeof value === 'object' && value !== null && !(value instanceof Unreadable) ? Object.freeze(value) : value;
    seen.set(text, shared);
    return shared;
  };
}

/** Distinct cell texts remembered per column. */
const MEMO_LIMIT = 10_000;

/** Collects the declared ids and reports repeated ones at the later row. */
function readIds(
  idColumn: string | undefined,
  table: CsvTable,
  issues: InputIssue[],
): { first: Map<string, number>; duplicateLines: number[] } | undefined {
  if (idColumn === undefined || table.col(idColumn) === 0) return undefined;
  const first = new Map<string, number>();
  const duplicateLines: number[] = [];
  for (const row of table.rows) {
    const id = row.get(idColumn);
    if (id === '') continue;
    const line = first.get(id);
    if (line === undefined) first.set(id, row.line);
    else {
      duplicateLines.push(row.line);
      issues.push(cellIssue(table, row.line, idColumn, `duplicate id ${JSON.stringify(id)} (first on line ${line})`));
    }
  }
  return { first, duplicateLines };
}

/** The file was read, has a header, and holds no row at all. */
export function hasNoRows(sheet: Sheet<unknown>): boolean {
  return sheet.table !== null && sheet.table.rows.length === 0;
}

/**
 * The one issue that replaces a cascade of "unknown ..." when the file
 * referred to is empty (a header and no rows) or missing: the cause, said
 * once, with how much refers to it. `refs` are the lines that do, in order.
 */
export function nothingToReferTo(target: Sheet<unknown>, what: string, from: string, refs: readonly number[]): InputIssue {
  const where = refs.length === 1 ? `on line ${refs[0]}` : `on ${refs.length} rows, the first on line ${refs[0]}`;
  if (target.table === null) {
    return { file: target.file, line: 0, column: 0, columnName: '', message: `missing file, yet ${from} names ${what} ${where}` };
  }
  const line = target.table.headerLine;
  return { file: target.file, line, column: 0, columnName: '', message: `no ${what}: the file has a header but no rows, yet ${from} names ${what} ${where}` };
}
