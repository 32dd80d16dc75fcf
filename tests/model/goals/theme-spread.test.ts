import { expect, test } from 'vitest';
import { DEFAULT_WEIGHTS, withWeights } from '../../../src/model/goals/registry.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { avail, event, item, room, win } from '../../helpers/event.js';

const D1 = '2014-11-19';
const D2 = '2014-11-20';

test('theme-spread puts a theme on both days, against a weaker wish', { timeout: 60_000 }, async () => {
  // b prefers day 1 (40 if not met); leaving day 2 without theme x costs 50.
  const ev = event({
    calendar: [win(D1, '09:00', '12:00'), win(D2, '09:00', '12:00')],
    rooms: [room('mh', 'main_hall', 300)],
    items: [
      item('p1', 'plenary', 60, ['a'], { themes: ['x'], pin: { date: D1 } }),
      item('p2', 'plenary', 60, ['b'], { themes: ['x'] }),
    ],
    availability: [avail('b', D1, '09:00', '12:00', 'preferred')],
  });
  const run = async (weights = DEFAULT_WEIGHTS) => {
    const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 20, backend: 'highs', now: () => 0, weights });
    if (o.kind !== 'scheduled') throw new Error(o.kind);
    return o;
  };
  const on = await run();
  expect(on.schedule.find((a) => a.item === 'p2')!.date).toBe(D2);
  expect(on.report.terms.find((t) => t.name === 'theme-spread')!.count).toBe(0);
  const off = await run(withWeights(DEFAULT_WEIGHTS, { 'theme-spread': 0 }));
  expect(off.schedule.find((a) => a.item === 'p2')!.date).toBe(D1);
  expect(off.report.terms.find((t) => t.name === 'theme-spread')!.occurrences).toEqual([
    'theme x has no plenary or workshop on 2014-11-20 (its 2 sessions: p1, p2)',
  ]);
});
