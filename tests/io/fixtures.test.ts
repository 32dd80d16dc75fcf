/** The example folders under fixtures/, read from disk through readEvent; bad-* list their expected messages in README.md. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { issuesOfAsync } from '../helpers/issues.js';
import { readEvent } from '../../src/io/event.js';
import { BASE, wholeFile } from './event-fixture.js';

function problems(dir: string): Promise<readonly string[]> {
  return issuesOfAsync(() => readEvent(dir));
}

/** The lines of the README's ```text block. */
async function expected(dir: string): Promise<readonly string[]> {
  const readme = await readFile(join(dir, 'README.md'), 'utf8');
  const block = /```text\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error(`${dir}/README.md has no \`\`\`text block`);
  return (block[1] ?? '').split('\n').filter((l) => l !== '');
}

const bad = (await readdir('fixtures')).filter((d) => d.startsWith('bad-')).sort();

describe('fixtures/bad-*', () => {
  test('there are some', () => {
    expect(bad.length).toBeGreaterThanOrEqual(3);
  });

  test.each(bad)('%s reports what its README says', async (name) => {
    const dir = join('fixtures', name);
    const want = await expected(dir);
    expect(want.length).toBeGreaterThan(0);
    expect(await problems(dir)).toEqual(want);
  });
});

describe('fixtures/excel-es', () => {
  test('a valid event saved Excel-style in a Spanish locale', async () => {
    expect(await expected('fixtures/excel-es')).toEqual([]);
    const e = await readEvent('fixtures/excel-es');
    expect(e.rooms.map((r) => [r.id, r.name, r.interpretation])).toEqual([
      ['aula-1', 'Aula 1', false],
      ['aula-2', 'Aula 2', false],
      ['sala-plenaria', 'Sala plenaria', true],
      ['vestibulo', 'Vestíbulo', false],
    ]);
    expect(e.items.map((i) => [i.id, i.format, i.speakers, i.score, i.line])).toEqual([
      ['l01', 'lightning', ['sp-04'], 7.25, 4],
      ['p01', 'plenary', ['sp-01', 'sp-03'], 9.5, 2],
      ['p02', 'plenary', ['sp-02', 'sp-04'], 8, 3],
      ['w01', 'workshop', ['sp-02'], null, 5],
      ['w02', 'workshop', ['sp-01', 'sp-03'], 8, 7],
    ]);
    expect(e.items[3]?.title).toBe('Taller: contratación abierta;\nde la teoría a la práctica');
    expect(e.items[1]?.pin).toEqual({ date: '2025-10-06', start: 540, room: 'sala-plenaria' });
    expect(e.speakers.map((s) => s.languages)).toEqual([['es', 'en'], ['pt', 'es'], ['es'], ['es', 'en']]);
    expect(e.calendar).toHaveLength(4);
    expect(e.availability.map((a) => a.who)).toEqual(['aula-2', 'sp-02']);
  });
});

describe('readEvent', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  async function folder(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'convene-event-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    return dir;
  }

  test('a missing folder, and a file where a folder should be', async () => {
    const dir = await folder({});
    expect(await problems(join(dir, 'nope'))).toEqual([wholeFile(join(dir, 'nope'), 'no such folder')]);
    const file = join(dir, 'file.csv');
    await writeFile(file, '');
    expect(await problems(file)).toEqual([wholeFile(file, 'not a folder')]);
  });

  test('an empty folder lacks every required file', async () => {
    expect(await problems(await folder({}))).toEqual([
      wholeFile('calendar.csv', 'missing file (expected columns date,start,end,kind,label)'),
      wholeFile('rooms.csv', 'missing file (expected columns id,name,kind,capacity,interpretation)'),
      wholeFile('speakers.csv', 'missing file (expected columns id,name,organization,sector,country,languages)'),
      wholeFile(
        'themes.csv',
        'missing file (expected columns id,title,format,duration,speakers,themes,language,level,audience,country,source,score)',
      ),
    ]);
  });

  test('a file that is not UTF-8 is refused with a hint; UTF-16 with a BOM is read', async () => {
    const latin1 = Buffer.from(BASE['speakers.csv']!, 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE['rooms.csv']!.replaceAll(',', '\t'), 'utf16le')]);
    const dir = await folder({ ...BASE, 'speakers.csv': latin1, 'rooms.csv': utf16 });
    expect(await problems(dir)).toEqual([wholeFile('speakers.csv', 'not UTF-8 text (in a spreadsheet, save it as "CSV UTF-8")')]);
  });

  test('reads the same event as parseEvent', async () => {
    const dir = await folder(BASE);
    expect(await problems(dir)).toEqual([]);
    expect((await readEvent(dir)).items.map((i) => i.id)).toEqual(['l01', 'p01', 'w01']);
  });
});
