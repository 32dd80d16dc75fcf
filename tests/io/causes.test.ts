/**
 * The cause first, once: an empty or missing file that others refer to is
 * one message, not one "unknown ..." per reference; and `validate` reads
 * every file any command reads, with that command's words.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/domain/issues.js';
import { parseAllocationInput } from '../../src/io/allocation/parse.js';
import { checkFolder } from '../../src/io/check-folder.js';
import { openFolder } from '../../src/io/files.js';
import { parseTeamsInput } from '../../src/io/teams/parse.js';
import { readWeights } from '../../src/io/weights.js';
import { issuesOf, issuesOfAsync } from '../helpers/issues.js';
import { BASE, csv, event, expectProblems } from './event-fixture.js';

const REG = 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact';

describe('an empty file referred to is said once', () => {
  test('speakers.csv with a header and no rows', () => {
    expectProblems(event({ 'speakers.csv': 'id,name,organization,sector,country,languages\n', 'availability.csv': undefined }), [
      'speakers.csv:1 no speakers: the file has a header but no rows, yet themes.csv names speakers on 3 rows, the first on line 2',
    ]);
  });

  test('rooms.csv with a header and no rows', () => {
    expectProblems(event({ 'rooms.csv': 'id,name,kind,capacity,interpretation\n' }), [
      'rooms.csv:1 no rooms: the file has a header but no rows, yet themes.csv has 3 items to place',
    ]);
  });

  test('registrations.csv with a header and no rows, named by preferences and roles', () => {
    const files = {
      registrations: csv(REG),
      unconference: csv('id,title,block,capacity,room,facilitator', 'u1,T,A,10,,r1'),
      preferences: csv('registrant,session,rank', 'r1,u1,1', 'r2,u1,1'),
    };
    expect(issuesOf(() => parseAllocationInput(files, [], []))).toEqual([
      'registrations.csv:1 no registrants: the file has a header but no rows, yet preferences.csv names registrants on 2 rows, the first on line 2',
      'registrations.csv:1 no registrants: the file has a header but no rows, yet unconference.csv names registrants on line 2',
    ]);
  });

  test('a missing unconference.csv with 300 preferences is one line', () => {
    const prefs = csv('registrant,session,rank', ...Array.from({ length: 300 }, (_, i) => `r1,u${i},${(i % 5) + 1}`));
    const files = { registrations: csv(REG, 'r1,Ana,,,,,,civil_society_day,,'), unconference: undefined, preferences: prefs };
    expect(issuesOf(() => parseAllocationInput(files, [], []))).toEqual([
      'unconference.csv: missing file, yet preferences.csv names sessions (other than workshops in themes.csv) on 300 rows, the first on line 2',
    ]);
  });

  test('projects.csv with a header and no rows', () => {
    const registrations = csv(`${REG},profile,skills,languages,project,team_with`, 'r1,Ana,,,,,,datacamp,,,journalist,,es,p1,', 'r2,Ben,,,,,,datacamp,,,developer,,es,p2,');
    expect(issuesOf(() => parseTeamsInput({ registrations, projects: 'id,title,pitched_by,needs\n' }))).toEqual([
      'projects.csv:1 no projects: the file has a header but no rows, yet registrations.csv names projects on 2 rows, the first on line 2',
    ]);
  });
});

describe('validate reads every file any command reads', () => {
  const root = mkdtempSync(join(tmpdir(), 'convene-causes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  const folder = (files: Readonly<Record<string, string>>) => {
    const dir = join(root, `f${++n}`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  const problems = async (dir: string) => (await checkFolder(await openFolder(dir))).issues.map(formatIssue).sort();

  test('weights.csv: what schedule refuses, validate refuses in the same words', async () => {
    for (const weights of ['term,weight\nfun,3\n', 'term,weight\ntheme-clash,-1\n', 'term,weight\ntheme-clash,NaN\n', 'term,weight\ntheme-clash,1e9\n', '', '\u0000\u00ff\u00fe binary', 'term,weight\ntheme-clash,1\ntheme-clash,2\n']) {
      const dir = folder({ ...BASE, 'weights.csv': weights });
      const fromValidate = await problems(dir);
      expect(fromValidate.length, weights).toBeGreaterThan(0);
      expect(fromValidate).toEqual([...(await issuesOfAsync(() => readWeights(dir)))].sort());
    }
  });

  test('allocation and Datacamp files are checked when present, and only then', async () => {
    const dir = folder({
      ...BASE,
      'registrations.csv': csv(`${REG},profile,languages`, 'r1,Ana,,,civil_society,,,datacamp,,,,es', 'r2,Ben,,,ngo,,,,,,,'),
      'preferences.csv': csv('registrant,session,rank', 'r9,w01,1'),
    });
    expect(await problems(dir)).toEqual([
      'preferences.csv:2:1 registrant: unknown registrant "r9" (not in registrations.csv)',
      'registrations.csv:2:11 profile: expected one of journalist, activist, developer, designer, data_analyst or other for a Datacamp registrant, got an empty cell',
      'registrations.csv:3:5 sector: expected one of government, civil_society, irm, academia, private, multilateral or other, or an empty cell, got "ngo"',
    ]);
    expect(await problems(folder(BASE))).toEqual([]);
  });

  test('a folder of allocation files alone needs no calendar', async () => {
    const dir = folder({ 'registrations.csv': csv(REG, 'r1,Ana,,,,,,civil_society_day,,'), 'unconference.csv': csv('id,title,block,capacity,room', 'u1,T,A,10,') });
    const checked = await checkFolder(await openFolder(dir));
    expect(checked.issues).toEqual([]);
    expect(checked.parts).toEqual(['allocation']);
  });
});
