import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Console } from '../../src/cli/console.js';
import { publishCommand } from '../../src/cli/publish.js';
import { InputError } from '../../src/domain/issues.js';
import type { RosterRow } from '../../src/domain/session.js';
import { joinRosters, sessionFiles, type DeclaredSession } from '../../src/render/publish/index.js';
import { OGP_DIR, OGP_SCHEDULE } from './fixture.js';

const declared: readonly DeclaredSession[] = [
  { id: 'u02', title: 'Periodistas <b>seguros</b>', block: 'A', capacity: 18, room: 'Sala Limón', facilitator: null, noteTaker: 'r009' },
  { id: 'u01', title: 'Datos municipales', block: 'A', capacity: 30, room: 'Sala Guanacaste', facilitator: 'r002', noteTaker: null },
  { id: '../evil', title: 'B', block: 'B', capacity: 10, room: 'Sala 3', facilitator: null, noteTaker: null },
];
const rows: readonly RosterRow[] = [
  { session: 'u01', registrant: 'r002', name: 'Ana Ruiz', organization: 'Abrelatam', role: 'facilitator' },
  { session: 'u01', registrant: 'r003', name: 'Bruno Silva', organization: '', role: 'note_taker' },
  { session: 'u01', registrant: 'r004', name: 'Carla', organization: 'X', role: 'attendee' },
  { session: 'u01', registrant: 'r005', name: 'Dana', organization: 'Y', role: 'attendee' },
  { session: 'w01', registrant: 'r005', name: 'Dana', organization: 'Y', role: 'attendee' },
];

describe('joinRosters', () => {
  test('roles and attendee counts from the roster; unconference.csv’s choices fill a role the roster leaves empty', () => {
    const joined = joinRosters(declared, rows);
    expect(joined.map((s) => s.id)).toEqual(['../evil', 'u01', 'u02']);
    const u01 = joined.find((s) => s.id === 'u01');
    expect(u01?.facilitator?.name).toBe('Ana Ruiz');
    expect(u01?.noteTaker?.name).toBe('Bruno Silva');
    expect(u01?.attendees).toBe(2);
    const u02 = joined.find((s) => s.id === 'u02');
    expect(u02?.facilitator).toBeNull();
    expect(u02?.noteTaker).toEqual({ id: 'r009', name: 'r009', organization: '' });
    expect(u02?.attendees).toBe(0);
  });
});

describe('session pages', () => {
  const files = sessionFiles(joinRosters(declared, rows), 'OGP <2014>', 'es');

  test('a page per session with its facts and a notes template, and an index linking them all', () => {
    expect(Object.keys(files).sort()).toEqual(['sessions/__evil.md', 'sessions/index.html', 'sessions/u01.md', 'sessions/u02.md']);
    const u01 = files['sessions/u01.md'] ?? '';
    expect(u01).toContain('# Datos municipales');
    expect(u01).toContain('- Facilitación: Ana Ruiz (Abrelatam)');
    expect(u01).toContain('- Toma de notas: Bruno Silva');
    expect(u01).toContain('- Asistentes: 2 (cupo 30, con roles)');
    expect(u01).toContain('### Acuerdos y próximos pasos');
    expect(files['sessions/u02.md']).toContain('- Facilitación: _por asignar_');
    const index = files['sessions/index.html'] ?? '';
    for (const stem of ['__evil', 'u01', 'u02']) expect(index).toContain(`href="${stem}.md"`);
  });

  test('the index escapes every text', () => {
    const index = files['sessions/index.html'] ?? '';
    expect(index).not.toContain('<b>');
    expect(index).toContain('Periodistas &lt;b&gt;seguros&lt;/b&gt;');
    expect(index).toContain('OGP &lt;2014&gt;');
  });

  test('English labels', () => {
    const en = sessionFiles(joinRosters(declared, rows), 'OGP', 'en');
    expect(en['sessions/u01.md']).toContain('- Facilitator: Ana Ruiz (Abrelatam)');
    expect(en['sessions/index.html']).toContain('<html lang="en">');
  });
});

describe('publish --rosters', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const quiet: Console = { quiet: true, out: () => {}, error: () => {}, warn: () => {}, status: () => {}, clearStatus: () => {} };
  const EPOCH = { SOURCE_DATE_EPOCH: '0' };
  const setup = (csv: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'convene-rosters-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'alloc'));
    writeFileSync(path.join(dir, 'alloc', 'rosters.csv'), csv);
    return dir;
  };
  const flags = (dir: string) => ({ out: path.join(dir, 'site'), tz: 'America/Costa_Rica', lang: 'es' as const, gap: 10, rosters: path.join(dir, 'alloc') });
  const HEADER = 'session,kind,group,registrant,name,organization,country,role\n';

  test('reads rosters.csv as convene allocate writes it, formula-guarded cells included', async () => {
    const dir = setup(
      HEADER +
        "u01,unconference,A,r002,Ana Ruiz,'=Org,Costa Rica,facilitator\n" +
        'u01,unconference,A,r010,Eva,Org,Chile,attendee\n' +
        'w01,workshop,,r010,Eva,Org,Chile,attendee\n',
    );
    expect(await publishCommand(OGP_DIR, OGP_SCHEDULE, flags(dir), quiet, EPOCH)).toBe('done');
    const declaredIds = readFileSync(path.join(OGP_DIR, 'unconference.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    const pages = readdirSync(path.join(dir, 'site', 'sessions')).filter((f) => f.endsWith('.md'));
    expect(pages.sort()).toEqual(declaredIds.map((id) => `${id}.md`).sort());
    const u01 = readFileSync(path.join(dir, 'site', 'sessions', 'u01.md'), 'utf8');
    expect(u01).toContain('- Facilitación: Ana Ruiz (=Org)');
    expect(u01).toContain('- Asistentes: 1 (cupo 30, con roles)');
  });

  test('an unknown session or role, or a missing rosters.csv, is bad input naming the file and line', async () => {
    const dir = setup(HEADER + 'u99,unconference,A,r002,Ana,Org,CR,facilitator\nu01,unconference,A,r003,Bo,Org,CR,chair\n');
    const err = await publishCommand(OGP_DIR, OGP_SCHEDULE, flags(dir), quiet, EPOCH).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const messages = (err as InputError).issues.map((i) => `${i.line} ${i.columnName}: ${i.message}`);
    expect(messages).toEqual([
      '2 session: unknown session "u99" (not in unconference.csv, nor an item in themes.csv)',
      expect.stringMatching(/^3 role: expected one of facilitator, note_taker or attendee/),
    ]);
    const empty = mkdtempSync(path.join(tmpdir(), 'convene-rosters-'));
    dirs.push(empty);
    const missing = await publishCommand(OGP_DIR, OGP_SCHEDULE, { ...flags(empty), rosters: empty }, quiet, EPOCH).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(InputError);
    expect(String((missing as Error).message)).toMatch(/rosters\.csv: missing file/);
  });
});
