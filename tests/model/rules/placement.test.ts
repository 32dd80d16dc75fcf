/**
 * Each placement rule, through the checker: a hand-made schedule that passes
 * and one that fails, with the exact rule names reported and messages that name
 * the item, the room or speaker, and the time.
 */
import { describe, expect, test } from 'vitest';
import type { Assignment, Event, Item } from '../../../src/domain/types.js';
import { checkSchedule, type Violation } from '../../../src/check/check.js';
import { buildContext } from '../../../src/model/context.js';
import { avail, event, item, minutes, room, win } from '../../helpers/event.js';

const D = '2014-11-19';
const D2 = '2014-11-20';

/** `item` in `room` on `date` from `start` for `duration` minutes. */
function at(itemId: string, roomId: string, start: string, duration: number, date = D): Assignment {
  const s = minutes(start);
  return { item: itemId, room: roomId, date, start: s, end: s + duration };
}

/** Two program windows around a coffee break, and rooms of every kind. */
function withRooms(items: Item[], extra: Partial<Event> = {}): Event {
  return event({
    calendar: [win(D, '09:00', '10:30'), win(D, '10:30', '11:00', 'break', 'coffee'), win(D, '11:00', '13:00')],
    rooms: [
      room('mh', 'main_hall'),
      room('hall2', 'main_hall', 100, false),
      room('lobby', 'lobby'),
      room('c1', 'classroom', 30),
      room('c2', 'classroom', 100),
    ],
    items,
    ...extra,
  });
}

function check(ev: Event, schedule: Assignment[]): readonly Violation[] {
  return checkSchedule(buildContext(ev), schedule);
}

const rules = (vs: readonly Violation[]) => vs.map((v) => v.rule);

/** The single violation of `vs`, asserting there is exactly one and that it is of `rule`. */
function only(vs: readonly Violation[], rule: string): Violation {
  expect(rules(vs)).toEqual([rule]);
  return vs[0]!;
}

describe('room-kind', () => {
  const ev = withRooms([
    item('w1', 'workshop', 60, ['a']),
    item('p1', 'plenary', 60, ['b']),
    item('w2', 'workshop', 60, ['c'], { rooms: ['c2'] }),
  ]);
  const good = [at('w1', 'c1', '09:00', 60), at('p1', 'mh', '09:00', 60), at('w2', 'c2', '11:00', 60)];

  test('a workshop in a classroom, a plenary in an interpreted hall and an item in its allowed room pass', () => {
    expect(check(ev, good)).toEqual([]);
  });

  test('a workshop in the lobby fails, naming item, room and time', () => {
    const v = only(check(ev, [at('w1', 'lobby', '09:30', 60), good[1]!, good[2]!]), 'room-kind');
    expect(v.items).toEqual(['w1']);
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 09:30 is a workshop but lobby (Room lobby) is a lobby, not a classroom');
  });

  test('a plenary in a main hall without interpretation fails', () => {
    const v = only(check(ev, [good[0]!, at('p1', 'hall2', '09:00', 60), good[2]!]), 'room-kind');
    expect(v.message).toBe('p1 "Title p1" at 2014-11-19 09:00 is a plenary but hall2 (Room hall2) has no simultaneous interpretation');
  });

  test('an item outside its allowed rooms fails even in a room of the right kind', () => {
    const v = only(check(ev, [good[0]!, good[1]!, at('w2', 'c1', '11:00', 60)]), 'room-kind');
    expect(v.message).toBe('w2 "Title w2" at 2014-11-19 11:00 may only use c2, not c1');
  });
});

describe('capacity', () => {
  const ev = withRooms([item('w1', 'workshop', 60, ['a'], { audience: 40 })]);

  test('a room seating at least the audience passes', () => {
    expect(check(ev, [at('w1', 'c2', '09:00', 60)])).toEqual([]);
  });

  test('a room too small fails, naming item, room, time and both numbers', () => {
    const v = only(check(ev, [at('w1', 'c1', '09:00', 60)]), 'capacity');
    expect(v.items).toEqual(['w1']);
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 09:00 expects 40 people but c1 (Room c1) seats 30');
  });

  test('an audience exactly the capacity fits', () => {
    const exact = withRooms([item('w1', 'workshop', 60, ['a'], { audience: 30 })]);
    expect(check(exact, [at('w1', 'c1', '09:00', 60)])).toEqual([]);
  });
});

