/** Hand-made cases, solved with HiGHS, where one rule or goal decides the outcome. */
import { describe, expect, test } from 'vitest';
import { evaluateGoals } from '../../src/teams/goals.js';
import { prepare, TeamsError } from '../../src/teams/prepare.js';
import { form, input, partition, person, project } from './helpers.js';

const T = 60_000;

describe('hard rules', () => {
  test('sizes: 7 people in teams of 3-4 make a 3 and a 4', async () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => person(id, 'other'));
    const o = await form(input(people), { minSize: 3, maxSize: 4 });
    expect(o.result.teams.map((t) => t.members.length).sort()).toEqual([3, 4]);
    expect(o.result.unplaced).toEqual([]);
  }, T);

  test('sizes: when 4-6 cannot split 7 people, one is left out with the reason', async () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => person(id, 'other'));
    const o = await form(input(people), { minSize: 4, maxSize: 6 });
    expect(o.result.teams.map((t) => t.members.length)).toEqual([6]);
    expect(o.result.unplaced).toHaveLength(1);
    expect(o.result.unplaced[0]?.reason).toMatch(/cannot split the 7 people/);
  }, T);

  test('language: Spanish and English speakers form teams they can work in; a lone French speaker is unplaced', async () => {
    const es = ['e1', 'e2', 'e3'].map((id) => person(id, 'other', { languages: ['es'] }));
    const en = ['n1', 'n2', 'n3'].map((id) => person(id, 'other', { languages: ['en'] }));
    const fr = person('f1', 'journalist', { languages: ['fr'] });
    const o = await form(input([...es, ...en, fr]), { minSize: 3, maxSize: 3 });
    expect(partition(o)).toEqual(['e1+e2+e3', 'n1+n2+n3']);
    expect(o.result.teams.map((t) => t.language).sort()).toEqual(['en', 'es']);
    expect(o.result.unplaced).toEqual([{ id: 'f1', reason: 'no shared language: a team needs 3 people who share one, but only 1 speaks fr (themselves included)' }]);
  }, T);

  test('language: leaving one out can strand the next (fixpoint)', () => {
    const people = [person('a', 'other', { languages: ['pt'] }), person('b', 'other', { languages: ['pt', 'fr'] }), person('c', 'other', { languages: ['fr'] })];
    const prep = prepare(input([...people, ...['x', 'y', 'z'].map((id) => person(id, 'other'))]), { minSize: 3, maxSize: 3 });
    expect(prep.unplaced.map((u) => u.id)).toEqual(['a', 'b', 'c']);
  });

  test('a pitcher leads the team of their own project, listed first', async () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id, 'other'));
    const o = await form(input(people, [project('p9', 'e')]), { minSize: 3, maxSize: 3 });
    expect(o.result.teams[0]).toMatchObject({ id: 't01', project: 'p9', lead: 'e' });
    expect(o.result.teams[0]?.members[0]).toBe('e');
    expect(o.result.teams[1]?.project).toBeNull();
  }, T);

  test('more projects than teams is refused with the reason', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => person(id, 'other'));
    expect(() => prepare(input(people, [project('p1', 'a'), project('p2', 'b')]), { minSize: 2, maxSize: 4 })).not.toThrow();
    expect(() => prepare(input(people, [project('p1', 'a'), project('p2', 'b'), project('p3', 'c')]), { minSize: 2, maxSize: 4 })).toThrow(TeamsError);
  });

  test('mutual team_with pairs stay together even against the organization goal', async () => {
    const people = [
      person('a', 'journalist', { organization: 'Same', teamWith: ['b'] }),
      person('b', 'journalist', { organization: 'Same', teamWith: ['a'] }),
      person('c', 'developer'),
      person('d', 'developer'),
    ];
    const o = await form(input(people), { minSize: 2, maxSize: 2 });
    expect(partition(o)).toEqual(['a+b', 'c+d']);
    const orgs = evaluateGoals(people, [], o.result).find((g) => g.goal === 'organizations');
    expect(orgs?.misses).toEqual([{ team: 't01', reason: '2 from Same (a, b), who asked to work together' }]);
  }, T);

  test('a group of mutual requests larger than a team is not kept, and reported', async () => {
    const people = [
      person('a', 'other', { teamWith: ['b'] }),
      person('b', 'other', { teamWith: ['a', 'c'] }),
      person('c', 'other', { teamWith: ['b'] }),
      person('d', 'other'),
    ];
    const prep = prepare(input(people), { minSize: 2, maxSize: 2 });
    expect(prep.groups).toEqual([{ ids: ['a', 'b', 'c'], brokenBecause: '3 people asked for each other, more than the largest team (2)' }]);
    const o = await form(input(people), { minSize: 2, maxSize: 2 });
    const requests = evaluateGoals(people, [], o.result).find((g) => g.goal === 'requests');
    expect(requests?.applies).toBe(4);
    expect(requests?.met).toBe(2);
  }, T);
});

