/**
 * Hostile input, fast layer: a few hundred seeded cases of damage to tiny
 * event folders (cells, rows, files, references, injections, output folders),
 * each run against one command in-process, with the invariants of
 * ./hostile.ts. The end-to-end layer runs more, through the binary.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { damage, expectExactlyItsFiles, expectSound, prepareOutput, rng, snapshot, type Damage, type Outcome } from './hostile.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const fixture = (name: string) => path.join(ROOT, 'fixtures', name);
const CASES = 240;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** Runs convene in this process, as the binary would, capturing what it prints. */
async function convene(...args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'convene', ...args]);
    return { code, stdout: stdout.replace(ANSI, ''), stderr: stderr.replace(ANSI, '') };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

type Command = 'validate' | 'schedule' | 'check' | 'explain' | 'publish' | 'allocate' | 'teams';
const COMMANDS: readonly [Command, number][] = [
  ['validate', 0.2],
  ['schedule', 0.15],
  ['check', 0.13],
  ['explain', 0.1],
  ['publish', 0.15],
  ['allocate', 0.15],
  ['teams', 0.12],
];

const root = mkdtempSync(path.join(tmpdir(), 'convene-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The undamaged folders each command starts from, and one valid output of each, to damage and to overwrite. */
const base = { event: path.join(root, 'base-event'), alloc: path.join(root, 'base-alloc'), teams: path.join(root, 'base-teams') };
const schedule = path.join(root, 'base-schedule', 'schedule.csv');
const previous: Partial<Record<Command, string>> = {};

function argsFor(c: Command, event: string, sched: string, out: string, r: () => number): string[] {
  switch (c) {
    case 'validate':
      return ['validate', event];
    case 'schedule':
      return ['schedule', event, '-o', out, '--quiet', '--time-limit', '10', ...(r() < 0.2 ? ['--weight', 'room-size=3'] : [])];
    case 'check':
      return ['check', event, sched];
    case 'explain':
      return ['explain', event, sched, r() < 0.8 ? 'w01' : '../x'];
    case 'publish':
      return ['publish', event, sched, '-o', out, '--lang', r() < 0.5 ? 'en' : 'es', '--title', r() < 0.8 ? 'Tiny' : '<b>"Tiny"</b>'];
    case 'allocate':
      return ['allocate', event, '-o', out, '--places', '5'];
    case 'teams':
      return ['teams', event, '-o', out, '--time-limit', '10', '--size', '3-5'];
  }
}

function baseOf(c: Command): string {
  return c === 'allocate' ? base.alloc : c === 'teams' ? base.teams : base.event;
}

beforeAll(async () => {
  for (const [dir, from] of [
    [base.event, 'tiny'],
    [base.alloc, 'alloc-tiny'],
    [base.teams, 'teams-tiny'],
  ] as const) {
    mkdirSync(dir);
    for (const f of readdirSync(fixture(from)).filter((n) => n.endsWith('.csv'))) cpSync(path.join(fixture(from), f), path.join(dir, f));
  }
  writeFileSync(path.join(base.event, 'weights.csv'), 'term,weight\ntheme-clash,2\n');
  const first = await convene('schedule', base.event, '-o', path.dirname(schedule), '--quiet');
  expect(first.code, first.stderr).toBe(0);
  for (const [c] of COMMANDS) {
    if (c === 'validate' || c === 'check' || c === 'explain') continue;
    const out = path.join(root, `previous-${c}`);
    const done = await convene(...argsFor(c, baseOf(c), schedule, out, () => 0.99));
    expect(done.code, `${c}: ${done.stderr}`).toBe(0);
    previous[c] = out;
  }
}, 120_000);

describe('hostile input, seeded: exit 0, 1 or 2, clear messages, nothing written but the output, all or nothing', () => {
  test(`${CASES} cases`, async () => {
    for (let i = 0; i < CASES; i++) {
      const r = rng(1500 + i);
      let roll = r();
      const command = (COMMANDS.find(([, w]) => (roll -= w) < 0) ?? COMMANDS[0]!)[0];
      const dir = path.join(root, `case-${i}`);
      const event = path.join(dir, 'event');
      const schedDir = path.join(dir, 'sched');
      cpSync(baseOf(command), event, { recursive: true });
      mkdirSync(schedDir);
      cpSync(schedule, path.join(schedDir, 'schedule.csv'));
      const usesSchedule = command === 'check' || command === 'explain' || command === 'publish';
      const done: Damage = usesSchedule && r() < 0.3 ? damage(schedDir, r, 200_000) : damage(event, r, 200_000);
      const prepared = prepareOutput(path.join(dir, 'out'), previous[command] ?? null, event, r);
      const sched = path.join(schedDir, 'schedule.csv');
      const args = argsFor(command, event, sched, prepared.out, r);
      const context = `case ${i}: convene ${args.join(' ')}\ndamage: ${done.what}${prepared.damage ? `; output: ${prepared.damage.what}` : ''}`;
      const inputs = { event: snapshot(event), sched: snapshot(schedDir) };
      const outBefore = snapshot(prepared.out);
      const entries = readdirSync(dir).sort();

      const o = await convene(...args);
      if (process.env['FUZZ_LOG']) console.log(`${command} exit ${o.code} ${done.kind} ${done.what.slice(0, 60)} ${prepared.damage?.what ?? ''} | ${o.stderr.split('\n')[0]?.slice(0, 100)}`);

      const known = [...readdirSync(event), sched, event, prepared.out];
      expectSound(o, prepared.damage ?? done, known, context);
      expect(snapshot(event), `${context}: the event folder changed`).toEqual(inputs.event);
      expect(snapshot(schedDir), `${context}: the schedule's folder changed`).toEqual(inputs.sched);
      const after = readdirSync(dir).sort();
      expect(after.filter((e) => !entries.includes(e) && e !== 'out'), `${context}: written outside the output folder`).toEqual([]);
      const writes = command !== 'validate' && command !== 'check' && command !== 'explain';
      if (o.code !== 0 || !writes) expect(snapshot(prepared.out), `${context}: the output folder changed after exit ${o.code}`).toEqual(outBefore);
      else expectExactlyItsFiles(prepared.out, context);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('the cases of issue 15, one by one', () => {
  test('a workshop id that cannot be a file name reaches the roster writer as a safe name', async () => {
    const dir = path.join(root, 'evil-ids');
    const event = path.join(dir, 'event');
    cpSync(base.event, event, { recursive: true });
    const themes = path.join(event, 'themes.csv');
    writeFileSync(themes, readFileSync(themes, 'utf8').replace(/^w01,/m, '../w01,'));
    writeFileSync(path.join(event, 'registrations.csv'), 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact\nr1,Ana,,,,,,regional_meeting,,\n');
    writeFileSync(path.join(event, 'preferences.csv'), 'registrant,session,rank\nr1,../w01,1\n');
    const s = await convene('schedule', event, '-o', path.join(dir, 'out'), '--quiet');
    expect(s.code, s.stderr).toBe(0);
    const a = await convene('allocate', event, '--schedule', path.join(dir, 'out', 'schedule.csv'), '-o', path.join(dir, 'alloc'));
    expect(a.code, a.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'alloc', 'rosters'))).toEqual(['__w01.md']);
    expect(readdirSync(dir).sort()).toEqual(['alloc', 'event', 'out']);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a named pipe or a link to /dev/zero is refused at once (exit 2)', async () => {
    if (process.platform === 'win32') return;
    const dir = path.join(root, 'pipes');
    cpSync(base.event, dir, { recursive: true });
    rmSync(path.join(dir, 'themes.csv'));
    (await import('node:child_process')).execFileSync('mkfifo', [path.join(dir, 'themes.csv')]);
    const o = await convene('validate', dir);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('themes.csv: not a regular file (a named pipe)');
    rmSync(dir, { recursive: true, force: true });
  });
});
