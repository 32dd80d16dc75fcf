/** The bundled event's Datacamp, through the command's own function (as `convene teams` runs it). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runTeams, type TeamsFlags } from '../../src/cli/teams.js';
import { parseCsvTable, type CsvTable } from '../../src/io/csv.js';
import type { TeamsReport } from '../../src/teams/render.js';
import { tempDirs } from '../helpers/tmp.js';

const DIR = 'fixtures/ogp-americas';
const flags: TeamsFlags = { out: 'unused', size: { min: 4, max: 6 }, seed: '2014', timeLimit: 60 };

function table(text: string | undefined, file: string): CsvTable {
  const t = parseCsvTable(text ?? '', file);
  if (!('rows' in t)) throw new Error(`${file} unreadable`);
  return t;
}

const tmp = tempDirs('convene-teams-', 'all');

/** A copy of the event with the data rows of both files in a seeded shuffled order. */
function shuffledCopy(): string {
  const dir = tmp();
  let state = 2014;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  for (const file of ['registrations.csv', 'projects.csv']) {
    const [header, ...rows] = readFileSync(path.join(DIR, file), 'utf8').trimEnd().split('\n');
    const keyed = rows.map((r) => [next(), r] as const).sort((a, b) => a[0] - b[0]);
    writeFileSync(path.join(dir, file), `${[header, ...keyed.map(([, r]) => r)].join('\n')}\n`);
  }
  return dir;
}

let files: Readonly<Record<string, string>> = {};
let shuffled: Readonly<Record<string, string>> = {};
let report: TeamsReport;
beforeAll(async () => {
  ({ files, report } = await runTeams(DIR, flags));
  shuffled = (await runTeams(shuffledCopy(), flags)).files;
}, 150_000);

describe('ogp-americas teams', () => {
  test('writes teams.csv, teams.md and the report', () => {
    expect(Object.keys(files).sort()).toEqual(['teams-report.json', 'teams-report.md', 'teams.csv', 'teams.md']);
  });

  test('every Datacamp registrant appears exactly once; nobody else does', () => {
    const registrants = table(readFileSync(path.join(DIR, 'registrations.csv'), 'utf8'), 'registrations.csv').rows;
    const datacamp = registrants.filter((r) => r.get('events').split(';').includes('datacamp')).map((r) => r.get('id'));
    expect(datacamp.length).toBe(75);
    const ids = table(files['teams.csv'], 'teams.csv').rows.map((r) => r.get('registrant'));
    expect([...ids].sort()).toEqual([...datacamp].sort());
  });

  test('sizes 4-6; each pitcher leads their project; the lone Portuguese speaker is unplaced with the reason', () => {
    const rows = table(files['teams.csv'], 'teams.csv').rows;
    const teams = new Map<string, number>();
    for (const r of rows) if (r.get('team')) teams.set(r.get('team'), (teams.get(r.get('team')) ?? 0) + 1);
    for (const n of teams.values()) {
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(6);
    }
    const leads = rows.filter((r) => r.get('role') === 'lead' && r.get('project')).map((r) => `${r.get('project')}:${r.get('registrant')}`);
    expect(leads).toEqual(['p1:r019', 'p2:r084', 'p3:r174', 'p4:r215']);
    expect(report.unplaced).toEqual([expect.objectContaining({ id: 'r126', reason: expect.stringMatching(/^no shared language: .*only 2 speak pt/) })]);
  });

  test('mutual requests kept; the report counts every soft goal and was proven optimal', () => {
    const rows = table(files['teams.csv'], 'teams.csv').rows;
    const teamOf = (id: string) => rows.find((r) => r.get('registrant') === id)?.get('team');
    expect(teamOf('r042')).toBe(teamOf('r278'));
    expect(teamOf('r141')).toBe(teamOf('r358'));
    expect(report.goals.map((g) => g.goal)).toEqual(['journalist', 'activist', 'developer', 'organizations', 'countries', 'needs', 'requests']);
    for (const g of report.goals) expect(g.met + g.misses.length).toBe(g.applies);
    expect(report.solve.status).toBe('optimal');
    expect(files['teams-report.md']).toContain('## Soft goals');
  });

  test('shuffled rows give byte-identical outputs', () => {
    expect(shuffled).toEqual(files);
  });
});
