/**
 * The example with the committee's hard additions (fixtures/ogp-americas-committee:
 * an exclusive opening and closing, favourites.csv), through the binary under a
 * short limit: not provable in it, so what must hold is what a committee checks
 * in a schedule it did not see proven: every rule (by `check`), nothing beside
 * an exclusive item, and a report whose cost, goals and bound agree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { tempDirs } from '../helpers/tmp.js';
import { convene, fixture } from './run.js';

const tmp = tempDirs('convene-committee-');
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

type Row = Record<string, string>;
type Term = { name: string; cost: number; bound: number; count: number };
type Report = { status: string; objective: number; bound: number | null; gap: number | null; terms: Term[] };

test('ogp-americas-committee: a valid schedule in 10 s, nothing beside an exclusive item, an honest report', { timeout: 120_000 }, async () => {
  const dir = fixture('ogp-americas-committee');
  const out = tmp();
  const r = await convene('schedule', dir, '-o', out, '--quiet', '--time-limit', '10');
  expect(r.code, r.stderr).toBe(0);
  const file = path.join(out, 'schedule.csv');
  const c = await convene('check', dir, file);
  expect(c.code, c.stdout).toBe(0);

  const themes = parse(readFileSync(path.join(dir, 'themes.csv')), { columns: true }) as Row[];
  const exclusive = new Set(themes.filter((t) => t['exclusive'] === 'yes').map((t) => t['id']));
  expect(exclusive.size).toBeGreaterThan(0);
  const rows = parse(readFileSync(file), { columns: true }) as Row[];
  expect(rows.map((x) => x['id']).sort()).toEqual(themes.map((t) => t['id']).sort());
  for (const x of rows.filter((row) => exclusive.has(row['id']))) {
    const beside = rows.filter(
      (y) => y !== x && y['date'] === x['date'] && minutes(y['start']!) < minutes(x['end']!) && minutes(x['start']!) < minutes(y['end']!),
    );
    expect(beside.map((y) => y['id']), `${x['id']} is exclusive`).toEqual([]);
  }

  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
  expect(['optimal', 'feasible']).toContain(report.status);
  const overlap = report.terms.find((t) => t.name === 'audience-overlap');
  expect(overlap, 'favourites.csv makes audience-overlap a term').toBeDefined();
  expect(report.objective).toBeCloseTo(report.terms.reduce((n, t) => n + t.cost, 0), 6);
  for (const t of report.terms) expect(t.bound, t.name).toBeLessThanOrEqual(t.cost + 1e-9);
  expect(report.bound).not.toBeNull();
  expect(report.bound!).toBeLessThanOrEqual(report.objective + 1e-9);
  expect(report.gap!).toBeCloseTo(report.objective === 0 ? 0 : (report.objective - report.bound!) / report.objective, 9);
  expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('| audience-overlap |');
});
