import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatIssue, type InputIssue } from '../../src/domain/issues.js';
import { detectDelimiter, normaliseHeader, parseCsvTable, type CsvTable } from '../../src/io/csv.js';

function table(text: string): CsvTable {
  const t = parseCsvTable(text, 'rooms.csv');
  if (!('rows' in t)) throw new Error(`unexpected issues: ${t.map(formatIssue).join('; ')}`);
  return t;
}

function failure(text: string): readonly string[] {
  const t = parseCsvTable(text, 'themes.csv');
  if ('rows' in t) throw new Error('expected the file to be unreadable');
  return (t as readonly InputIssue[]).map(formatIssue);
}

/** Each row as [line, ...cells under `columns`]. */
function dump(t: CsvTable, columns: readonly string[]): (string | number)[][] {
  return t.rows.map((r) => [r.line, ...columns.map((c) => r.get(c))]);
}

describe('parseCsvTable', () => {
  test('reads comma-separated LF text with trimmed cells', () => {
    const t = table('id,name\nr1 , Main hall \nr2,"  Lobby"\n');
    expect(t.delimiter).toBe(',');
    expect(t.header).toEqual(['id', 'name']);
    expect(dump(t, ['id', 'name'])).toEqual([
      [2, 'r1', 'Main hall'],
      [3, 'r2', 'Lobby'],
    ]);
  });

  test('a BOM, semicolons and CRLF (Excel in Spanish locales)', () => {
    const t = table('\uFEFFid;Name;CAPACITY\r\nr1;"Sala; principal";"7,5"\r\nr2;Lobby;40\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['id', 'name', 'capacity']);
    expect(dump(t, ['id', 'name', 'capacity'])).toEqual([
      [2, 'r1', 'Sala; principal', '7,5'],
      [3, 'r2', 'Lobby', '40'],
    ]);
  });

  test('tabs, and a lone CR as line ending', () => {
    const t = table('id\tname\rr1\tHall\r');
    expect(t.delimiter).toBe('\t');
    expect(dump(t, ['id', 'name'])).toEqual([[2, 'r1', 'Hall']]);
  });

  test('header names are matched without regard to case, spaces or hyphens', () => {
    const t = table(' ID , Pin Date ,pin-room\nx,2025-06-02,r1\n');
    expect(t.header).toEqual(['id', 'pin_date', 'pin_room']);
    expect(t.col('pin_date')).toBe(2);
    expect(t.rows[0]?.get('pin_room')).toBe('r1');
  });

  test('extra columns are kept but harmless; absent columns read as empty and have column 0', () => {
    const t = table('id,notes,name\nr1,ignore me,Hall\n');
    expect(t.rows[0]?.get('name')).toBe('Hall');
    expect(t.rows[0]?.get('capacity')).toBe('');
    expect(t.rows[0]?.col('capacity')).toBe(0);
    expect(t.rows[0]?.col('name')).toBe(3);
  });

  test('short rows read as empty cells; long rows keep their extra cells to themselves', () => {
    const t = table('id,name,kind\nr1,Hall\nr2,Lobby,lobby,surplus\n');
    expect(dump(t, ['id', 'name', 'kind'])).toEqual([
      [2, 'r1', 'Hall', ''],
      [3, 'r2', 'Lobby', 'lobby'],
    ]);
  });

  test('blank lines and rows of empty cells are skipped, and line numbers stay physical', () => {
    const t = table('id,name\n\nr1,Hall\n,\n   \n,,,\n , \nr2,Lobby\n\n');
    expect(dump(t, ['id', 'name'])).toEqual([
      [3, 'r1', 'Hall'],
      [8, 'r2', 'Lobby'],
    ]);
    const excel = table('id;name\r\nr1;Hall\r\n;\r\n;;;;\r\nr2;Lobby\r\n');
    expect(dump(excel, ['id', 'name'])).toEqual([
      [2, 'r1', 'Hall'],
      [5, 'r2', 'Lobby'],
    ]);
  });

  test('quoted multi-line cells keep the line numbers of later rows right', () => {
    const text = 'id,title,speakers\r\np1,"A title\r\non two lines",sp-1\r\n\r\np2,"Three\n\nlines",sp-2\np3,"He said ""hi""",sp-3\n';
    const t = table(text);
    expect(dump(t, ['id', 'title'])).toEqual([
      [2, 'p1', 'A title\non two lines'],
      [5, 'p2', 'Three\n\nlines'],
      [8, 'p3', 'He said "hi"'],
    ]);
  });

  test('blank lines before the header, and a quoted cell that starts or ends with a newline', () => {
    const t = table('\n  \nid,title\np1,"\nLeading"\np2,"Trailing\n\n"\np3,x\n');
    expect(t.headerLine).toBe(3);
    expect(dump(t, ['id', 'title'])).toEqual([
      [4, 'p1', 'Leading'],
      [6, 'p2', 'Trailing'],
      [9, 'p3', 'x'],
    ]);
  });

  test('a quote inside an unquoted cell is kept as written', () => {
    const t = table('id,name\nr1,The 5" screen room\n');
    expect(t.rows[0]?.get('name')).toBe('The 5" screen room');
  });

  test('an Excel sep= line sets the delimiter; the header is then line 2', () => {
    const t = table('sep=;\nid;name\nr1;Hall\n');
    expect(t.delimiter).toBe(';');
    expect(t.headerLine).toBe(2);
    expect(dump(t, ['id', 'name'])).toEqual([[3, 'r1', 'Hall']]);
  });

  test('a repeated header name is noted; the first column is read', () => {
    const t = table('id,name,id\nr1,Hall,r9\n');
    expect(t.duplicateColumns).toEqual([{ name: 'id', column: 3, first: 1 }]);
    expect(t.rows[0]?.get('id')).toBe('r1');
  });

  test('an empty file has an empty header', () => {
    expect(table('').header).toEqual([]);
    expect(table('\uFEFF\r\n\r\n').header).toEqual([]);
  });

  test('an unclosed quote is reported where it opens, in our words', () => {
    expect(failure('id,title\np1,Fine\np2,"Never closed\np3,Later\np4,Last\n')).toEqual([
      'themes.csv:3:2 malformed CSV: unclosed quote',
    ]);
  });

  test('an unclosed quote after a properly closed multi-line cell', () => {
    expect(failure('id,title,x\np1,"two\nlines",ok\n\np2,a,"open\n')).toEqual(['themes.csv:5:3 malformed CSV: unclosed quote']);
  });

  test('text after a closing quote', () => {
    expect(failure('id,title\np1,"Quoted" then more\n')).toEqual([
      'themes.csv:2:2 malformed CSV: unexpected text after a closing quote (write "" for a quote inside a quoted cell)',
    ]);
  });
});

/**
 * What parseCsvTable returned when it used csv-parse (the options and the
 * line counting it had), for the comparison below.
 */
function viaCsvParse(text: string): { header: string[]; rows: (string | number)[][] } | 'unreadable' {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(body);
  let parsed: string[][];
  try {
    parsed = parse(body, { delimiter, record_delimiter: '\n', relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch {
    return 'unreadable';
  }
  const records: { cells: string[]; line: number }[] = [];
  let line = 1;
  for (const cells of parsed) {
    const start = line;
    line += 1;
    if (cells.length === 1 && cells[0] === '') continue;
    for (let i = 0; i < cells.length; i++) {
      line += (cells[i]!.match(/\n/g) ?? []).length;
      cells[i] = cells[i]!.trim();
    }
    records.push({ cells, line: start });
  }
  body = '';
  const [head, ...rest] = records;
  const header = (head?.cells ?? []).map(normaliseHeader);
  const rows = rest.filter((r) => r.cells.some((c) => c !== '')).map((r) => [r.line, ...header.map((_, i) => r.cells[i] ?? '')]);
  return { header, rows };
}

test('reads what csv-parse read, cell for cell and line for line, and refuses what it refused', () => {
  // Header names are distinct, so every cell is reachable through get().
  const piece = fc.constantFrom('a', 'b c', ' ', '"', '""', ',', ';', '\t', '\n', '\r\n', '\r', 'é', 'x"y');
  const text = fc.array(piece, { maxLength: 40 }).map((xs) => `h1,h2,h3\n${xs.join('')}`);
  fc.assert(
    fc.property(text, (t) => {
      const old = viaCsvParse(t);
      const now = parseCsvTable(t, 'x.csv');
      if (old === 'unreadable') {
        expect('rows' in now).toBe(false);
        return;
      }
      // csv-parse lets a few odd shapes through (`"" ""` reads as one empty cell); text after a closing quote is refused here.
      if (!('rows' in now)) {
        expect(now[0]?.message).toContain('after a closing quote');
        return;
      }
      expect(now.header).toEqual(old.header);
      expect(now.rows.map((r) => [r.line, ...now.header.map((_, i) => r.get(now.header[i]!))])).toEqual(
        old.rows.map((r) => [r[0], ...now.header.map((name, i) => (now.header.indexOf(name) === i ? r[i + 1] : r[now.header.indexOf(name) + 1]))]),
      );
    }),
    { seed: 15, numRuns: 2000 },
  );
});
