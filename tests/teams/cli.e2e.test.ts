/** `convene teams` end to end: the real binary (built by `npm run build`) on fixture folders. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { convene, fixture } from '../cli/run.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs('convene-teams-cli-');

describe('convene teams', () => {
  test('the example event: teams written, a summary line, a warning for the unplaced, exit 0', async () => {
    const out = tmp();
    // The proof takes seconds, but on a busy machine it can outlast the default 30 s limit, and what follows is the proven teams.
    const r = await convene('teams', fixture('ogp-americas'), '-o', out, '--time-limit', '100');
    expect(r.stderr).toContain('1 Datacamp registrant is in no team; teams-report.md says why.');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Formed 15 teams of 4-6 \(74 people, 1 unplaced\) in [\d.]+ s; 15\/15 with a journalist/);
    const csv = readFileSync(path.join(out, 'teams.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('team,registrant,name,profile,country,role,organization,language,project');
    expect(csv.trimEnd().split('\n')).toHaveLength(1 + 75);
    expect(readFileSync(path.join(out, 'teams.md'), 'utf8')).toContain('## Team t01: Presupuesto abierto municipal');
    const report = JSON.parse(readFileSync(path.join(out, 'teams-report.json'), 'utf8')) as { unplaced: { id: string }[]; seed: string };
    expect(report.unplaced.map((u) => u.id)).toEqual(['r126']);
    expect(report.seed).toBe('2014');
  }, 120_000);

  test('bad input: every problem as file:line:column, exit 2, nothing written', async () => {
    const out = path.join(tmp(), 'never');
    const r = await convene('teams', fixture('teams-bad-cells'), '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registrations.csv:5:13 languages: expected the languages a Datacamp registrant works in (like es;en), got an empty cell');
    // 12: a project's blank title is no longer a problem (it is shown by its id; tests/io/blanks.test.ts).
    expect(r.stderr).toContain('12 problems found in the input; nothing was written.');
    expect(existsSync(out)).toBe(false);
  });

  test('--size and --seed are checked; a different seed still keeps every rule', async () => {
    expect((await convene('teams', fixture('teams-tiny'), '--size', '6-4')).code).toBe(2);
    expect((await convene('teams', fixture('teams-tiny'), '--size', 'four')).stderr).toContain('expected sizes like 4-6');
    const out = tmp();
    const r = await convene('teams', fixture('teams-tiny'), '--size', '4-5', '--seed', 'other', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Formed 2 teams of 4-5 (8 people, 1 unplaced)');
  }, 60_000);

  test('teams larger than the Datacamp: everyone listed as unplaced with the reason, exit 0', async () => {
    const out = tmp();
    const r = await convene('teams', fixture('teams-tiny'), '--size', '9-9', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('9 Datacamp registrants are in no team');
    expect(readFileSync(path.join(out, 'teams-report.md'), 'utf8')).toContain('- r01 (Ana Ruiz): no shared language: a team needs 9 people who share one, but only 8 speak es (themselves included)');
  });
});
