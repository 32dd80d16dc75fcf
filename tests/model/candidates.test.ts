import { describe, expect, test } from 'vitest';
import type { Assignment, Event } from '../../src/domain/types.js';
import { formatTime } from '../../src/domain/time.js';
import { candidatePlacements } from '../../src/model/candidates.js';
import { findingMessage } from '../../src/check/words.js';
import { buildContext } from '../../src/model/context.js';
import { avail, event, item, minutes, room, win } from '../helpers/event.js';

const D = '2014-11-19';
const D2 = '2014-11-20';

/** A morning cut by a coffee break, and one room of each kind plus a small classroom. */
function morning(parts: Partial<Event> & { items: Event['items'] }): Event {
  return event({
    calendar: [win(D, '09:00', '10:30'), win(D, '10:30', '11:00', 'break', 'coffee'), win(D, '11:00', '12:00')],
    rooms: [room('mh', 'main_hall'), room('lobby', 'lobby'), room('c1', 'classroom', 30), room('c2', 'classroom', 100)],
    ...parts,
  });
}

/** Placements as `room date hh:mm` strings, easy to compare. */
const show = (ps: readonly Assignment[]) => ps.map((p) => `${p.item} ${p.room} ${p.date} ${formatTime(p.start)}`);

function candidates(ev: Event, grid = 30) {
  return candidatePlacements(buildContext(ev), grid);
}

