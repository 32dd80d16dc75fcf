import { expect, test } from 'vitest';
import { allocate } from '../../src/allocate/allocate.js';
import { rosterFiles } from '../../src/allocate/render/markdown.js';
import { DEFAULT_TIERS, type Workshop } from '../../src/domain/allocation.js';
import { person, session, sha } from './helpers.js';

test('roster files are named by safe stems: a workshop id from themes.csv cannot leave the folder', () => {
  const workshop = (id: string): Workshop => ({ id, title: `W ${id}`, room: 'c1', capacity: 5, date: '2014-11-19', start: 540, end: 660 });
  const ids = ['../w1', '/abs', 'CON', 'Sp-1', 'sp-1'];
  const input = {
    registrants: [person('r1', { events: ['civil_society_day', 'regional_meeting'] })],
    sessions: [session('u1', 'A', 5)],
    preferences: [{ registrant: 'r1', session: '../w1', rank: 1, line: 2 }],
    workshops: ids.map(workshop),
    workshopIds: ids,
  };
  const a = allocate(input, { places: 5, tiers: DEFAULT_TIERS, mechanism: 'da', lotteryKey: sha('1') });
  const names = Object.keys(rosterFiles(a, new Map(input.registrants.map((r) => [r.id, r]))));
  expect(names.sort()).toEqual(['rosters/CON_.md', 'rosters/Sp-1.md', 'rosters/__w1.md', 'rosters/_abs.md', 'rosters/sp-1-2.md', 'rosters/u1.md']);
});
