/**
 * The real binary on the example: `convene agenda` writes its five files,
 * then `convene allocate` runs the day from them (interest.csv in place of
 * preferences.csv) and `convene publish --agenda` writes a note page per
 * session. Usage mistakes exit 2, and so does bad input (the fixtures of
 * ./io.test.ts), with nothing written.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { convene, fixture, type Run } from '../cli/run.js';

let dir: string;
let out: string;
let run: Run;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'convene-agenda-cli-'));
  out = path.join(dir, 'agenda');
  run = await convene('agenda', fixture('ogp-americas'), '-o', out, '--time-limit', '120');
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('convene agenda', () => {
  test('writes the agenda and says what it met', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Placed 37 of 45 proposals; interest met \d+ of 1088, \+\d+\.\d % on greedy; bound \d+ \(gap \d+\.\d %\);/);
    for (const f of ['unconference.csv', 'board.html', 'agenda.md', 'agenda-report.md', 'agenda-report.json']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const report = JSON.parse(await readFile(path.join(out, 'agenda-report.json'), 'utf8')) as { seed: string; inputsSha256: string; convene: string };
    expect(report.seed).toBe('2014');
    expect(report.inputsSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('then allocate seats the day from it, and publish writes its note pages', async () => {
    const seats = await convene('allocate', fixture('ogp-americas'), '--unconference', path.join(out, 'unconference.csv'), '--interest', '-o', path.join(dir, 'allocation'));
    expect(seats.code, seats.stderr).toBe(0);
    const rosters = await readFile(path.join(dir, 'allocation', 'rosters.csv'), 'utf8');
    expect(rosters).toContain(',unconference,A,');
    const site = path.join(dir, 'site');
    const published = await convene('publish', fixture('ogp-americas'), fixture('ogp-americas/expected/schedule.csv'), '--agenda', out, '-o', site);
    expect(published.code, published.stderr).toBe(0);
    const page = await readFile(path.join(site, 'sessions', 's42.md'), 'utf8');
    expect(page).toContain('# Sociedad civil y Punto de Contacto: cómo dialogar');
    expect(page).toContain('- Bloque: A (09:30-10:30)');
    expect(page).toContain('## Notas');
  }, 120_000);

  test('usage mistakes exit 2', async () => {
    const done = await convene('agenda', fixture('ogp-americas'), '--done', 'A', '-o', path.join(dir, 'x'));
    expect(done.code).toBe(2);
    expect(done.stderr).toContain('--done needs --baseline');
    const unknown = await convene('agenda', fixture('ogp-americas'), '--baseline', path.join(out, 'unconference.csv'), '--done', 'A,Z', '-o', path.join(dir, 'x'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--done: unknown block "Z" (blocks.csv has A, B, C, D, E)');
    expect(existsSync(path.join(dir, 'x'))).toBe(false);
  }, 60_000);
});

describe('convene agenda on bad input', () => {
  test.each(['agenda-bad-cells', 'agenda-bad-references'])('convene agenda %s exits 2 and writes nothing', async (name) => {
    const out = fixture(`${name}/out-should-not-exist`);
    const run = await convene('agenda', fixture(name), '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('18 problems found in the input; nothing was written.');
    expect(existsSync(out)).toBe(false);
  });
});
