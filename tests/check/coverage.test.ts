/** Lightning coverage by member country (members.csv): who speaks for each member, who is missing. */
import { describe, expect, test } from 'vitest';
import { coverageWarnings, lightningCoverage } from '../../src/check/coverage.js';
import type { Event } from '../../src/domain/types.js';
import { event, item, speaker } from '../helpers/event.js';

const ev: Event = event({
  items: [
    item('l1', 'lightning', 10, ['g-cl'], { country: 'Chile' }),
    item('l2', 'lightning', 10, ['cs-cl'], { country: 'chile ' }),
    item('l3', 'lightning', 10, ['irm-cl'], { country: 'Chile' }),
    item('l4', 'lightning', 10, ['g-pe'], { country: 'Perú' }),
    item('l5', 'lightning', 10, ['ac-pe'], { country: 'Peru' }),
    item('l6', 'lightning', 10, ['cs-cl'], { country: 'Regional' }),
    item('l7', 'lightning', 10, ['g-pe'], { country: 'Canadá' }),
    item('w1', 'workshop', 60, ['g-cl'], { country: 'Chile' }),
  ],
  speakers: [
    speaker('g-cl', { sector: 'government' }),
    speaker('cs-cl', { sector: 'civil_society' }),
    speaker('irm-cl', { sector: 'irm' }),
    speaker('g-pe', { sector: 'government' }),
    speaker('ac-pe', { sector: 'academia' }),
  ],
  members: [
    { country: 'Perú', name: 'Perú', line: 2 },
    { country: 'Chile', name: 'Chile', line: 3 },
    { country: 'Uruguay', name: 'Uruguay', line: 4 },
  ],
});

describe('lightningCoverage', () => {
  test('each member in members.csv order, its talks by sector; regional and non-member talks apart', () => {
    const c = lightningCoverage(ev)!;
    expect(c.members).toEqual([
      { country: 'Perú', name: 'Perú', talks: { government: ['l4'], civil_society: [], irm: [] }, other: ['l5'] },
      { country: 'Chile', name: 'Chile', talks: { government: ['l1'], civil_society: ['l2'], irm: ['l3'] }, other: [] },
      { country: 'Uruguay', name: 'Uruguay', talks: { government: [], civil_society: [], irm: [] }, other: [] },
    ]);
    expect(c.regional).toEqual(['l6']);
    expect(c.others).toEqual([{ country: 'Canadá', talks: ['l7'] }]);
  });

  test('one warning per member missing a voice; none without members.csv', () => {
    expect(coverageWarnings(lightningCoverage(ev)!)).toEqual([
      'Perú has no lightning talk by civil society or the IRM (members.csv)',
      'Uruguay has no lightning talk by anyone (members.csv)',
    ]);
    expect(lightningCoverage({ ...ev, members: [] })).toBeNull();
  });
});