describe('soft goals', () => {
  test('journalists, activists and developers are spread one per team', async () => {
    const people = [
      person('j1', 'journalist'), person('j2', 'journalist'),
      person('a1', 'activist'), person('a2', 'other', { sector: 'civil_society' }),
      person('d1', 'developer'), person('d2', 'data_analyst'),
    ];
    const o = await form(input(people), { minSize: 3, maxSize: 3 });
    for (const g of evaluateGoals(people, [], o.result).slice(0, 3)) expect(g.met, g.goal).toBe(2);
  }, T);

  test('a missing journalist is reported with the reason', async () => {
    const people = [person('j1', 'journalist'), ...['b', 'c', 'd'].map((id) => person(id, 'developer'))];
    const o = await form(input(people), { minSize: 2, maxSize: 2 });
    const g = evaluateGoals(people, [], o.result).find((x) => x.goal === 'journalist');
    expect(g?.met).toBe(1);
    expect(g?.misses[0]?.reason).toBe('only 1 placed person is a journalist, for 2 teams');
  }, T);

  test('no two from one organization, no more than 2 from one country', async () => {
    const people = [
      person('a', 'other', { organization: 'X', country: 'CR' }),
      person('b', 'other', { organization: 'X', country: 'CR' }),
      person('c', 'other', { country: 'CR' }),
      person('d', 'other', { country: 'PA' }),
      person('e', 'other', { country: 'PA' }),
      person('f', 'other', { country: 'PA' }),
    ];
    const o = await form(input(people), { minSize: 3, maxSize: 3 });
    const goals = evaluateGoals(people, [], o.result);
    expect(goals.find((g) => g.goal === 'organizations')?.met).toBe(2);
    expect(goals.find((g) => g.goal === 'countries')?.met).toBe(2);
  }, T);

  test('project needs: the only designer joins the project that asks for one', async () => {
    const people = [person('p', 'activist'), person('z', 'designer'), ...['a', 'b', 'c', 'd'].map((id) => person(id, 'other'))];
    const o = await form(input(people, [project('p1', 'p', ['designer'])]), { minSize: 3, maxSize: 3 });
    expect(o.result.teams[0]?.members).toContain('z');
  }, T);
});

describe('refusals', () => {
  test('two pt-only pitchers cannot both lead a team of pt speakers: refused with the reason', async () => {
    const people = [
      person('a', 'other', { languages: ['pt'] }),
      person('b', 'other', { languages: ['pt'] }),
      person('c', 'other', { languages: ['pt', 'es'] }),
      ...['d', 'e', 'f'].map((id) => person(id, 'other')),
    ];
    await expect(form(input(people, [project('p1', 'a'), project('p2', 'b')]), { minSize: 2, maxSize: 3 })).rejects.toThrow(/no teams keep every hard rule/);
  }, T);
});
