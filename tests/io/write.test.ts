import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCsvTable } from '../../src/io/csv.js';
import { tableToCsv, writeOutputs } from '../../src/io/write.js';

describe('tableToCsv', () => {
  test('comma, LF, a final newline, quotes only where needed', () => {
    const text = tableToCsv({
      header: ['id', 'title', 'speakers'],
      rows: [
        ['p01', 'Budgets, open and closed', 'sp-1;sp-2'],
        ['p02', 'The "open" state', ''],
        ['p03', 'Two\nlines', 'sp-3'],
      ],
    });
    expect(text).toBe('id,title,speakers\np01,"Budgets, open and closed",sp-1;sp-2\np02,"The ""open"" state",\np03,"Two\nlines",sp-3\n');
  });

  test('cells a spreadsheet would run as formulas get a leading quote', () => {
    const text = tableToCsv({
      header: ['a'],
      rows: [['=HYPERLINK("http://x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['safe = yes'], ["'kept"]],
    });
    expect(text).toBe(
      'a\n"\'=HYPERLINK(""http://x"")"\n\'+1\n\'-2\n\'@SUM(A1)\n\'\tx\n"\'\rx"\n' + "safe = yes\n'kept\n",
    );
  });

  test('what it writes reads back', () => {
    const rows = [['x, y', 'a "b"', 'line\nbreak', '=1+1']];
    const t = parseCsvTable(tableToCsv({ header: ['one', 'two', 'three', 'four'], rows }), 't.csv');
    if (!('rows' in t)) throw new Error('unreadable');
    const row = t.rows[0]!;
    expect([row.get('one'), row.get('two'), row.get('three'), row.get('four')]).toEqual(['x, y', 'a "b"', 'line\nbreak', "'=1+1"]);
  });

  test('an empty table is its header', () => {
    expect(tableToCsv({ header: ['id', 'name'], rows: [] })).toBe('id,name\n');
  });
});

describe('writeOutputs', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  test('creates folders and writes every file', async () => {
    const base = await mkdtemp(join(tmpdir(), 'convene-write-'));
    dirs.push(base);
    const out = join(base, 'out', 'run1');
    await writeOutputs(out, { 'schedule.csv': 'a\n', 'rooms/hall.ics': 'BEGIN\n' });
    // The manifest (.convene-output) tells a later run that convene owns the folder.
    expect((await readdir(out)).sort()).toEqual(['.convene-output', 'rooms', 'schedule.csv']);
    expect(await readFile(join(out, 'rooms', 'hall.ics'), 'utf8')).toBe('BEGIN\n');
    await writeOutputs(out, { 'schedule.csv': 'b\n' });
    expect(await readFile(join(out, 'schedule.csv'), 'utf8')).toBe('b\n');
  });

  test.each(['/etc/passwd', '../escape.csv', 'a/../../b.csv', 'a\\..\\b.csv', '', 'C:\\x.csv'])(
    'refuses %j and writes nothing',
    async (name) => {
      const base = await mkdtemp(join(tmpdir(), 'convene-write-'));
      dirs.push(base);
      await expect(writeOutputs(join(base, 'out'), { 'fine.csv': 'x', [name]: 'y' })).rejects.toThrow(/output paths must be relative/);
      expect(await readdir(base)).toEqual([]);
    },
  );
});
