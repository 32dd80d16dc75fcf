/** Reading the Datacamp columns and projects.csv: every problem at once, compiler-style. */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { issuesOfAsync } from '../helpers/issues.js';
import { parseTeamsInput } from '../../src/io/teams/parse.js';
import { readTeamsInput } from '../../src/io/teams/read.js';

const problems = issuesOfAsync;

const HEADER = 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact';

describe('parseTeamsInput', () => {
  test('fixtures/teams-bad-cells reports what its README says', async () => {
    const readme = await readFile('fixtures/teams-bad-cells/README.md', 'utf8');
    const want = (/```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '').split('\n').filter((l) => l !== '');
    expect(want.length).toBeGreaterThan(10);
    expect(await problems(() => readTeamsInput('fixtures/teams-bad-cells'))).toEqual(want);
  });

  test('fixtures/teams-tiny reads the Datacamp registrants only, sorted by id, with their projects', async () => {
    const data = await readTeamsInput('fixtures/teams-tiny');
    expect(data.people.map((p) => p.id)).toEqual(['r01', 'r02', 'r03', 'r04', 'r05', 'r07', 'r08', 'r09', 'r10']);
    expect(data.people.find((p) => p.id === 'r02')).toMatchObject({ profile: 'developer', languages: ['pt', 'es'], teamWith: ['r03'], skills: ['python'], line: 3 });
    expect(data.projects).toEqual([{ id: 'p1', title: 'Presupuesto abierto municipal', pitchedBy: 'r05', needs: ['developer', 'designer'] }]);
  });

  test('without the Datacamp columns: a missing-column problem for profile and languages', async () => {
    const text = `${HEADER}\nr1,Ana,a@x.org,Fundar,civil_society,México,,datacamp,,no\n`;
    expect(await problems(() => parseTeamsInput({ registrations: text, projects: undefined }))).toEqual([
      'registrations.csv:1 profile: missing column (convene teams needs profile and languages for every Datacamp registrant)',
      'registrations.csv:1 languages: missing column (convene teams needs profile and languages for every Datacamp registrant)',
    ]);
  });

  test('a project named only in registrations.csv is its own title, with no needs; languages are lower-cased', () => {
    const text = `${HEADER},profile,languages,project\nr1,Ana,a@x.org,Fundar,civil_society,México,,datacamp,,no,Journalist,ES;En,salud\nr2,Bo,b@x.org,X,other,Chile,,regional_meeting,,no,,,\n`;
    const data = parseTeamsInput({ registrations: text, projects: undefined });
    expect(data.people).toMatchObject([{ id: 'r1', profile: 'journalist', languages: ['es', 'en'], skills: [], teamWith: [] }]);
    expect(data.projects).toEqual([{ id: 'salud', title: 'salud', pitchedBy: 'r1', needs: [] }]);
  });

  test('two registrants pitching the same project', async () => {
    const text = `${HEADER},profile,languages,project\nr1,Ana,a@x.org,F,other,M,,datacamp,,no,other,es,salud\nr2,Bo,b@x.org,X,other,C,,datacamp,,no,other,es,salud\n`;
    expect(await problems(() => parseTeamsInput({ registrations: text, projects: undefined }))).toEqual([
      'registrations.csv:3:13 project: salud is already pitched by r1 (line 2); a project has one pitcher',
    ]);
  });
});
