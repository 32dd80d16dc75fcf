/** The independent checker: each hard rule with a passing and a failing hand-made result. */
import { describe, expect, test } from 'vitest';
import { checkTeams } from '../../src/teams/check.js';
import type { Team, Teams } from '../../src/domain/teams.js';
import { input, person, project } from './helpers.js';

const sizes = { minSize: 2, maxSize: 3 };
const people = [
  person('a', 'journalist', { teamWith: ['b'] }),
  person('b', 'developer', { teamWith: ['a'] }),
  person('c', 'activist'),
  person('d', 'other', { languages: ['es', 'en'] }),
  person('e', 'other', { languages: ['en'] }),
  person('f', 'other', { languages: ['en'] }),
];
const data = input(people, [project('p1', 'c')]);
const team = (id: string, members: string[], over: Partial<Team> = {}): Team => ({ id, lead: members[0]!, members, language: 'es', project: null, ...over });
const good: Teams = {
  teams: [team('t01', ['c', 'a', 'b'], { project: 'p1' }), team('t02', ['d', 'e', 'f'], { language: 'en' })],
  unplaced: [],
};
const rules = (r: Teams) => checkTeams(data, sizes, r).map((v) => v.rule);

describe('checkTeams', () => {
  test('a valid result passes', () => expect(checkTeams(data, sizes, good)).toEqual([]));

  test('exactly-once: missing, doubled, or a stranger', () => {
    expect(rules({ ...good, teams: [good.teams[0]!, team('t02', ['d', 'e'], { language: 'en' })] })).toEqual(['exactly-once']);
    expect(checkTeams(data, sizes, { ...good, unplaced: [{ id: 'f', reason: 'x' }] }).map((v) => v.message)).toEqual([
      'f (Name f) is in team t02 and in the unplaced list',
    ]);
    expect(rules({ ...good, teams: [good.teams[0]!, team('t02', ['d', 'e', 'f', 'zz'], { language: 'en' })] })).toContain('exactly-once');
  });

  test('an unplaced person needs a reason', () => {
    expect(rules({ teams: [good.teams[0]!, team('t02', ['d', 'e'], { language: 'en' })], unplaced: [{ id: 'f', reason: ' ' }] })).toEqual(['reason']);
  });

  test('size', () => {
    expect(rules({ teams: [team('t01', ['c', 'a', 'b', 'd'], { project: 'p1' }), team('t02', ['e', 'f'], { language: 'en' })], unplaced: [] })).toEqual(['size']);
  });

  test('language', () => {
    expect(checkTeams(data, sizes, { ...good, teams: [good.teams[0]!, team('t02', ['d', 'e', 'f'], { language: 'es' })] }).map((v) => v.message)).toEqual([
      "e (Name e) in team t02 does not speak es, the team's language",
      "f (Name f) in team t02 does not speak es, the team's language",
    ]);
  });

  test('lead: the pitcher leads the one team of their project', () => {
    expect(rules({ ...good, teams: [team('t01', ['a', 'b', 'c'], { project: 'p1' }), good.teams[1]!] })).toEqual(['lead']);
    expect(rules({ ...good, teams: [team('t01', ['c', 'a', 'b']), good.teams[1]!] })).toEqual(['lead']);
  });

  test('pairs: mutual requests that fit are kept together', () => {
    const split: Teams = { teams: [team('t01', ['c', 'a', 'd'], { project: 'p1' }), team('t02', ['b', 'e', 'f'], { language: 'en' })], unplaced: [] };
    expect(rules(split)).toContain('pairs');
  });
});
