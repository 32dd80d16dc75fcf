/** Lower bounds per goal: what the candidates force, on events built so that something is forced. */
import { expect, test } from 'vitest';
import { candidatePlacements } from '../../../src/model/candidates.js';
import { buildContext } from '../../../src/model/context.js';
import { bestDisjoint, evenPairs, forcedPairCost, goalLowerUnits, objectiveLowerBound, relaxedBounds } from '../../../src/model/goals/bounds.js';
import { roomSizeGoal, roomTimeRelaxation } from '../../../src/model/goals/room-size.js';
import { solve } from '../../../src/solve/index.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { lightningGroupsGoal } from '../../../src/model/goals/lightning.js';
import { DEFAULT_WEIGHTS, weighted } from '../../../src/model/goals/registry.js';
import { speakerDaysGoal } from '../../../src/model/goals/speakers.js';
import { themeClashGoal } from '../../../src/model/goals/theme-clash.js';
import { themeSpreadGoal } from '../../../src/model/goals/theme-spread.js';
import { avail, event, item, room, win } from '../../helpers/event.js';
import type { Item } from '../../../src/domain/types.js';

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

test('theme-clash: four hour-long talks whose speakers are free only the same two hours clash twice, in a day of eight hours', () => {
  // Over the day the four fit one after another (240 of 480 minutes); in their two hours at most two do.
  const ev = event({
    calendar: [win(D1, '09:00', '17:00')],
    rooms: [room('mh-1', 'main_hall'), room('mh-2', 'main_hall'), room('mh-3', 'main_hall')],
    items: [10, 20, 30, 40].map((audience, k) => item(`p${k + 1}`, 'plenary', 60, [`s${k}`], { themes: ['x'], audience })),
    availability: [0, 1, 2, 3].map((k) => avail(`s${k}`, D1, '10:00', '12:00', 'available')),
  });
  // Two pairs at least, each costing at least the lightest pairs' 10.
  expect(bound(ev, themeClashGoal)).toBe(20);
  expect(bound({ ...ev, availability: [] }, themeClashGoal)).toBe(0);
});

