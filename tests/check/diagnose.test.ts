import { describe, expect, test } from 'vitest';
import type { Assignment, Event } from '../../src/domain/types.js';
import { checkSchedule } from '../../src/check/check.js';
import {
  collidingPins,
  directFindings,
  overbookedSpeakers,
  overloadedRoomKinds,
  unplaceableItems,
} from '../../src/check/diagnose.js';
import { buildModel } from '../../src/model/build.js';
import { buildContext } from '../../src/model/context.js';
import { avail, event, item, minutes, room, win } from '../helpers/event.js';

const D = '2014-11-19';
const ctxOf = (ev: Event, gap = 10) => buildContext(ev, { gap });

function at(itemId: string, roomId: string, start: string, duration: number): Assignment {
  const s = minutes(start);
  return { item: itemId, room: roomId, date: D, start: s, end: s + duration };
}

describe('unplaceableItems', () => {
  test('names each item buildModel rejected, with the reasons and an example', () => {
    const ev = event({
      items: [
        item('w1', 'workshop', 60, ['a'], { audience: 500 }),
        item('w2', 'workshop', 60, ['b']),
        item('l1', 'lightning', 10, ['c'], { pin: { room: 'c1' } }),
      ],
    });
    const ctx = ctxOf(ev);
    const r = buildModel(ctx);
    if (r.ok) throw new Error('expected rejections');
    const findings = unplaceableItems(ctx, r.rejected);
    expect(findings.map((f) => [f.check, f.ids])).toEqual([
      ['no-place', ['l1']],
      ['no-place', ['w1']],
    ]);
    expect(findings[1]!.message).toMatch(/^w1 "Title w1" cannot be placed anywhere: /);
    expect(findings[1]!.message).toContain('too large an audience for the room (e.g. w1 "Title w1" at 2014-11-19 09:00 expects 500 people');
    expect(findings[1]!.message).toContain('no allowed room of the right kind');
    expect(findings[0]!.message).toContain('l1 "Title l1" cannot be placed anywhere');
  });

  test('explains an item longer than every window by the lengths', () => {
    const ev = event({ calendar: [win(D, '09:00', '11:00'), win(D, '11:30', '13:00')], items: [item('w1', 'workshop', 150, ['a'])] });
    const ctx = ctxOf(ev);
    const r = buildModel(ctx);
    if (r.ok) throw new Error('expected rejections');
    expect(unplaceableItems(ctx, r.rejected)).toEqual([
      {
        check: 'no-place',
        ids: ['w1'],
        message: 'w1 "Title w1" cannot be placed: it lasts 150 minutes and the longest program window is 120 minutes',
      },
    ]);
  });
});

describe('overbookedSpeakers', () => {
  test('names a speaker whose items outlast the program time, and the items', () => {
    const ev = event({
      items: [
        item('w1', 'workshop', 120, ['a']),
        item('p1', 'plenary', 60, ['a', 'b']),
        item('l1', 'lightning', 70, ['a']),
        item('w2', 'workshop', 120, ['b']),
      ],
    });
    const findings = overbookedSpeakers(ctxOf(ev));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.check).toBe('speaker-time');
    expect(findings[0]!.ids).toEqual(['a', 'l1', 'p1', 'w1']);
    expect(findings[0]!.message).toBe(
      'speaker a (Speaker a) has 3 items (l1, p1, w1) lasting 250 minutes in all but is free only 240 minutes of program time ' +
        '(2014-11-19 09:00-13:00)',
    );
  });

  test('counts only the time the speaker is free', () => {
    const items = [item('w1', 'workshop', 60, ['a']), item('p1', 'plenary', 60, ['a'])];
    expect(overbookedSpeakers(ctxOf(event({ items, availability: [avail('a', D, '09:00', '11:00')] })))).toEqual([]);
    const findings = overbookedSpeakers(ctxOf(event({ items, availability: [avail('a', D, '09:00', '11:10')] })));
    expect(findings.map((f) => f.ids)).toEqual([['a', 'p1', 'w1']]);
    expect(findings[0]!.message).toContain('lasting 120 minutes in all but is free only 110 minutes of program time (2014-11-19 11:10-13:00)');
  });

  test('says nothing when the items fit exactly', () => {
    const ev = event({ items: [item('w1', 'workshop', 120, ['a']), item('p1', 'plenary', 120, ['a'])] });
    expect(overbookedSpeakers(ctxOf(ev))).toEqual([]);
  });
});

