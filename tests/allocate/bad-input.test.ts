/** Bad allocation input: every problem at once, compiler-style, and exit 2. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { issuesOfAsync } from '../helpers/issues.js';
import { parseAllocationInput } from '../../src/io/allocation/parse.js';
import { readAllocationInput } from '../../src/io/allocation/read.js';
import { exitCodeFor } from '../../src/cli/exit.js';

const problems = issuesOfAsync;

const bad = (await readdir('fixtures')).filter((d) => d.startsWith('alloc-bad-')).sort();

describe('fixtures/alloc-bad-*', () => {
  test('there are some', () => expect(bad.length).toBeGreaterThanOrEqual(2));

  test.each(bad)('%s reports what its README says', async (name) => {
    const dir = join('fixtures', name);
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    const want = (/```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '').split('\n').filter((l) => l !== '');
    expect(want.length).toBeGreaterThan(0);
    expect(await problems(() => readAllocationInput(dir, null))).toEqual(want);
  });

  test('an InputError maps to exit 2, printing each problem', async () => {
    let error: unknown;
    try {
      await readAllocationInput('fixtures/alloc-bad-references', null);
    } catch (e) {
      error = e;
    }
    const printed: string[] = [];
    expect(exitCodeFor(error, { error: (t) => printed.push(t) }, false)).toBe(2);
    expect(printed[0]).toBe('preferences.csv:3:3 rank: r1 already gave rank 1 to u1 (line 2) in block A');
    expect(printed.at(-1)).toBe('8 problems found in the input; nothing was written.');
  });
});

const REG = 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact\nr1,Ana,a@x,Org,civil_society,CR,2014,civil_society_day,,no\n';

describe('parseAllocationInput', () => {
  test('registrations.csv is required; the other two may be absent', async () => {
    expect(await problems(async () => parseAllocationInput({ registrations: undefined, unconference: undefined, preferences: undefined }, [], []))).toEqual([
      'registrations.csv: missing file (expected columns id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact)',
    ]);
    const input = parseAllocationInput({ registrations: REG, unconference: undefined, preferences: undefined }, [], []);
    expect(input.registrants.map((r) => r.id)).toEqual(['r1']);
    expect(input.sessions).toEqual([]);
  });

  test('a missing column is reported once, in the header', async () => {
    const text = 'id,title,capacity,room\nu1,T,10,R\n';
    expect(await problems(async () => parseAllocationInput({ registrations: REG, unconference: text, preferences: undefined }, [], []))).toEqual([
      'unconference.csv:1 block: missing column',
    ]);
  });

  test('ranks may repeat across blocks, and be any increasing numbers', () => {
    const un = 'id,title,block,capacity,room\nu1,T,A,10,R\nu2,T,B,10,R\n';
    const pr = 'registrant,session,rank\nr1,u1,1\nr1,u2,1\n';
    const input = parseAllocationInput({ registrations: REG, unconference: un, preferences: pr }, [], []);
    expect(input.preferences).toHaveLength(2);
  });
});
