/**
 * The checker itself: what it does beyond running the rules (the rules have
 * their own tests under tests/model/rules).
 */
import { expect, test } from 'vitest';
import type { Assignment } from '../../src/domain/types.js';
import { checkSchedule } from '../../src/check/check.js';
import { buildContext } from '../../src/model/context.js';
import { event, item, minutes } from '../helpers/event.js';

const D = '2014-11-19';

function at(itemId: string, roomId: string, start: string, duration: number): Assignment {
  const s = minutes(start);
  return { item: itemId, room: roomId, date: D, start: s, end: s + duration };
}

const ev = event({ items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 60, ['a'])] });
const ctx = buildContext(ev);

test('an unknown item or room is reported by id, and not run through the placement rules', () => {
  const vs = checkSchedule(ctx, [at('w1', 'c1', '09:00', 60), at('w2', 'nowhere', '11:00', 60), at('zz', 'c2', '09:00', 60)]);
  expect(vs.filter((v) => v.rule === 'unknown-id')).toEqual([
    { rule: 'unknown-id', items: ['w2'], finding: { rule: 'unknown-id', item: 'w2', room: 'nowhere' }, message: 'w2 is in unknown room nowhere' },
    { rule: 'unknown-id', items: ['zz'], finding: { rule: 'unknown-id', item: 'zz' }, message: 'unknown item zz' },
  ]);
  expect(vs.map((v) => v.rule).filter((r) => r !== 'unknown-id')).toEqual([]);
});

test('violations come in rule order: placement rules, then placed-once, room-overlap, speaker-overlap', () => {
  const vs = checkSchedule(ctx, [at('w2', 'c1', '09:30', 60), at('w1', 'c1', '09:00', 60), at('w1', 'lobby', '12:00', 60)]);
  expect(vs.map((v) => v.rule)).toEqual(['room-kind', 'placed-once', 'room-overlap', 'speaker-overlap']);
});

test('the items of a violation are sorted ids, each once', () => {
  const vs = checkSchedule(ctx, [at('w2', 'c1', '09:30', 60), at('w1', 'c1', '09:00', 60)]);
  expect(vs.map((v) => v.items)).toEqual([
    ['w1', 'w2'],
    ['w1', 'w2'],
  ]);
});

test('a valid schedule has no violations, and the schedule is not changed', () => {
  const schedule = Object.freeze([at('w2', 'c1', '10:00', 60), at('w1', 'c2', '09:00', 60)].map((a) => Object.freeze(a)));
  const copy = structuredClone(schedule);
  expect(checkSchedule(ctx, schedule)).toEqual([]);
  expect(schedule).toEqual(copy);
});
