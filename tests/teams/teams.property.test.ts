/**
 * Whatever small Datacamp it is given, formTeams returns teams in which every
 * registrant appears exactly once (in a team or unplaced with a reason) and
 * every hard rule holds; or refuses with TeamsError only when there are more
 * projects than teams can be formed. formTeams itself runs the checker; this
 * re-checks the essentials here by plain counting.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkTeams } from '../../src/teams/check.js';
import { TeamsError } from '../../src/teams/prepare.js';
import { PROFILES, type Person, type Project } from '../../src/domain/teams.js';
import { form, input, person, project } from './helpers.js';

const SEED = 7;

const personArb = fc.record({
  profile: fc.constantFrom(...PROFILES),
  languages: fc.constantFrom(['es'], ['es'], ['en'], ['es', 'en'], ['pt'], ['pt', 'es']),
  org: fc.nat(3),
  country: fc.nat(3),
  civil: fc.boolean(),
  wants: fc.uniqueArray(fc.nat(13), { maxLength: 2 }),
});

const caseArb = fc.record({
  people: fc.array(personArb, { minLength: 3, maxLength: 14 }),
  pitchers: fc.uniqueArray(fc.nat(13), { maxLength: 3 }),
  min: fc.integer({ min: 2, max: 3 }),
  extra: fc.nat(2),
  seed: fc.string({ maxLength: 4 }),
});

test('every registrant exactly once, hard rules always hold', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const ids = c.people.map((_, k) => `r${String(k).padStart(2, '0')}`);
      const people: Person[] = c.people.map((p, k) =>
        person(ids[k]!, p.profile, {
          languages: p.languages,
          organization: `Org ${p.org}`,
          country: `C${p.country}`,
          sector: p.civil ? 'civil_society' : 'other',
          teamWith: p.wants.filter((w) => w < ids.length && w !== k).map((w) => ids[w]!),
        }),
      );
      const projects: Project[] = c.pitchers.filter((k) => k < ids.length).map((k) => project(`p${k}`, ids[k]!, ['journalist']));
      const data = input(people, projects);
      const sizes = { minSize: c.min, maxSize: c.min + c.extra };
      let outcome;
      try {
        outcome = await form(data, { ...sizes, orderKey: (id) => `${c.seed}:${id}` });
      } catch (e) {
        expect(e).toBeInstanceOf(TeamsError);
        expect((e as Error).message).toMatch(/projects are pitched|no teams keep every hard rule/);
        return;
      }
      const { teams, unplaced } = outcome.result;
      const listed = [...teams.flatMap((t) => t.members), ...unplaced.map((u) => u.id)].sort();
      expect(listed).toEqual([...ids].sort());
      for (const t of teams) {
        expect(t.members.length).toBeGreaterThanOrEqual(sizes.minSize);
        expect(t.members.length).toBeLessThanOrEqual(sizes.maxSize);
        for (const m of t.members) expect(people.find((p) => p.id === m)?.languages).toContain(t.language);
      }
      for (const u of unplaced) expect(u.reason).not.toBe('');
      expect(checkTeams(data, sizes, outcome.result)).toEqual([]);
    }),
    { seed: SEED, numRuns: 25 },
  );
}, 180_000);
