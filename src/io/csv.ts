/**
 * Reading one CSV file into a table of trimmed cells that remember where they
 * came from. Knows nothing about conference data: the row readers in ./rows
 * give the cells a meaning.
 *
 * Spreadsheets write CSV in many dialects, so this accepts: UTF-8 with or
 * without a BOM; comma, semicolon (Excel in Spanish and other locales that use
 * a decimal comma) or tab as the delimiter, detected from the header line;
 * CRLF, LF or CR line endings; an Excel `sep=;` first line. A quote opens a
 * quoted cell only as the first non-blank character of a cell (`""` inside
 * is a quote); elsewhere it is an ordinary character (`5" screen`).
 *
 * The tokenizer is our own, one pass over the text: a file of 200,000 rows
 * is read in well under a second, and its cells are kept as offsets into the
 * text (a typed array, which the garbage collector does not walk) rather than
 * as millions of strings; a cell's text is made when a reader asks for it
 * (and the sheet reader keeps one copy of each repeated value).
 * It finds a quoting problem where it starts (where an unclosed quote opens),
 * not at the end of the file. (It replaced csv-parse, which took 2.5 s and
 * 100 MB for the same file; a test compares the two on random text.)
 */
import type { InputIssue } from '../domain/issues.js';

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
 * Parses CSV text. Returns the table, or the issue that made the file
 * unreadable (malformed quoting), located at the line and column where the
 * problem starts, in our own words.
 */
export function parseCsvTable(text: string, file: string): CsvTable | readonly InputIssue[] {
  const { body, delimiter, headerLine } = prepare(text);
  const scanned = scan(body, delimiter);
  if ('problem' in scanned) {
    const { kind, line, column } = scanned.problem;
    const message =
      kind === 'unclosed'
        ? 'malformed CSV: unclosed quote'
        : 'malformed CSV: unexpected text after a closing quote (write "" for a quote inside a quoted cell)';
    return [{ file, line, column, columnName: '', message }];
  }
  const { cells, records } = scanned;

  // Blank lines (one empty cell) are skipped; the first other record is the header.
  let r = 0;
  while (r < records.count && records.cellCount(r) === 1 && !cells.hasText(records.first(r))) r++;
  const header = r < records.count ? Array.from({ length: records.cellCount(r) }, (_, k) => normaliseHeader(cells.text(records.first(r) + k))) : [];
  const headerAt = r < records.count ? records.line(r) : headerLine;

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

  const shared: RowData = { cells, index };
  const rows: CsvRow[] = [];
  for (r += 1; r < records.count; r++) {
    const first = records.first(r);
    const count = records.cellCount(r);
    let content = false;
    for (let k = 0; k < count && !content; k++) content = cells.hasText(first + k);
    if (content) rows.push(new Row(records.line(r), first, count, shared));
  }
  return { file, delimiter, headerLine: headerAt, header, duplicateColumns, rows, col };
}

type RowData = { readonly cells: Cells; readonly index: ReadonlyMap<string, number> };

/** A data row: where its cells start in the shared cell store, and how many it has. */
class Row implements CsvRow {
  constructor(
    readonly line: number,
    private readonly first: number,
    private readonly count: number,
    private readonly data: RowData,
  ) {}

  get(column: string): string {
    const i = this.data.index.get(column);
    return i === undefined || i >= this.count ? '' : this.data.cells.text(this.first + i);
  }

  col(column: string): number {
    const i = this.data.index.get(column);
    return i === undefined ? 0 : i + 1;
  }
}

/** Every cell of a file as [start, end] in a growing Int32Array over the (prepared) text; end is stored as -end - 1 when the cell holds `""` escapes to undo. */
class Cells {
  private data = new Int32Array(2 * 1024);
  count = 0;
  constructor(private readonly body: string) {}

  add(start: number, end: number, escaped: boolean): void {
    if (2 * this.count + 2 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const at = 2 * this.count++;
    this.data[at] = start;
    this.data[at + 1] = escaped ? -end - 1 : end;
  }

  /** The cell's text, unescaped and trimmed. */
  text(k: number): string {
    const at = 2 * k;
    const end = this.data[at + 1] as number;
    const raw = this.body.slice(this.data[at], end < 0 ? -end - 1 : end);
    return (end < 0 ? raw.replaceAll('""', '"') : raw).trim();
  }

  /** Whether the cell holds anything but whitespace (without making its text). */
  hasText(k: number): boolean {
    const at = 2 * k;
    const stored = this.data[at + 1] as number;
    const end = stored < 0 ? -stored - 1 : stored;
    for (let i = this.data[at] as number; i < end; i++) {
      const c = this.body.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10) continue;
      if (c < 128 || !/\s/.test(this.body[i] as string)) return true;
    }
    return false;
  }
}

/** Records as (line, first cell, cell count) in growing Int32Arrays. */
class Records {
  private data = new Int32Array(3 * 256);
  count = 0;

  add(line: number, first: number, cells: number): void {
    if (3 * this.count + 3 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const at = 3 * this.count++;
    this.data[at] = line;
    this.data[at + 1] = first;
    this.data[at + 2] = cells;
  }

  line(r: number): number {
    return this.data[3 * r] as number;
  }

  first(r: number): number {
    return this.data[3 * r + 1] as number;
  }

  cellCount(r: number): number {
    return this.data[3 * r + 2] as number;
  }
}

type QuoteProblem = { readonly kind: 'unclosed' | 'after-closing-quote'; readonly line: number; readonly column: number };

/** One pass over `body` (LF line endings only): every cell's bounds, or the first quoting problem. */
function scan(body: string, delimiter: Delimiter): { cells: Cells; records: Records } | { problem: QuoteProblem } {
  const d = delimiter.charCodeAt(0);
  const n = body.length;
  const cells = new Cells(body);
  const records = new Records();
  // Blanks before a cell's opening quote, and after its closing quote, are skipped (never the delimiter itself).
  const blank = (c: number) => (c === 32 || c === 9) && c !== d;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const first = cells.count;
    let column = 1;
    for (;;) {
      let p = i;
      while (p < n && blank(body.charCodeAt(p))) p++;
      if (p < n && body.charCodeAt(p) === 34) {
        // A quoted cell: up to the quote that is not doubled.
        const opened = { line, column };
        let q = p + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = body.indexOf('"', q);
          if (close === -1) return { problem: { kind: 'unclosed', ...opened } };
          if (body.charCodeAt(close + 1) === 34) {
            escaped = true;
            q = close + 2;
          } else break;
        }
        for (let k = p + 1; k < close; k++) if (body.charCodeAt(k) === 10) line++;
        cells.add(p + 1, close, escaped);
        i = close + 1;
        while (i < n && blank(body.charCodeAt(i))) i++;
        if (i < n && body.charCodeAt(i) !== d && body.charCodeAt(i) !== 10) return { problem: { kind: 'after-closing-quote', line, column } };
      } else {
        let e = p;
        for (let c = body.charCodeAt(e); e < n && c !== d && c !== 10; c = body.charCodeAt(++e));
        cells.add(p, e, false);
        i = e;
      }
      if (i < n && body.charCodeAt(i) === d) {
        i++;
        column++;
        continue;
      }
      break;
    }
    // At a newline or the end of the text: the record ends.
    if (i < n) {
      i++;
      line++;
    }
    records.add(start, first, cells.count - first);
  }
  return { cells, records };
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
  let body = text.replace(/^\uFEFF/, '');
  if (body.includes('\r')) body = body.replace(/\r\n?/g, '\n');
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
