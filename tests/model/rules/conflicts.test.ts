/**
 * Each conflict rule, through the checker: a hand-made schedule that passes
 * and one that fails, with the exact rule names reported and messages that name
 * the items, the room or speaker, and the time.
 */
import { describe, expect, test } from 'vitest';
import type { Assignment, Event } from '../../../src/domain/types.js';
import { checkSchedule, type Violation } from '../../../src/check/check.js';
import { buildContext, type RuleOptions } from '../../../src/model/context.js';
import { event, item, minutes, win } from '../../helpers/event.js';

const D = '2014-11-19';

function at(itemId: string, roomId: string, start: string, duration: number, date = D): Assignment {
  const s = minutes(start);
  return { item: itemId, room: roomId, date, start: s, end: s + duration };
}

function check(ev: Event, schedule: Assignment[], options: RuleOptions = { gap: 10 }): readonly Violation[] {
  return checkSchedule(buildContext(ev, options), schedule);
}

const rules = (vs: readonly Violation[]) => vs.map((v) => v.rule);

function only(vs: readonly Violation[], rule: string): Violation {
  expect(rules(vs)).toEqual([rule]);
  return vs[0]!;
}

describe('placed-once', () => {
  const ev = event({ items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 60, ['b'])] });

  test('every item placed once passes', () => {
    expect(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c2', '09:00', 60)])).toEqual([]);
  });

  test('a missing item fails, naming it', () => {
    const v = only(check(ev, [at('w1', 'c1', '09:00', 60)]), 'placed-once');
    expect(v.items).toEqual(['w2']);
    expect(v.message).toBe('w2 "Title w2" is not placed');
  });

  test('an empty schedule misses every item, one violation each', () => {
    const vs = check(ev, []);
    expect(rules(vs)).toEqual(['placed-once', 'placed-once']);
    expect(vs.map((v) => v.items)).toEqual([['w1'], ['w2']]);
  });

  test('an item placed twice fails, naming both places and times', () => {
    const v = only(
      check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c2', '09:00', 60), at('w1', 'c2', '11:00', 60)]),
      'placed-once',
    );
    expect(v.items).toEqual(['w1']);
    expect(v.message).toBe('w1 "Title w1" is placed 2 times: c1 at 2014-11-19 09:00; c2 at 2014-11-19 11:00');
  });
});

describe('room-overlap', () => {
  const ev = event({ items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 60, ['b'])] });

  test('two items in one room at once fail, naming room, both items and the time', () => {
    const v = only(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '09:30', 60)]), 'room-overlap');
    expect(v.items).toEqual(['w1', 'w2']);
    expect(v.message).toBe(
      'room c1 (Room c1) holds w1 "Title w1" (09:00-10:00) and w2 "Title w2" (09:30-10:30) at once on 2014-11-19 09:30 ' +
        '(counting the 10-minute hallway gap after main-hall sessions and workshops)',
    );
  });

  test('the same times in two rooms pass', () => {
    expect(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c2', '09:30', 60)])).toEqual([]);
  });

  test('the same room and times on two dates pass', () => {
    const twoDays = event({
      items: ev.items,
      calendar: [win(D, '09:00', '13:00'), win('2014-11-20', '09:00', '13:00')],
    });
    expect(check(twoDays, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '09:00', 60, '2014-11-20')])).toEqual([]);
  });

  test('a hallway gap shorter than the rule fails; exactly the gap passes', () => {
    const v = only(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '10:05', 60)]), 'room-overlap');
    expect(v.message).toContain('w1 "Title w1" (09:00-10:00) and w2 "Title w2" (10:05-11:05) at once on 2014-11-19 10:05');
    expect(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '10:10', 60)])).toEqual([]);
  });

  test('the gap counts whichever item comes first in the list', () => {
    expect(rules(check(ev, [at('w2', 'c1', '10:05', 60), at('w1', 'c1', '09:00', 60)]))).toEqual(['room-overlap']);
  });

  test('with a gap of 0 workshops may run back to back, but still not overlap', () => {
    expect(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '10:00', 60)], { gap: 0 })).toEqual([]);
    expect(rules(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '10:00', 60)]))).toEqual(['room-overlap']);
    const v = only(check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '09:55', 60)], { gap: 0 }), 'room-overlap');
    expect(v.message).toBe('room c1 (Room c1) holds w1 "Title w1" (09:00-10:00) and w2 "Title w2" (09:55-10:55) at once on 2014-11-19 09:55');
  });

  test('plenaries keep the hallway gap too', () => {
    const ev2 = event({ items: [item('p1', 'plenary', 60, ['a']), item('p2', 'plenary', 60, ['b'])] });
    expect(rules(check(ev2, [at('p1', 'mh', '09:00', 60), at('p2', 'mh', '10:00', 60)]))).toEqual(['room-overlap']);
    expect(check(ev2, [at('p1', 'mh', '09:00', 60), at('p2', 'mh', '10:10', 60)])).toEqual([]);
  });

  describe('lightning talks', () => {
    const ev2 = event({ items: [item('l1', 'lightning', 10, ['a']), item('l2', 'lightning', 10, ['b'])] });

    test('run back to back in the lobby', () => {
      expect(check(ev2, [at('l1', 'lobby', '09:00', 10), at('l2', 'lobby', '09:10', 10)])).toEqual([]);
    });

    test('still may not overlap', () => {
      const v = only(check(ev2, [at('l1', 'lobby', '09:00', 10), at('l2', 'lobby', '09:05', 10)]), 'room-overlap');
      expect(v.message).toContain('room lobby (Room lobby) holds l1 "Title l1" (09:00-09:10) and l2 "Title l2" (09:05-09:15)');
      expect(v.message).toContain('2014-11-19 09:05');
    });
  });

  test('three items chained by overlaps are reported once, naming all three', () => {
    const ev3 = event({
      items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 60, ['b']), item('w3', 'workshop', 60, ['c'])],
    });
    const v = only(
      check(ev3, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '09:30', 60), at('w3', 'c1', '10:00', 60)]),
      'room-overlap',
    );
    expect(v.items).toEqual(['w1', 'w2', 'w3']);
    expect(v.message).toContain('at once on 2014-11-19 10:00');
  });
});

