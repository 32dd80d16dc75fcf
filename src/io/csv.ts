/**
 * Reading one CSV file into a table of trimmed cells that remember where they
 * came from. Knows nothing about conference data: the row readers in ./rows
 * give the cells a meaning.
 *
 * Spreadsheets write CSV in many dialects, so this accepts: UTF-8 with or
 * without a BOM; comma, semicolon (Excel in Spanish and other locales that use
 * a decimal comma) or tab as the delimiter, detected from the header line;
 * CRLF, LF or CR line endings; an Excel `sep=;` first line.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { InputIssue } from '../domain/issues.js';
import { locateQuoteProblem } from './quotes.js';

export type Delimiter = ',' | ';' | '\t';

/** One data row of a CSV file. */
export type CsvRow = {
  /** The 1-based physical line where the row starts (the header is line 1). */
  readonly line: number;
  /** The trimmed cell under `column` (a normalised header name); '' when the file has no such column or the row is short. */
  get(column: string): string;
  /** The 1-based position of `column` in the header, or 0 when the file has no such column. */
  col(column: string): number;
};

/** A header that names the same column twice; only the first is read. */
export type DuplicateColumn = {
  readonly name: string;
  readonly column: number;
  readonly first: number;
};

export type CsvTable = {
  readonly file: string;
  readonly delimiter: Delimiter;
  /** The 1-based line of the header (2 when the file starts with `sep=`). */
  readonly headerLine: number;
  /** Normalised header names (see normaliseHeader), in file order; empty for an empty file. */
  readonly header: readonly string[];
  readonly duplicateColumns: readonly DuplicateColumn[];
  /** Data rows, in file order, without blank rows or rows whose cells are all empty. */
  readonly rows: readonly CsvRow[];
  /** The 1-based position of `column` in the header, or 0 when absent. */
  col(column: string): number;
};

/**
 * Parses CSV text. Returns the table, or the issues that made the file
 * unreadable (malformed quoting), each located at the line and column where
 * the problem starts, in our own words.
 */
export function parseCsvTable(text: string, file: string): CsvTable | readonly InputIssue[] {
  const { body, delimiter, headerLine } = prepare(text);
  let parsed: string[][];
  try {
    // No per-record callback: csv-parse builds a context object for every
    // record it hands one, which is most of its time on long files. Blank
    // lines are kept so that line numbers can be counted here instead.
    parsed = parse(body, {
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      // A quote inside an unquoted cell (5" screen) is kept as written.
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return [malformed(body, delimiter, file, error)];
  }
  const records: { readonly cells: readonly string[]; readonly line: number }[] = [];
  let line = 1;
  for (const cells of parsed) {
    const start = line;
    line += 1;
    // A blank (or all-space) line reads as one empty cell: skipped, but counted.
    if (cells.length === 1 && cells[0] === '') continue;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      // Newlines inside quoted cells move the next record down.
      if (cell.includes('\n')) line += countNewlines(cell);
      cells[i] = cell.trim();
    }
    records.push({ cells, line: start });
  }

  const [headerRecord, ...dataRecords] = records;
  const header = (headerRecord?.cells ?? []).map(normaliseHeader);
  const index = new Map<string, number>();
  const duplicateColumns: DuplicateColumn[] = [];
  header.forEach((name, i) => {
    if (name === '') return;
    const first = index.get(name);
    if (first === undefined) index.set(name, i);
    else duplicateColumns.push({ name, column: i + 1, first: first + 1 });
  });
  const col = (column: string): number => {
    const i = index.get(column);
    return i === undefined ? 0 : i + 1;
  };

  const rows: CsvRow[] = [];
  for (const { cells, line } of dataRecords) {
    if (cells.some((c) => c !== '')) rows.push(new Row(line, cells, index));
  }

  return {
    file,
    delimiter,
    headerLine: headerRecord?.line ?? headerLine,
    header,
    duplicateColumns,
    rows,
    col,
  };
}

/** A data row: its cells and the header's index, shared by every row of the file. */
class Row implements CsvRow {
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  get(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '');
  }

  col(column: string): number {
    const i = this.index.get(column);
    return i === undefined ? 0 : i + 1;
  }
}

/** `Pin Date` and `pin-date` are read as `pin_date`. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Removes the BOM, turns every line ending into LF, and works out the delimiter.
 * An Excel `sep=X` first line is honoured and blanked (not removed), so that
 * line numbers stay the physical ones.
 */
function prepare(text: string): { body: string; delimiter: Delimiter; headerLine: number } {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const sep = /^sep=(.)[ \t]*(\n|$)/i.exec(body);
  if (sep && isDelimiter(sep[1])) {
    body = '\n' + body.slice(sep[0].length);
    return { body, delimiter: sep[1], headerLine: 2 };
  }
  return { body, delimiter: detectDelimiter(body), headerLine: 1 };
}

function isDelimiter(c: string | undefined): c is Delimiter {
  return c === ',' || c === ';' || c === '\t';
}

/**
 * The delimiter is whichever of comma, semicolon and tab occurs most often in
 * the first non-blank line, outside quotes (header names never contain lists).
 * A header with none of them (a single column) is comma-separated; on a tie,
 * comma beats semicolon beats tab.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seen = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      if (seen) break;
    } else if (!quoted && isDelimiter(c)) counts[c] += 1;
    if (c.trim() !== '') seen = true;
  }
  const best = (['\t', ';', ','] as const).reduce((a, b) => (counts[b] >= counts[a] ? b : a), ',' as Delimiter);
  return counts[best] > 0 ? best : ',';
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n += 1;
  return n;
}

function malformed(body: string, delimiter: Delimiter, file: string, error: CsvError): InputIssue {
  const found = locateQuoteProblem(body, delimiter);
  if (found) {
    const message =
      found.kind === 'unclosed'
        ? 'malformed CSV: unclosed quote'
        : 'malformed CSV: unexpected text after a closing quote (write "" for a quote inside a quoted cell)';
    return { file, line: found.line, column: found.column, columnName: '', message };
  }
  // Not a quoting problem we know how to locate: keep csv-parse's line, never its words.
  const line = typeof error.lines === 'number' ? error.lines : 0;
  return { file, line, column: 0, columnName: '', message: 'malformed CSV: this line could not be read' };
}