describe('overloadedRoomKinds', () => {
  test('names the rooms of a kind that cannot hold its items with their hallway gaps', () => {
    const ev = event({
      rooms: [room('mh', 'main_hall'), room('c1', 'classroom')],
      items: [item('w1', 'workshop', 120, ['a']), item('w2', 'workshop', 120, ['b'])],
    });
    const findings = overloadedRoomKinds(ctxOf(ev));
    expect(findings).toEqual([
      {
        check: 'room-time',
        ids: ['c1'],
        message:
          '2 workshops need at least 250 minutes of room c1 (Room c1) (with the 10-minute hallway gaps) but it offers only 240 minutes of program time',
      },
    ]);
    // Without a gap they fit back to back.
    expect(overloadedRoomKinds(ctxOf(ev, 0))).toEqual([]);
  });

  test('counts only the time the rooms are free', () => {
    const ev = event({
      rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
      items: [item('w1', 'workshop', 120, ['a']), item('w2', 'workshop', 120, ['b']), item('w3', 'workshop', 120, ['c'])],
      availability: [avail('c1', D, '09:00', '12:00')],
    });
    const findings = overloadedRoomKinds(ctxOf(ev));
    expect(findings.map((f) => f.ids)).toEqual([['c1', 'c2']]);
    expect(findings[0]!.message).toContain('c1 (Room c1), c2 (Room c2)');
    expect(findings[0]!.message).toContain('only 300 minutes of program time');
  });

  test('a hallway gap may fall while the room is unavailable: no finding when a schedule exists', () => {
    // Regression: the gaps used to be weighed against the room's free time only.
    const ev = event({
      calendar: [win(D, '09:00', '11:10')],
      rooms: [room('c1', 'classroom')],
      items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 60, ['b'])],
      availability: [avail('c1', D, '10:00', '10:10')],
    });
    const ctx = ctxOf(ev);
    expect(checkSchedule(ctx, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '10:10', 60)])).toEqual([]);
    expect(overloadedRoomKinds(ctx)).toEqual([]);
  });

  test('lightning talks need no gap', () => {
    const ev = event({
      calendar: [win(D, '09:00', '09:30')],
      items: [item('l1', 'lightning', 10, ['a']), item('l2', 'lightning', 10, ['b']), item('l3', 'lightning', 10, ['c'])],
    });
    expect(overloadedRoomKinds(ctxOf(ev))).toEqual([]);
    const more = event({ calendar: ev.calendar, items: [...ev.items, item('l4', 'lightning', 10, ['d'])] });
    const findings = overloadedRoomKinds(ctxOf(more));
    expect(findings.map((f) => f.ids)).toEqual([['lobby']]);
    expect(findings[0]!.message).toBe('4 lightning talks need at least 40 minutes of room lobby (Room lobby) but it offers only 30 minutes of program time');
  });
});

describe('collidingPins', () => {
  test('names two items pinned to one moment in their only room', () => {
    const ev = event({
      rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
      items: [
        item('w1', 'workshop', 60, ['a'], { pin: { date: D, start: minutes('09:00'), room: 'c1' } }),
        item('w2', 'workshop', 60, ['b'], { pin: { date: D, start: minutes('10:05') }, rooms: ['c1'] }),
      ],
    });
    expect(collidingPins(ctxOf(ev))).toEqual([
      {
        check: 'pin-clash',
        ids: ['w1', 'w2'],
        message: 'w1 "Title w1" is pinned to 2014-11-19 09:00 and w2 "Title w2" to 10:05 the same day; both need c1 (Room c1)',
      },
    ]);
    // Exactly the hallway gap apart is fine.
    const apart = event({ ...ev, items: [ev.items[0]!, { ...ev.items[1]!, pin: { date: D, start: minutes('10:10') } }] });
    expect(collidingPins(ctxOf(apart))).toEqual([]);
  });

  test('names two items pinned to overlapping times with a shared speaker', () => {
    const ev = event({
      items: [
        item('p1', 'plenary', 60, ['b', 'a'], { pin: { date: D, start: minutes('09:00') } }),
        item('w1', 'workshop', 60, ['a'], { pin: { date: D, start: minutes('09:30') } }),
      ],
    });
    const findings = collidingPins(ctxOf(ev));
    expect(findings.map((f) => f.ids)).toEqual([['p1', 'w1']]);
    expect(findings[0]!.message).toBe(
      'p1 "Title p1" is pinned to 2014-11-19 09:00 and w1 "Title w1" to 09:30 the same day; both have speaker a (Speaker a)',
    );
  });

  test('items pinned to the same time in different rooms without a shared speaker do not collide', () => {
    const ev = event({
      items: [
        item('w1', 'workshop', 60, ['a'], { pin: { date: D, start: minutes('09:00') } }),
        item('w2', 'workshop', 60, ['b'], { pin: { date: D, start: minutes('09:00') } }),
      ],
    });
    expect(collidingPins(ctxOf(ev))).toEqual([]);
  });
});

describe('directFindings', () => {
  test('a feasible event has none', () => {
    const ev = event({
      items: [
        item('p1', 'plenary', 60, ['a'], { pin: { date: D, start: minutes('09:00') } }),
        item('w1', 'workshop', 120, ['a', 'b']),
        item('w2', 'workshop', 120, ['c']),
        item('l1', 'lightning', 10, ['b']),
      ],
      availability: [avail('b', D, '12:00', '13:00')],
    });
    const ctx = ctxOf(ev);
    expect(directFindings(ctx)).toEqual([]);
    // And it is feasible indeed.
    const schedule = [at('p1', 'mh', '09:00', 60), at('w1', 'c1', '10:00', 120), at('w2', 'c2', '09:00', 120), at('l1', 'lobby', '09:00', 10)];
    expect(checkSchedule(ctx, schedule)).toEqual([]);
  });

  test('collects pins, speakers and rooms in that order', () => {
    const ev = event({
      rooms: [room('mh', 'main_hall'), room('c1', 'classroom')],
      items: [
        item('w1', 'workshop', 150, ['a'], { pin: { date: D, start: minutes('09:00') } }),
        item('w2', 'workshop', 120, ['a'], { pin: { date: D, start: minutes('10:00') } }),
      ],
    });
    expect(directFindings(ctxOf(ev)).map((f) => f.check)).toEqual(['pin-clash', 'speaker-time', 'room-time']);
  });
});
