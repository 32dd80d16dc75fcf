import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocate } from '../../src/allocate/allocate.js';
import { focalPointRoster, isFocalPointEligible } from '../../src/allocate/focal-point.js';
import { EVENT_NAMES, MECHANISMS, ROLES } from '../../src/domain/allocation.js';
import { SECTORS } from '../../src/domain/types.js';
import { person, session, sha } from './helpers.js';

const registrants = fc
  .array(
    fc.record({
      sector: fc.constantFrom(...SECTORS),
      events: fc.subarray([...EVENT_NAMES]),
      roles: fc.subarray([...ROLES]),
      poc: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rows) => rows.map((r, i) => person(`r${String(i).padStart(2, '0')}`, { sector: r.sector, events: r.events, roles: r.roles, pointOfContact: r.poc })));

describe('the Focal Point roster', () => {
  test('the predicate: government, point of contact, registered for it', () => {
    expect(isFocalPointEligible(person('a', { sector: 'government', pointOfContact: true, events: ['focal_point'] }))).toBe(true);
    expect(isFocalPointEligible(person('a', { sector: 'government', pointOfContact: true, events: ['regional_meeting'] }))).toBe(false);
    expect(isFocalPointEligible(person('a', { sector: 'government', pointOfContact: false, events: ['focal_point'] }))).toBe(false);
    expect(isFocalPointEligible(person('a', { sector: 'civil_society', pointOfContact: true, events: ['focal_point'] }))).toBe(false);
  });

  test('refusals say why', () => {
    const r = focalPointRoster([
      person('a', { sector: 'irm', pointOfContact: false, events: ['focal_point'] }),
      person('b', { sector: 'government', pointOfContact: false, events: ['focal_point'] }),
    ]);
    expect(r.invited).toEqual([]);
    expect(r.refused.map((x) => [x.registrant.id, x.reason])).toEqual([
      ['a', 'closed meeting: sector is irm, not government; not a government point of contact'],
      ['b', 'closed meeting: not a government point of contact'],
    ]);
  });

  test('property: under any registrants and any options, the roster holds exactly the eligible, and every other request is refused', () => {
    fc.assert(
      fc.property(
        registrants,
        fc.nat({ max: 50 }),
        fc.constantFrom(...MECHANISMS),
        fc.shuffledSubarray([...SECTORS], { minLength: 1 }),
        fc.string(),
        (people, places, mechanism, tiers, seed) => {
          const csd = people.filter((p) => p.events.includes('civil_society_day'));
          const sessions = [session('u1', 'A', 3, { facilitator: csd[0]?.id ?? null }), session('u2', 'A', 2)];
          const a = allocate(
            { registrants: people, sessions, preferences: [], workshops: [], workshopIds: [] },
            { places, tiers, mechanism, lotteryKey: sha(seed) },
          );
          for (const r of a.focalPoint.invited) expect(isFocalPointEligible(r)).toBe(true);
          expect(a.focalPoint.invited.map((r) => r.id)).toEqual(people.filter(isFocalPointEligible).map((r) => r.id));
          const asked = people.filter((p) => p.events.includes('focal_point')).map((p) => p.id);
          expect([...a.focalPoint.invited.map((r) => r.id), ...a.focalPoint.refused.map((r) => r.registrant.id)].sort()).toEqual(asked);
          expect(a.admissions.map((x) => x.id)).toEqual(people.map((p) => p.id));
          // Whatever the places, only admitted people hold unconference places or roles.
          const admitted = new Set(a.admissions.filter((x) => x.status === 'admitted').map((x) => x.id));
          for (const p of a.placements) if (p.kind === 'unconference') expect(admitted.has(p.registrant)).toBe(true);
        },
      ),
      { seed: 1119, numRuns: 200 },
    );
  });
});
