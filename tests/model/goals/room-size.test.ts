import { expect, test } from 'vitest';
import { buildContext } from '../../../src/model/context.js';
import { roomSizeGoal } from '../../../src/model/goals/room-size.js';
import { DEFAULT_WEIGHTS, withWeights } from '../../../src/model/goals/registry.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { event, item, room, win } from '../../helpers/event.js';

const D = '2014-11-19';

test('room-size gives the larger room to the larger audience when two workshops run at once', { timeout: 60_000 }, async () => {
  // One 2-hour window: both workshops run at once, one per classroom.
  const ev = event({
    calendar: [win(D, '09:00', '11:00')],
    rooms: [room('big', 'classroom', 60), room('small', 'classroom', 30)],
    items: [item('w1', 'workshop', 120, ['a'], { audience: 10 }), item('w2', 'workshop', 120, ['b'], { audience: 28 })],
  });
  const run = async (weights = DEFAULT_WEIGHTS) => {
    const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 20, backend: 'highs', now: () => 0, weights });
    if (o.kind !== 'scheduled') throw new Error(o.kind);
    return o;
  };
  const o = await run();
  expect(o.schedule.find((a) => a.item === 'w2')!.room).toBe('big');
  const term = o.report.terms.find((t) => t.name === 'room-size')!;
  expect(term.cost).toBe(1); // w1 (10 people) one step below the largest room
  expect(roomSizeGoal.score(buildContext(ev), o.schedule).occurrences.map((f) => f.message)).toEqual([
    'w1 "Title w1" (10 expected) is in small (Room small), 1 size step below big (Room big) (60 seats)',
  ]);
  // With the goal off, the cost of the other arrangement is not counted against it.
  const off = await run(withWeights(DEFAULT_WEIGHTS, { 'room-size': 0 }));
  expect(off.report.terms.find((t) => t.name === 'room-size')!.cost).toBe(0);
});
