/**
 * The goals committees ask for (audience-overlap, track-rooms, level-flow,
 * speaker-rooms): each decides a tiny event built so that with its weight
 * at 0 the best schedule is a different one.
 */
import { describe, expect, test } from 'vitest';
import type { Event, Schedule } from '../../../src/domain/types.js';
import { buildContext } from '../../../src/model/context.js';
import { audienceOverlapGoal } from '../../../src/model/goals/favourites.js';
import { levelFlowGoal } from '../../../src/model/goals/level-flow.js';
import { NO_WEIGHTS, withWeights, type Weights } from '../../../src/model/goals/registry.js';
import { speakerRoomsGoal, trackRoomsGoal } from '../../../src/model/goals/rooms-used.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { avail, event, item, minutes, room, win } from '../../helpers/event.js';

const D = '2014-11-19';
const slow = { timeout: 60_000 };
const day = [win(D, '09:00', '11:00'), win(D, '11:00', '11:30', 'break', 'Café'), win(D, '11:30', '13:30')];

async function plan(ev: Event, weights: Weights): Promise<Schedule> {
  const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 20, backend: 'highs', now: () => 0, weights });
  if (o.kind !== 'scheduled') throw new Error(o.kind);
  expect(o.report.status).toBe('optimal');
  return o.schedule;
}

const of = (s: Schedule, id: string) => s.find((a) => a.item === id)!;

describe('audience-overlap', () => {
  // Both speakers prefer the morning (40 each), and 50 people starred both workshops.
  const ev = event({
    calendar: day,
    rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
    items: [item('w1', 'workshop', 120, ['a']), item('w2', 'workshop', 120, ['b'])],
    availability: [avail('a', D, '09:00', '11:00', 'preferred'), avail('b', D, '09:00', '11:00', 'preferred')],
    favourites: Array.from({ length: 50 }, (_, k) => [`r${k}>w1`, `r${k}>w2`]).flat().map((s) => ({ registrant: s.split('>')[0]!, item: s.split('>')[1]!, line: 0 })),
  });
  const weights = (w: number) => withWeights(NO_WEIGHTS, { 'speaker-preferred': 40, 'audience-overlap': w });

  test('keeps apart two items the same people starred', slow, async () => {
    const on = await plan(ev, weights(1));
    expect(of(on, 'w1').start).not.toBe(of(on, 'w2').start);
    expect(audienceOverlapGoal.score(buildContext(ev), on).units).toBe(0);
    const off = await plan(ev, weights(0));
    expect(of(off, 'w1').start).toBe(of(off, 'w2').start);
    expect(audienceOverlapGoal.score(buildContext(ev), off).occurrences.map((o) => o.message)).toEqual([
      '50 people starred both w1 "Title w1" and w2 "Title w2", which run at once on 2014-11-19 09:00-11:00',
    ]);
  });

  test('counts the people a starred item’s room cannot seat', () => {
    const small = event({ ...ev, rooms: [room('c1', 'classroom', 30)] });
    const s = [{ item: 'w1', room: 'c1', date: D, start: minutes('09:00'), end: minutes('11:00') }];
    expect(audienceOverlapGoal.score(buildContext(small), s)).toMatchObject({ count: 1, units: 20 });
  });
});

describe('track-rooms', () => {
  // w1 is pinned to c1 in the morning, w2 to the afternoon; room-size would rather have w2 in the larger c2.
  const ev = event({
    calendar: day,
    rooms: [room('c1', 'classroom', 40), room('c2', 'classroom', 80)],
    items: [
      item('w1', 'workshop', 120, ['a'], { themes: ['x'], audience: 30, pin: { room: 'c1', start: minutes('09:00') } }),
      item('w2', 'workshop', 120, ['b'], { themes: ['x'], audience: 5, pin: { start: minutes('11:30') } }),
    ],
  });
  const weights = (w: number) => withWeights(NO_WEIGHTS, { 'room-size': 1, 'track-rooms': w });

  test('keeps a theme’s workshops of one day in one room', slow, async () => {
    expect(of(await plan(ev, weights(20)), 'w2').room).toBe('c1');
    const off = await plan(ev, weights(0));
    expect(of(off, 'w2').room).toBe('c2');
    expect(trackRoomsGoal.score(buildContext(ev), off).occurrences.map((o) => o.message)).toEqual([
      'theme x\'s workshops use 2 rooms on 2014-11-19 (c1, c2): w1 "Title w1", w2 "Title w2"',
    ]);
  });
});

describe('speaker-rooms', () => {
  // The same, with one speaker's two workshops on no shared theme.
  const ev = event({
    calendar: day,
    rooms: [room('c1', 'classroom', 40), room('c2', 'classroom', 80)],
    items: [
      item('w1', 'workshop', 120, ['a'], { audience: 30, pin: { room: 'c1', start: minutes('09:00') } }),
      item('w2', 'workshop', 120, ['a'], { audience: 5, pin: { start: minutes('11:30') } }),
    ],
  });
  const weights = (w: number) => withWeights(NO_WEIGHTS, { 'room-size': 1, 'speaker-rooms': w });

  test('keeps a speaker in one room for the day', slow, async () => {
    expect(of(await plan(ev, weights(20)), 'w2').room).toBe('c1');
    const off = await plan(ev, weights(0));
    expect(of(off, 'w2').room).toBe('c2');
    expect(speakerRoomsGoal.score(buildContext(ev), off).count).toBe(1);
  });
});

describe('level-flow', () => {
  // One classroom; the advanced workshop's speaker prefers the morning (40).
  const ev = event({
    calendar: day,
    rooms: [room('c1', 'classroom')],
    items: [item('w1', 'workshop', 120, ['a'], { themes: ['x'], level: 'intro' }), item('w2', 'workshop', 120, ['b'], { themes: ['x'], level: 'advanced' })],
    availability: [avail('b', D, '09:00', '11:00', 'preferred')],
  });
  const weights = (w: number) => withWeights(NO_WEIGHTS, { 'speaker-preferred': 40, 'level-flow': w });

  test('puts the intro before the advanced item on a theme', slow, async () => {
    const on = await plan(ev, weights(50));
    expect(of(on, 'w1').start).toBeLessThan(of(on, 'w2').start);
    const off = await plan(ev, weights(0));
    expect(of(off, 'w2').start).toBeLessThan(of(off, 'w1').start);
    expect(levelFlowGoal.score(buildContext(ev), off).occurrences.map((o) => o.message)).toEqual([
      'w2 "Title w2" (advanced, 2014-11-19 09:00) comes before w1 "Title w1" (intro, 2014-11-19 11:30) on x',
    ]);
  });
});