test('the best set of spans that do not overlap', () => {
  expect(bestDisjoint([])).toBe(0);
  // Touching spans do not overlap; the long one is worth less than the two it overlaps.
  expect(bestDisjoint([{ from: 0, to: 60, cost: 5 }, { from: 60, to: 120, cost: 4 }, { from: 30, to: 90, cost: 8 }])).toBe(9);
  expect(bestDisjoint([{ from: 0, to: 60, cost: 5 }, { from: 60, to: 120, cost: 4 }, { from: 0, to: 120, cost: 10 }])).toBe(10);
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

test('Turán: n items of which at most k are pairwise apart make at least the pairs of k groups as equal as can be', () => {
  expect(evenPairs(50, 47)).toBe(3);
  expect(evenPairs(200, 50)).toBe(300);
  expect(evenPairs(5, 2)).toBe(4); // groups of 3 and 2: 3 + 1
  expect(evenPairs(4, 4)).toBe(0);
  // Checked against every way to split 7 items into 3 groups.
  let least = Infinity;
  for (let a = 0; a <= 7; a++) for (let b = 0; a + b <= 7; b++) least = Math.min(least, [a, b, 7 - a - b].reduce((n, k) => n + (k * (k - 1)) / 2, 0));
  expect(evenPairs(7, 3)).toBe(least);
});

test('pair-minutes: 250 item-minutes in 100 minutes run two at a time for 50 minutes and three for 50', () => {
  // 50 min x 1 pair + 50 min x 3 pairs.
  expect(evenPairs(250, 100)).toBe(200);
  expect(evenPairs(100, 100)).toBe(0);
});

test('theme-clash: a long workshop beside short talks of its theme costs what the minutes force, not only one pair per two items', () => {
  // 3 h of one theme in a 2-hour morning: 60 pair-minutes at least. The two talks pair with the workshop cheaply
  // (audience 5 each, at most 30 minutes each), the workshops among themselves dearly.
  const ev = event({
    calendar: [win(D1, '09:00', '11:00')],
    rooms: [room('c1', 'classroom'), room('c2', 'classroom'), room('lobby', 'lobby')],
    items: [
      item('w1', 'workshop', 120, ['a'], { themes: ['x'], audience: 50 }),
      item('l1', 'lightning', 30, ['b'], { themes: ['x'], audience: 5 }),
      item('l2', 'lightning', 30, ['c'], { themes: ['x'], audience: 5 }),
    ],
  });
  // Every schedule puts both talks beside the workshop: 5 + 5.
  expect(bound(ev, themeClashGoal)).toBe(10);
});

test('room-size relaxation: three hour-long workshops in a 2-hour morning cannot all have the large room', async () => {
  const ev = event({
    calendar: [win(D1, '09:00', '11:00')],
    rooms: [room('big', 'classroom', 100), room('small', 'classroom', 60)],
    items: [30, 40, 50].map((audience, k) => item(`w${k + 1}`, 'workshop', 60, [`s${k}`], { audience })),
  });
  const ctx = buildContext(ev, { gap: 0 });
  const candidates = candidatePlacements(ctx, 30);
  // Each item alone could have the large room: the plain bound sees nothing.
  expect(goalLowerUnits(ctx, roomSizeGoal, candidates)).toBe(0);
  // The large room holds two of them: one goes a step down, at best the 30 people (3 units).
  const relaxed = await relaxedBounds(ctx, [{ goal: roomSizeGoal, weight: 2 }], candidates, solve, { timeLimitSeconds: 20 });
  expect(relaxed.get('room-size')).toBe(6);
  // With an afternoon as well, all fit the large room.
  const roomy = buildContext({ ...ev, calendar: [...ev.calendar, win(D1, '14:00', '16:00')] }, { gap: 0 });
  expect(roomTimeRelaxation(roomy, candidatePlacements(roomy, 30))).not.toBeNull();
  const free = await relaxedBounds(roomy, [{ goal: roomSizeGoal, weight: 2 }], candidatePlacements(roomy, 30), solve, { timeLimitSeconds: 20 });
  expect(free.get('room-size')).toBe(0);
});

test('a run reports the room-size relaxation as the goal’s bound ("At least"), not each item’s cheapest room', { timeout: 60_000 }, async () => {
  const ev = event({
    calendar: [win(D1, '09:00', '11:00')],
    rooms: [room('big', 'classroom', 100), room('small', 'classroom', 60)],
    items: [30, 40, 50].map((audience, k) => item(`w${k + 1}`, 'workshop', 60, [`s${k}`], { audience })),
  });
  const o = await planSchedule(ev, { gap: 0, timeLimitSeconds: 20, backend: 'highs', now: () => 0 });
  if (o.kind !== 'scheduled') throw new Error(o.kind);
  const term = o.report.terms.find((t) => t.name === 'room-size')!;
  // The 30 people a step down: the least any schedule costs, and what this one costs.
  expect([term.cost, term.bound]).toEqual([3, 3]);
});

test('crowding relaxation: two talks in the one lobby beside an hour-long plenary each clash with it, which counting over all rooms misses', async () => {
  // The plenary fills the hour; the lobby holds one talk at a time, so each talk runs beside it: 10 + 100.
  // Pooled over the rooms, the hour's surplus could go to the two talks' cheap pair (10 per 30 minutes) instead: 20.
  const ev = event({
    calendar: [win(D1, '09:00', '10:00')],
    rooms: [room('mh', 'main_hall'), room('lobby', 'lobby')],
    items: [
      item('p1', 'plenary', 60, ['s'], { themes: ['x'], audience: 100 }),
      item('l1', 'lightning', 30, ['t'], { themes: ['x'], audience: 10 }),
      item('l2', 'lightning', 30, ['u'], { themes: ['x'], audience: 100 }),
    ],
  });
  const ctx = buildContext(ev, { gap: 0 });
  const candidates = candidatePlacements(ctx, 30);
  expect(goalLowerUnits(ctx, themeClashGoal, candidates)).toBe(20);
  const relaxed = await relaxedBounds(ctx, [{ goal: themeClashGoal, weight: 1 }], candidates, solve, { timeLimitSeconds: 20 });
  expect(relaxed.get('theme-clash')).toBe(110);
  const schedule = [
    { item: 'p1', room: 'mh', date: D1, start: 540, end: 600 },
    { item: 'l1', room: 'lobby', date: D1, start: 540, end: 570 },
    { item: 'l2', room: 'lobby', date: D1, start: 570, end: 600 },
  ];
  expect(themeClashGoal.score(ctx, schedule).units).toBe(110);
  // Half an hour more: the dear talk can run alone, and the bound says so.
  const longer = buildContext({ ...ev, calendar: [win(D1, '09:00', '10:30')] }, { gap: 0 });
  const free = await relaxedBounds(longer, [{ goal: themeClashGoal, weight: 1 }], candidatePlacements(longer, 30), solve, { timeLimitSeconds: 20 });
  expect(free.get('theme-clash')).toBe(10);
});

test('counting: a pair not listed (charged to another theme) costs nothing, and takes the forced overlap first', () => {
  // Three hour-long workshops in a 2-hour morning: one pair overlaps, at least an hour.
  const ev = event({
    calendar: [win(D1, '09:00', '11:00')],
    rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
    items: [1, 2, 3].map((k) => item(`w${k}`, 'workshop', 60, [`s${k}`], { themes: ['x'], audience: 50 })),
  });
  const ctx = buildContext(ev, { gap: 0 });
  const candidates = candidatePlacements(ctx, 30);
  const [a, b, c] = ['w1', 'w2', 'w3'].map((id) => ctx.items.get(id)!) as [Item, Item, Item];
  const items = [a, b, c];
  expect(forcedPairCost(ctx, items, candidates, [{ a, b, cost: 50 }, { a, b: c, cost: 50 }, { a: b, b: c, cost: 50 }])).toBe(50);
  // Only w1-w2 listed: w3 may overlap either of them for free.
  expect(forcedPairCost(ctx, items, candidates, [{ a, b, cost: 50 }])).toBe(0);
});
