/** Hand-made Datacamp people and projects for team-forming tests. */
import { createHash } from 'node:crypto';
import { solve } from '../../src/solve/index.js';
import type { Solver } from '../../src/solve/types.js';
import { formTeams, type TeamsOutcome } from '../../src/teams/form.js';
import type { Person, Profile, Project, TeamsInput, TeamsOptions } from '../../src/domain/teams.js';

let line = 2;

/** A person; `spec` overrides the defaults (civil society is only the sector when asked). */
export function person(id: string, profile: Profile, spec: Partial<Person> = {}): Person {
  return {
    id,
    name: `Name ${id}`,
    organization: `Org ${id}`,
    sector: 'other',
    country: `Country ${id}`,
    profile,
    skills: [],
    languages: ['es'],
    teamWith: [],
    line: line++,
    ...spec,
  };
}

export function project(id: string, pitchedBy: string, needs: Project['needs'] = []): Project {
  return { id, title: `Project ${id}`, pitchedBy, needs };
}

export function input(people: readonly Person[], projects: readonly Project[] = []): TeamsInput {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { people: [...people].sort(byId), projects: [...projects].sort(byId) };
}

export const orderKey = (seed: string) => (id: string) => createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');

export function options(over: Partial<TeamsOptions> = {}): TeamsOptions {
  return { minSize: 2, maxSize: 3, orderKey: orderKey('2014'), timeLimitSeconds: 20, ...over };
}

export const highs: Solver = (model, o) => solve(model, { ...o, backend: 'highs' });

export function form(i: TeamsInput, over: Partial<TeamsOptions> = {}): Promise<TeamsOutcome> {
  return formTeams(i, options(over), highs);
}

/** Sorted member lists, for comparing partitions regardless of team ids. */
export function partition(o: TeamsOutcome): readonly string[] {
  return o.result.teams.map((t) => [...t.members].sort().join('+')).sort();
}
