/**
 * Ranks from interest marks (allocate --interest): per person and block, the
 * most dots first, equal dots by the seeded key; marks of sessions with no
 * block are dropped. Read through io, a mark of a proposal left out of the
 * agenda is dropped, and one of neither a session nor a proposal is an issue.
 */
import { describe, expect, test } from 'vitest';
import { ranksFromInterest } from '../../src/allocate/interest.js';
import { parseAllocationInput } from '../../src/io/allocation/parse.js';
import { issuesOf } from '../helpers/issues.js';

const mark = (registrant: string, session: string, weight: number, line = 2) => ({ registrant, session, weight, line });

describe('ranksFromInterest', () => {
  test('the most dots first, per block; ties by the key; sessions without a block dropped', () => {
    const blockOf = (s: string) => ({ u1: 'A', u2: 'A', u3: 'A', u4: 'B' })[s];
    const ranks = ranksFromInterest([mark('r1', 'u1', 1), mark('r1', 'u2', 3), mark('r1', 'u3', 1), mark('r1', 'u4', 1), mark('r1', 'x9', 5)], blockOf, (_r, s) => (s === 'u3' ? '0' : '9'));
    expect(ranks.map((p) => [p.session, p.rank])).toEqual([
      ['u1', 3],
      ['u2', 1],
      ['u3', 2],
      ['u4', 1],
    ]);
  });
});

describe('allocate reading interest.csv in place of preferences.csv', () => {
  const registrations = 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact\nr1,Ana,a@x,Org,civil_society,México,,civil_society_day,,no\n';
  const unconference = 'id,title,block,capacity,room\nu1,Datos,A,10,Sala\nu2,Justicia,A,10,Sala 2\n';
  const interest = (rows: string) => ({ text: `registrant,proposal,weight\n${rows}`, proposals: new Set(['u1', 'u2', 's9']), tieKey: (r: string, s: string) => `${r}:${s}` });

  test('marks become ranks; a left-out proposal is dropped', () => {
    const input = parseAllocationInput({ registrations, unconference, preferences: undefined, interest: interest('r1,u1,1\nr1,u2,2\nr1,s9,3\n') }, [], []);
    expect(input.preferences.map((p) => [p.session, p.rank])).toEqual([
      ['u1', 2],
      ['u2', 1],
    ]);
  });

  test('an unknown registrant or proposal is an issue at its cell', () => {
    expect(issuesOf(() => parseAllocationInput({ registrations, unconference, preferences: undefined, interest: interest('r7,u1,1\nr1,zz,1\n') }, [], []))).toEqual([
      'interest.csv:2:1 registrant: unknown registrant "r7" (not in registrations.csv)',
      'interest.csv:3:2 proposal: unknown proposal "zz" (not a session in unconference.csv, nor in proposals.csv)',
    ]);
  });
});
