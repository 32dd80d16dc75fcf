/** Lower bounds per goal: what the candidates force, on events built so that something is forced. */
import { expect, test } from 'vitest';
import { candidatePlacements } from '../../../src/model/candidates.js';
import { buildContext } from '../../../src/model/context.js';
import { goalLowerUnits, objectiveLowerBound } from '../../../src/model/goals/bounds.js';
import { lightningGroupsGoal } from '../../../src/model/goals/lightning.js';
import { DEFAULT_WEIGHTS, weighted } from '../../../src/model/goals/registry.js';
import { speakerDaysGoal } from '../../../src/model/goals/speakers.js';
import { themeClashGoal } from '../../../src/model/goals/theme-clash.js';
import { themeSpreadGoal } from '../../../src/model/goals/theme-spread.js';
import { avail, event, item, room, win } from '../../helpers/event.js';

const D1 = '2014-11-19';
const D2 = '2014-11-20';

function bound(ev: Parameters<typeof buildContext>[0], goal: typeof themeClashGoal): number {
  const ctx = buildContext(ev);
  return goalLowerUnits(ctx, goal, candidatePlacements(ctx, 30));
}

test('theme-clash: three 2-hour workshops of one theme in one 4-hour morning force a clash of the lightest pair', () => {
  const ev = event({
    calendar: [win(D1, '09:00', '13:00')],
    rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
    items: [40, 25, 10].map((audience, k) => item(`w${k + 1}`, 'workshop', 120, [`s${k}`], { themes: ['x'], audience })),
  });
  expect(bound(ev, themeClashGoal)).toBe(10);
  expect(bound({ ...ev, calendar: [win(D1, '09:00', '15:00')] }, themeClashGoal)).toBe(0);
});

test('speaker-days: a speaker free on the first day for one item and on the second for the other speaks on both', () => {
  const ev = event({
    calendar: [win(D1, '09:00', '11:00'), win(D2, '09:00', '11:00')],
    rooms: [room('c1', 'classroom')],
    items: [item('w1', 'workshop', 60, ['a'], { pin: { date: D1 } }), item('w2', 'workshop', 60, ['a'], { pin: { date: D2 } })],
  });
  expect(bound(ev, speakerDaysGoal)).toBe(1);
  expect(bound({ ...ev, items: ev.items.map((i) => ({ ...i, pin: {} })) }, speakerDaysGoal)).toBe(0);
});

test('theme-spread: a day on which none of a theme’s sessions can go is missing in every schedule', () => {
  const ev = event({
    calendar: [win(D1, '09:00', '11:00'), win(D2, '09:00', '11:00')],
    rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
    items: [item('w1', 'workshop', 60, ['a'], { themes: ['x'] }), item('w2', 'workshop', 60, ['b'], { themes: ['x'] })],
    availability: [avail('a', D2, '09:00', '11:00'), avail('b', D2, '09:00', '11:00')],
  });
  expect(bound(ev, themeSpreadGoal)).toBe(1);
});

test('lightning-groups: a country’s talks longer than any lobby block break at least once', () => {
  const ev = event({
    calendar: [win(D1, '09:00', '09:30'), win(D1, '10:00', '10:30')],
    rooms: [room('lobby', 'lobby')],
    items: ['l1', 'l2', 'l3', 'l4'].map((id) => item(id, 'lightning', 10, [`s-${id}`], { country: 'Chile' })),
  });
  expect(bound(ev, lightningGroupsGoal)).toBe(1);
});

test('the objective’s bound is the weighted sum of its goals’', () => {
  const ev = event({
    calendar: [win(D1, '09:00', '11:00'), win(D2, '09:00', '11:00')],
    rooms: [room('c1', 'classroom')],
    items: [item('w1', 'workshop', 60, ['a'], { pin: { date: D1 } }), item('w2', 'workshop', 60, ['a'], { pin: { date: D2 } })],
    availability: [avail('a', D1, '09:00', '11:00', 'avoid')],
  });
  const ctx = buildContext(ev);
  const b = objectiveLowerBound(ctx, weighted(DEFAULT_WEIGHTS), candidatePlacements(ctx, 30));
  // One extra day (60) and w1's speaker inside their avoided morning (100).
  expect([b.byGoal.get('speaker-days'), b.byGoal.get('speaker-avoid'), b.total]).toEqual([60, 100, 160]);
});