describe('candidatePlacements', () => {
  test('offers every grid start inside a window, in allowed rooms, never across the break', () => {
    const { placements, rejected } = candidates(morning({ items: [item('w1', 'workshop', 60, ['a'])] }));
    expect(show(placements)).toEqual([
      'w1 c1 2014-11-19 09:00',
      'w1 c1 2014-11-19 09:30',
      'w1 c1 2014-11-19 11:00',
      'w1 c2 2014-11-19 09:00',
      'w1 c2 2014-11-19 09:30',
      'w1 c2 2014-11-19 11:00',
    ]);
    expect(placements.every((p) => p.end === p.start + 60)).toBe(true);
    expect(rejected.size).toBe(0);
  });

  test('starts follow the grid it is given', () => {
    const { placements } = candidates(morning({ items: [item('p1', 'plenary', 60, ['a'])] }), 15);
    expect(show(placements)).toEqual([
      'p1 mh 2014-11-19 09:00',
      'p1 mh 2014-11-19 09:15',
      'p1 mh 2014-11-19 09:30',
      'p1 mh 2014-11-19 11:00',
    ]);
  });

  test('drops starts when a speaker is unavailable', () => {
    const ev = morning({ items: [item('w1', 'workshop', 60, ['a'])], availability: [avail('a', D, '09:45', '10:00')] });
    expect(show(candidates(ev).placements)).toEqual(['w1 c1 2014-11-19 11:00', 'w1 c2 2014-11-19 11:00']);
  });

  test('keeps only starts inside `available` rows', () => {
    const ev = morning({ items: [item('w1', 'workshop', 60, ['a'])], availability: [avail('a', D, '09:30', '10:30', 'available')] });
    expect(show(candidates(ev).placements)).toEqual(['w1 c1 2014-11-19 09:30', 'w1 c2 2014-11-19 09:30']);
  });

  test('drops a room while it is unavailable, and an item while it is', () => {
    const ev = morning({
      items: [item('w1', 'workshop', 60, ['a'])],
      availability: [avail('c1', D, '09:00', '09:30'), avail('w1', D, '11:00', '12:00')],
    });
    expect(show(candidates(ev).placements)).toEqual([
      'w1 c1 2014-11-19 09:30',
      'w1 c2 2014-11-19 09:00',
      'w1 c2 2014-11-19 09:30',
    ]);
  });

  test('drops rooms too small for the audience', () => {
    const ev = morning({ items: [item('w1', 'workshop', 60, ['a'], { audience: 31 })] });
    expect(new Set(candidates(ev).placements.map((p) => p.room))).toEqual(new Set(['c2']));
  });

  test('drops rooms of the wrong kind and outside the allowed list', () => {
    const ev = morning({ items: [item('l1', 'lightning', 10, ['a']), item('w1', 'workshop', 60, ['b'], { rooms: ['c1'] })] });
    const { placements } = candidates(ev);
    expect(new Set(placements.filter((p) => p.item === 'l1').map((p) => p.room))).toEqual(new Set(['lobby']));
    expect(new Set(placements.filter((p) => p.item === 'w1').map((p) => p.room))).toEqual(new Set(['c1']));
  });

  test('keeps pinned dates, starts and rooms', () => {
    const ev = morning({
      calendar: [win(D, '09:00', '10:30'), win(D2, '09:00', '10:30')],
      items: [
        item('w1', 'workshop', 60, ['a'], { pin: { date: D2 } }),
        item('w2', 'workshop', 60, ['b'], { pin: { start: minutes('09:30') } }),
        item('w3', 'workshop', 60, ['c'], { pin: { room: 'c1' } }),
      ],
    });
    const { placements } = candidates(ev);
    expect(show(placements.filter((p) => p.item === 'w1'))).toEqual([
      'w1 c1 2014-11-20 09:00',
      'w1 c1 2014-11-20 09:30',
      'w1 c2 2014-11-20 09:00',
      'w1 c2 2014-11-20 09:30',
    ]);
    expect(show(placements.filter((p) => p.item === 'w2'))).toEqual([
      'w2 c1 2014-11-19 09:30',
      'w2 c1 2014-11-20 09:30',
      'w2 c2 2014-11-19 09:30',
      'w2 c2 2014-11-20 09:30',
    ]);
    expect(new Set(placements.filter((p) => p.item === 'w3').map((p) => p.room))).toEqual(new Set(['c1']));
  });

  test('lists placements by item id, then room id, then time, whatever the input order', () => {
    const ev = morning({ items: [item('w2', 'workshop', 60, ['a']), item('l1', 'lightning', 30, ['b'])] });
    const { placements } = candidates(ev);
    const keys = placements.map((p) => [p.item, p.room, p.date, p.start] as const);
    const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[3] - y[3]));
    expect(keys).toEqual(sorted);
    expect(placements[0]!.item).toBe('l1');
  });

  describe('rejected', () => {
    test('names an item too large for every room of its kind, counting rooms per rule', () => {
      const ev = morning({ items: [item('w1', 'workshop', 60, ['a'], { audience: 500 }), item('p1', 'plenary', 60, ['b'])] });
      const { placements, rejected } = candidates(ev);
      expect([...rejected.keys()]).toEqual(['w1']);
      expect(placements.some((p) => p.item === 'w1')).toBe(false);
      const why = rejected.get('w1')!;
      expect([...why.keys()].sort()).toEqual(['capacity', 'room-kind']);
      // One count per room: a rule that ignores time rejects the room once.
      expect(why.get('capacity')!.count).toBe(2);
      expect(why.get('room-kind')!.count).toBe(2);
      expect(why.get('capacity')!.example).toEqual({ rule: 'capacity', item: 'w1', room: 'c1', date: D, start: minutes('09:00') });
      expect(findingMessage(buildContext(ev), why.get('capacity')!.example)).toContain('expects 500 people but c1 (Room c1) seats 30');
    });

    test('counts every start turned down by a timed rule', () => {
      const ev = morning({ items: [item('w1', 'workshop', 60, ['a'])], availability: [avail('a', D, '09:00', '12:00')] });
      const why = candidates(ev).rejected.get('w1')!;
      // 3 starts in each of 2 classrooms.
      expect(why.get('availability')!.count).toBe(6);
      expect(why.get('availability')!.example).toMatchObject({ rule: 'availability', item: 'w1', who: 'speaker', id: 'a' });
      expect(findingMessage(buildContext(ev), why.get('availability')!.example)).toContain('speaker a (Speaker a) is not available');
    });

    test('gives an empty tally for an item longer than every window', () => {
      const { rejected } = candidates(morning({ items: [item('w1', 'workshop', 120, ['a'])] }));
      expect(rejected.get('w1')?.size).toBe(0);
    });

    test('names a pinned item whose pin rules out every place', () => {
      const ev = morning({ items: [item('w1', 'workshop', 60, ['a'], { pin: { start: minutes('10:00') } })] });
      const why = candidates(ev).rejected.get('w1')!;
      expect([...why.keys()].sort()).toEqual(['pin', 'room-kind']);
      expect(why.get('pin')!.example).toMatchObject({ rule: 'pin', item: 'w1', broken: { start: minutes('10:00') } });
      expect(findingMessage(buildContext(ev), why.get('pin')!.example)).toContain('pinned to start 10:00');
    });
  });
});
