/**
 * Hostile input, end-to-end layer: the real binary on damaged copies of the
 * bundled example (every command but schedule, whose full solve is left to
 * the example's own tests) and of the tiny events, with 1 MB cells, under
 * the invariants of ./hostile.ts. More cases than the fast layer runs.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { convene, fixture } from '../cli/run.js';
import { damage, expectExactlyItsFiles, expectSound, prepareOutput, rng, snapshot, type Damage } from './hostile.js';

// Two cases of each kind by default (each case is one start of the binary, about
// 0.7 s on a 2-core machine); CONVENE_FUZZ_CASES=n runs more, e.g. 600 before a release.
const CASES = Number(process.env['CONVENE_FUZZ_CASES'] ?? 14);
const root = mkdtempSync(path.join(tmpdir(), 'convene-hostile-e2e-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const example = path.join(root, 'base-example');
const tiny = path.join(root, 'base-tiny');
const teams = path.join(root, 'base-teams');
const exampleSchedule = path.join(fixture('ogp-americas'), 'expected', 'schedule.csv');
const previous: Record<string, string> = {};

type Case = { readonly name: string; readonly base: string; readonly args: (event: string, sched: string, out: string) => string[]; readonly writes: boolean; readonly schedule: boolean };
const CASE_KINDS: readonly Case[] = [
  { name: 'validate-example', base: example, args: (e) => ['validate', e], writes: false, schedule: false },
  { name: 'check-example', base: example, args: (e, s) => ['check', e, s], writes: false, schedule: true },
  { name: 'explain-example', base: example, args: (e, s) => ['explain', e, s, 'w05'], writes: false, schedule: true },
  { name: 'publish-example', base: example, args: (e, s, o) => ['publish', e, s, '-o', o], writes: true, schedule: true },
  { name: 'allocate-example', base: example, args: (e, s, o) => ['allocate', e, '--schedule', s, '-o', o], writes: true, schedule: true },
  { name: 'schedule-tiny', base: tiny, args: (e, _s, o) => ['schedule', e, '-o', o, '--quiet', '--time-limit', '20'], writes: true, schedule: false },
  { name: 'teams-tiny', base: teams, args: (e, _s, o) => ['teams', e, '-o', o, '--time-limit', '20', '--size', '3-5'], writes: true, schedule: false },
];

beforeAll(async () => {
  for (const [dir, from] of [
    [example, 'ogp-americas'],
    [tiny, 'tiny'],
    [teams, 'teams-tiny'],
  ] as const) {
    mkdirSync(dir);
    for (const f of readdirSync(fixture(from)).filter((n) => n.endsWith('.csv'))) cpSync(path.join(fixture(from), f), path.join(dir, f));
  }
  for (const k of CASE_KINDS.filter((c) => c.writes)) {
    const out = path.join(root, `previous-${k.name}`);
    const r = await convene(...k.args(k.base, exampleSchedule, out));
    expect(r.code, `${k.name}: ${r.stderr}`).toBe(0);
    previous[k.name] = out;
  }
}, 300_000);

describe('hostile input through the binary', () => {
  test(`${CASES} cases on the example and the tiny events, 1 MB cells included`, async () => {
    for (let i = 0; i < CASES; i++) {
      const r = rng(90_000 + i);
      const kind = CASE_KINDS[i % CASE_KINDS.length]!;
      const dir = path.join(root, `case-${i}`);
      const event = path.join(dir, 'event');
      const schedDir = path.join(dir, 'sched');
      cpSync(kind.base, event, { recursive: true });
      mkdirSync(schedDir);
      cpSync(exampleSchedule, path.join(schedDir, 'schedule.csv'));
      const done: Damage = kind.schedule && r() < 0.25 ? damage(schedDir, r, 1_000_000) : damage(event, r, 1_000_000);
      const prepared = prepareOutput(path.join(dir, 'out'), previous[kind.name] ?? null, event, r);
      const sched = path.join(schedDir, 'schedule.csv');
      const args = kind.args(event, sched, prepared.out);
      const context = `case ${i}: convene ${args.join(' ')}\ndamage: ${done.what}${prepared.damage ? `; output: ${prepared.damage.what}` : ''}`;
      const inputs = { event: snapshot(event), sched: snapshot(schedDir) };
      const outBefore = snapshot(prepared.out);
      const entries = readdirSync(dir).sort();

      const o = await convene(...args);

      const known = [...readdirSync(event), 'schedule.csv', sched, event, prepared.out];
      expectSound(o, prepared.damage ?? done, known, context);
      expect(snapshot(event), `${context}: the event folder changed`).toEqual(inputs.event);
      expect(snapshot(schedDir), `${context}: the schedule's folder changed`).toEqual(inputs.sched);
      expect(readdirSync(dir).filter((e) => !entries.includes(e) && e !== 'out'), `${context}: written outside the output folder`).toEqual([]);
      if (o.code !== 0 || !kind.writes) expect(snapshot(prepared.out), `${context}: the output folder changed after exit ${o.code}`).toEqual(outBefore);
      else expectExactlyItsFiles(prepared.out, context);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_800_000);
});
