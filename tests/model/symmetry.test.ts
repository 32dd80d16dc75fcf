/**
 * Identical rooms: which rooms count as interchangeable, and that keeping
 * one labelling of them loses no schedule (any schedule, relabelled, is in
 * the model at the same cost and still valid).
 */
import { describe, expect, test } from 'vitest';
import { checkSchedule } from '../../src/check/check.js';
import type { Event, Schedule } from '../../src/domain/types.js';
import { buildModel } from '../../src/model/build.js';
import { initialValues, scheduleOf } from '../../src/model/solution.js';
import { buildContext } from '../../src/model/context.js';
import { baselineOf } from '../../src/model/goals/moves.js';
import { objectiveOf, totalCost } from '../../src/model/goals/objective.js';
import { DEFAULT_WEIGHTS } from '../../src/model/goals/registry.js';
import { canonicalRooms, identicalRoomClasses } from '../../src/model/symmetry.js';
import { solve } from '../../src/solve/index.js';
import { avail, event, item, room, win } from '../helpers/event.js';

const D = '2014-11-19';

/** c1..c3 alike; c4 smaller; c5 like c1 but closed one hour. */
function classrooms(extra: Partial<Event> = {}, items = workshops(5)): Event {
  return event({
    calendar: [win(D, '09:00', '13:00')],
    rooms: [room('c1', 'classroom', 40), room('c2', 'classroom', 40), room('c3', 'classroom', 40), room('c4', 'classroom', 20), room('c5', 'classroom', 40)],
    availability: [avail('c5', D, '09:00', '10:00')],
    items,
    ...extra,
  });
}

function workshops(n: number): ReturnType<typeof item>[] {
  return Array.from({ length: n }, (_, k) =>
    item(`w${k + 1}`, 'workshop', 120, [`sp-${k % 3}`], { themes: [k % 2 === 0 ? 'datos' : 'presupuestos'], audience: 15 + k }),
  );
}

describe('identicalRoomClasses', () => {
  test('rooms of one kind, size, interpretation and opening hours form a class', () => {
    expect(identicalRoomClasses(buildContext(classrooms()))).toEqual([['c1', 'c2', 'c3']]);
  });

  test('a room an item pins, or a baseline uses, is told apart', () => {
    const pinned = classrooms({}, [...workshops(2), item('w9', 'workshop', 120, ['sp-9'], { pin: { room: 'c3' } })]);
    expect(identicalRoomClasses(buildContext(pinned))).toEqual([['c1', 'c2']]);
    const baseline = baselineOf([{ item: 'w1', room: 'c2', date: D, start: 540, end: 660 }]);
    expect(identicalRoomClasses(buildContext(classrooms()), baseline)).toEqual([['c1', 'c3']]);
  });

  test('an allowed-rooms list takes a whole class or tells the rooms it names apart', () => {
    const whole = classrooms({}, [...workshops(2), item('w9', 'workshop', 120, ['sp-9'], { rooms: ['c1', 'c2', 'c3'] })]);
    expect(identicalRoomClasses(buildContext(whole))).toEqual([['c1', 'c2', 'c3']]);
    const part = classrooms({}, [...workshops(2), item('w9', 'workshop', 120, ['sp-9'], { rooms: ['c1', 'c2'] })]);
    expect(identicalRoomClasses(buildContext(part))).toEqual([]);
  });
});

describe('one labelling of identical rooms', () => {
  test('the k-th item that can use a class only gets its first k rooms', () => {
    const built = buildModel(buildContext(classrooms()));
    if (!built.ok) throw new Error('no model');
    const roomsOf = (id: string) => [...new Set(built.model.placements.filter((p) => p.item === id).map((p) => p.room))].sort();
    expect(roomsOf('w1')).toEqual(['c1', 'c4', 'c5']);
    expect(roomsOf('w2')).toEqual(['c1', 'c2', 'c4', 'c5']);
    expect(roomsOf('w3')).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  test('any schedule, relabelled, is in the model: valid, at the same cost', { timeout: 60_000 }, async () => {
    const ev = classrooms();
    const ctx = buildContext(ev);
    const built = buildModel(ctx);
    if (!built.ok) throw new Error('no model');
    const r = await solve(built.model.mip, { backend: 'highs', timeLimitSeconds: 30 });
    if (r.status !== 'optimal') throw new Error(r.status);
    const found = scheduleOf(built.model, r.values);
    // Swap the identical rooms around: the same schedule to every rule and goal, in another labelling.
    const swap: Record<string, string> = { c1: 'c3', c2: 'c1', c3: 'c2' };
    const swapped: Schedule = found.map((a) => ({ ...a, room: swap[a.room] ?? a.room }));
    const cost = (s: Schedule) => totalCost(ctx, objectiveOf(ctx, DEFAULT_WEIGHTS), s);
    expect(checkSchedule(ctx, swapped)).toEqual([]);
    expect(swapped.map((a) => a.room)).not.toEqual(found.map((a) => a.room));

    const canonical = canonicalRooms(swapped, built.model.roomClasses);
    expect(checkSchedule(ctx, canonical)).toEqual([]);
    expect(cost(canonical)).toBe(cost(swapped));
    expect(cost(canonical)).toBeCloseTo(r.objective, 6);
    // Every placement of it is a column: a warm start from the swapped schedule works.
    const start = initialValues(built.model, swapped);
    expect(start).not.toBeNull();
    expect(scheduleOf(built.model, start!)).toEqual(canonical.slice().sort((a, b) => (a.item < b.item ? -1 : 1)));
  });
});