describe('speaker-overlap', () => {
  const ev = event({ items: [item('p1', 'plenary', 60, ['a', 'b']), item('w1', 'workshop', 60, ['a'])] });

  test('a speaker in two rooms at once fails, naming the speaker, both items, rooms and time', () => {
    const v = only(check(ev, [at('p1', 'mh', '09:00', 60), at('w1', 'c1', '09:30', 60)]), 'speaker-overlap');
    expect(v.items).toEqual(['p1', 'w1']);
    expect(v.message).toBe(
      'speaker a (Speaker a) is in p1 "Title p1" (mh, 09:00-10:00) and w1 "Title w1" (c1, 09:30-10:30) at once on 2014-11-19 09:30',
    );
  });

  test('a speaker needs no hallway gap between rooms', () => {
    expect(check(ev, [at('p1', 'mh', '09:00', 60), at('w1', 'c1', '10:00', 60)])).toEqual([]);
  });

  test('items without a shared speaker may overlap', () => {
    const ev2 = event({ items: [item('p1', 'plenary', 60, ['b']), item('w1', 'workshop', 60, ['a'])] });
    expect(check(ev2, [at('p1', 'mh', '09:00', 60), at('w1', 'c1', '09:30', 60)])).toEqual([]);
  });

  test('a lightning talk during the speaker’s own workshop fails; right after it passes', () => {
    const ev2 = event({ items: [item('w1', 'workshop', 120, ['a']), item('l1', 'lightning', 10, ['c', 'a'])] });
    const v = only(check(ev2, [at('w1', 'c1', '09:00', 120), at('l1', 'lobby', '10:00', 10)]), 'speaker-overlap');
    expect(v.items).toEqual(['l1', 'w1']);
    expect(v.message).toBe(
      'speaker a (Speaker a) is in w1 "Title w1" (c1, 09:00-11:00) and l1 "Title l1" (lobby, 10:00-10:10) at once on 2014-11-19 10:00',
    );
    expect(check(ev2, [at('w1', 'c1', '09:00', 120), at('l1', 'lobby', '11:00', 10)])).toEqual([]);
  });

  test('two shared speakers give one violation each', () => {
    const ev2 = event({ items: [item('p1', 'plenary', 60, ['a', 'b']), item('w1', 'workshop', 60, ['b', 'a'])] });
    const vs = check(ev2, [at('p1', 'mh', '09:00', 60), at('w1', 'c1', '09:30', 60)]);
    expect(rules(vs)).toEqual(['speaker-overlap', 'speaker-overlap']);
    expect(vs.map((v) => v.message.slice(0, 'speaker a'.length))).toEqual(['speaker a', 'speaker b']);
  });
});

test('room and speaker clashes of one pair are both reported, after placement rules', () => {
  const ev = event({ items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 60, ['a'], { audience: 500 })] });
  const vs = check(ev, [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '09:30', 60)]);
  expect(rules(vs)).toEqual(['capacity', 'room-overlap', 'speaker-overlap']);
});