describe('program-window', () => {
  const ev = withRooms([item('w1', 'workshop', 60, ['a'])]);

  test('an item filling a window up to its end passes', () => {
    expect(check(ev, [at('w1', 'c2', '09:30', 60)])).toEqual([]);
    expect(check(ev, [at('w1', 'c2', '12:00', 60)])).toEqual([]);
  });

  test('the wrong duration fails', () => {
    const v = only(check(ev, [at('w1', 'c2', '09:30', 50)]), 'program-window');
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 09:30-10:20 runs 50 minutes but lasts 60');
  });

  test('a start off the 5-minute grid fails', () => {
    const v = only(check(ev, [{ item: 'w1', room: 'c2', date: D, start: minutes('09:03'), end: minutes('10:03') }]), 'program-window');
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 09:03-10:03 does not start on the 5-minute grid');
  });

  test('running into a break fails, naming the break', () => {
    const v = only(check(ev, [at('w1', 'c2', '10:00', 60)]), 'program-window');
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 10:00-11:00 runs into the break "coffee" (10:30-11:00)');
  });

  test('a time outside every window fails', () => {
    const v = only(check(ev, [at('w1', 'c2', '13:00', 60)]), 'program-window');
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 13:00-14:00 is not inside one program window of the calendar');
    expect(rules(check(ev, [at('w1', 'c2', '09:00', 60, D2)]))).toEqual(['program-window']);
  });
});

describe('pin', () => {
  const twoDays = (pin: Item['pin']): Event =>
    withRooms([item('w1', 'workshop', 60, ['a'], { pin })], { calendar: [win(D, '09:00', '13:00'), win(D2, '09:00', '13:00')] });

  test('a schedule keeping every pinned part passes', () => {
    const ev = twoDays({ date: D2, start: minutes('09:30'), room: 'c2' });
    expect(check(ev, [at('w1', 'c2', '09:30', 60, D2)])).toEqual([]);
  });

  test('the wrong date fails', () => {
    const v = only(check(twoDays({ date: D2 }), [at('w1', 'c2', '09:30', 60)]), 'pin');
    expect(v.message).toBe('w1 "Title w1" is pinned to date 2014-11-20 but placed in c2 at 2014-11-19 09:30');
  });

  test('the wrong start fails', () => {
    const v = only(check(twoDays({ start: minutes('09:30') }), [at('w1', 'c2', '10:00', 60)]), 'pin');
    expect(v.message).toBe('w1 "Title w1" is pinned to start 09:30 but placed in c2 at 2014-11-19 10:00');
  });

  test('the wrong room fails', () => {
    const v = only(check(twoDays({ room: 'c2' }), [at('w1', 'c1', '10:00', 60)]), 'pin');
    expect(v.message).toBe('w1 "Title w1" is pinned to room c2 but placed in c1 at 2014-11-19 10:00');
  });

  test('every broken part is listed in one violation', () => {
    const v = only(check(twoDays({ date: D2, start: minutes('09:30'), room: 'c2' }), [at('w1', 'c1', '10:00', 60)]), 'pin');
    expect(v.message).toContain('pinned to date 2014-11-20, start 09:30, room c2');
  });
});

