/**
 * Each speaker goal decides the outcome of a tiny event built so that without
 * it (or with its weight at 0) the best schedule would be a different one.
 */
import { describe, expect, test } from 'vitest';
import type { Event, Schedule } from '../../../src/domain/types.js';
import { buildContext } from '../../../src/model/context.js';
import { speakerAvoidGoal } from '../../../src/model/goals/speakers.js';
import { DEFAULT_WEIGHTS, withWeights, type Weights } from '../../../src/model/goals/registry.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { avail, event, item, room, win } from '../../helpers/event.js';

const D1 = '2014-11-19';
const D2 = '2014-11-20';
const slow = { timeout: 60_000 };

async function plan(ev: Event, weights: Weights = DEFAULT_WEIGHTS): Promise<Schedule> {
  const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 20, backend: 'highs', now: () => performance.now(), weights });
  if (o.kind !== 'scheduled') throw new Error(o.kind);
  return o.schedule;
}
const at = (s: Schedule, id: string) => s.find((a) => a.item === id)!;

describe('speaker goals', () => {
  const rooms = [room('mh', 'main_hall', 300)];

  test('speaker-avoid keeps an item out of a span its speaker would rather avoid', slow, async () => {
    const ev = event({
      calendar: [win(D1, '09:00', '11:00')],
      rooms,
      items: [item('p1', 'plenary', 60, ['a'])],
      availability: [avail('a', D1, '09:00', '10:00', 'avoid')],
    });
    const s = await plan(ev);
    expect(at(s, 'p1').start).toBeGreaterThanOrEqual(10 * 60);
    expect(speakerAvoidGoal.score(buildContext(ev), s).occurrences).toEqual([]);
    // The span stays allowed: it is a wish, not a rule.
    const forced = event({ ...ev, calendar: [win(D1, '09:00', '10:00')] });
    const f = await plan(forced);
    expect(speakerAvoidGoal.score(buildContext(forced), f).occurrences.map((o) => o.items)).toEqual([['p1']]);
  });

  test('speaker-preferred puts an item inside its speaker’s preferred span', slow, async () => {
    const ev = event({
      calendar: [win(D1, '09:00', '13:00')],
      rooms,
      items: [item('p1', 'plenary', 60, ['a'])],
      availability: [avail('a', D1, '11:30', '12:30', 'preferred')],
    });
    expect(at(await plan(ev), 'p1').start).toBe(11 * 60 + 30);
  });

  test('speaker-days keeps a speaker’s items on one day, against a weaker wish', slow, async () => {
    // Day 1 has room for one more plenary only (p3 is pinned there). Speaker a
    // prefers day 1: p1 there and p2 on day 2 costs preferred 40 + days 60;
    // both on day 2 costs preferred 2 x 40 = 80, the best with speaker-days on.
    const ev = event({
      calendar: [win(D1, '09:00', '11:10'), win(D2, '09:00', '13:00')],
      rooms,
      items: [
        item('p1', 'plenary', 60, ['a']),
        item('p2', 'plenary', 60, ['a']),
        item('p3', 'plenary', 60, ['b'], { pin: { date: D1, start: 9 * 60 } }),
      ],
      availability: [avail('a', D1, '09:00', '11:10', 'preferred')],
    });
    const s = await plan(ev);
    expect([at(s, 'p1').date, at(s, 'p2').date]).toEqual([D2, D2]);
    const off = await plan(ev, withWeights(DEFAULT_WEIGHTS, { 'speaker-days': 0 }));
    expect(new Set([at(off, 'p1').date, at(off, 'p2').date])).toEqual(new Set([D1, D2]));
  });
});
