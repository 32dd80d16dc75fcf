/**
 * Lightning talks are packed in lobby blocks: their starts step by the
 * common divisor of the lightning durations from each window's start, not
 * by the grid; a talk with nowhere to go that way falls back to the grid,
 * and a previous schedule's place is always offered.
 */
import { describe, expect, test } from 'vitest';
import { candidatePlacements, lightningStep } from '../../src/model/candidates.js';
import { buildContext } from '../../src/model/context.js';
import { coarsestGrid } from '../../src/model/grid.js';
import { avail, event, item, room, win } from '../helpers/event.js';

const D = '2014-11-19';

// A plenary of 45 minutes makes the grid 5 minutes; every lightning talk lasts 10.
const ev = event({
  calendar: [win(D, '09:00', '10:00')],
  rooms: [room('lobby', 'lobby'), room('mh', 'main_hall')],
  items: [item('p1', 'plenary', 45, ['a']), item('l1', 'lightning', 10, ['b']), item('l2', 'lightning', 10, ['c'])],
  availability: [avail('c', D, '09:05', '09:15', 'available')],
});
const ctx = buildContext(ev, { gap: 10 });
const grid = coarsestGrid(ctx);
const startsOf = (id: string, keep?: Parameters<typeof candidatePlacements>[2]) =>
  candidatePlacements(ctx, grid, keep).placements.filter((p) => p.item === id).map((p) => p.start - 9 * 60);

describe('lightning packing', () => {
  test('steps by the lightning durations, coarser than the grid', () => {
    expect(grid).toBe(5);
    expect(lightningStep(ctx, grid)).toBe(10);
    expect(startsOf('l1')).toEqual([0, 10, 20, 30, 40, 50]);
    // Other formats keep the grid.
    expect(startsOf('p1')).toEqual([0, 5, 10, 15]);
  });

  test('a talk free only off the step falls back to the grid', () => {
    expect(startsOf('l2')).toEqual([5]);
  });

  test('a previous schedule’s place is offered even off the step', () => {
    const keep = new Map([['l1', { item: 'l1', room: 'lobby', date: D, start: 9 * 60 + 25, end: 9 * 60 + 35 }]]);
    expect(startsOf('l1', keep)).toEqual([0, 10, 20, 25, 30, 40, 50]);
  });
});