describe('availability', () => {
  const simple = (extra: Partial<Event>) =>
    event({ items: [item('w1', 'workshop', 60, ['a'])], rooms: [room('c1', 'classroom')], ...extra });

  test('a speaker unavailable during the item fails, naming speaker, time and the free part', () => {
    const ev = simple({ availability: [avail('a', D, '09:00', '10:00')] });
    const v = only(check(ev, [at('w1', 'c1', '09:30', 60)]), 'availability');
    expect(v.items).toEqual(['w1']);
    expect(v.message).toBe(
      'w1 "Title w1" at 2014-11-19 09:30-10:30: its speaker a (Speaker a) is not available then (free only 10:00-10:30 of it)',
    );
  });

  test('starting as the speaker becomes free passes', () => {
    const ev = simple({ availability: [avail('a', D, '09:00', '10:00')] });
    expect(check(ev, [at('w1', 'c1', '10:00', 60)])).toEqual([]);
  });

  test('unavailability on another date does not matter', () => {
    const ev = simple({ availability: [avail('a', D2, '09:00', '13:00')] });
    expect(check(ev, [at('w1', 'c1', '09:00', 60)])).toEqual([]);
  });

  test('`available` rows bound the speaker: inside passes, partly outside fails', () => {
    const ev = simple({ availability: [avail('a', D, '10:00', '11:00', 'available')] });
    expect(check(ev, [at('w1', 'c1', '10:00', 60)])).toEqual([]);
    const v = only(check(ev, [at('w1', 'c1', '10:30', 60)]), 'availability');
    expect(v.message).toContain('speaker a (Speaker a) is not available then (free only 10:30-11:00 of it)');
    expect(v.message).toContain('2014-11-19 10:30-11:30');
  });

  test('an `available` row makes every time outside all such rows unavailable', () => {
    const ev = simple({ availability: [avail('a', D, '10:00', '11:00', 'available')] });
    const v = only(check(ev, [at('w1', 'c1', '12:00', 60)]), 'availability');
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 12:00-13:00: its speaker a (Speaker a) is not available then');
  });

  test('adjacent `available` rows merge into one span', () => {
    const ev = simple({
      availability: [avail('a', D, '10:30', '11:00', 'available'), avail('a', D, '10:00', '10:30', 'available')],
    });
    expect(check(ev, [at('w1', 'c1', '10:00', 60)])).toEqual([]);
    const v = only(check(ev, [at('w1', 'c1', '09:55', 60)]), 'availability');
    expect(v.message).toContain('2014-11-19 09:55-10:55');
  });

  test('an unavailable row inside an `available` one still blocks', () => {
    const ev = simple({
      availability: [avail('a', D, '09:00', '13:00', 'available'), avail('a', D, '11:00', '11:30')],
    });
    expect(check(ev, [at('w1', 'c1', '09:00', 60)])).toEqual([]);
    expect(rules(check(ev, [at('w1', 'c1', '10:30', 60)]))).toEqual(['availability']);
  });

  test('a room unavailable during the item fails, naming the room', () => {
    const ev = simple({ availability: [avail('c1', D, '11:00', '12:00')] });
    expect(check(ev, [at('w1', 'c1', '10:00', 60)])).toEqual([]);
    const v = only(check(ev, [at('w1', 'c1', '10:30', 60)]), 'availability');
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 10:30-11:30: room c1 (Room c1) is not available then');
  });

  test('an item marked unavailable fails', () => {
    const ev = simple({ availability: [avail('w1', D, '09:00', '12:00')] });
    expect(check(ev, [at('w1', 'c1', '12:00', 60)])).toEqual([]);
    const v = only(check(ev, [at('w1', 'c1', '11:00', 60)]), 'availability');
    expect(v.message).toBe('w1 "Title w1" at 2014-11-19 11:00-12:00: the item itself is marked unavailable then');
  });

  test('every speaker of the item counts, not only the first', () => {
    const ev = event({
      items: [item('w1', 'workshop', 60, ['a', 'b'])],
      rooms: [room('c1', 'classroom')],
      availability: [avail('b', D, '09:00', '10:00')],
    });
    const v = only(check(ev, [at('w1', 'c1', '09:00', 60)]), 'availability');
    expect(v.message).toContain('speaker b (Speaker b)');
  });
});

test('a placement breaking several placement rules reports each, in rule order', () => {
  const ev = withRooms([item('w1', 'workshop', 60, ['a'], { audience: 500, pin: { room: 'c2' } })], {
    availability: [avail('a', D, '09:00', '13:00')],
  });
  const vs = check(ev, [at('w1', 'lobby', '10:00', 60)]);
  expect(rules(vs)).toEqual(['room-kind', 'capacity', 'program-window', 'pin', 'availability']);
  expect(vs.every((v) => v.items.length === 1 && v.items[0] === 'w1')).toBe(true);
});
