import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/domain/types.js';
import { buildContext } from '../../src/model/context.js';
import { ceilToGrid, coarsestGrid } from '../../src/model/grid.js';
import { avail, event, item, minutes, win } from '../helpers/event.js';

const D = '2014-11-19';
const grid = (ev: Event, gap = 10) => coarsestGrid(buildContext(ev, { gap }));

describe('coarsestGrid', () => {
  test('5 when a duration is a multiple of 5 only', () => {
    expect(grid(event({ items: [item('w1', 'workshop', 45, ['a']), item('w2', 'workshop', 60, ['b'])] }))).toBe(5);
  });

  test('10 when durations, windows and the gap share 10', () => {
    expect(grid(event({ items: [item('w1', 'workshop', 90, ['a']), item('l1', 'lightning', 10, ['b'])] }))).toBe(10);
  });

  test('15 with quarter-hour durations, windows and gap', () => {
    const ev = event({
      calendar: [win(D, '09:00', '12:00'), win(D, '13:15', '17:00')],
      items: [item('w1', 'workshop', 45, ['a']), item('p1', 'plenary', 90, ['b'])],
    });
    expect(grid(ev, 15)).toBe(15);
  });

  test('30 with half-hour durations, windows and gap', () => {
    const ev = event({
      calendar: [win(D, '09:00', '12:30'), win(D, '12:30', '13:30', 'break', 'lunch'), win(D, '13:30', '17:00')],
      items: [item('w1', 'workshop', 90, ['a']), item('p1', 'plenary', 60, ['b'])],
    });
    expect(grid(ev, 30)).toBe(30);
  });

  test('the gap alone can make the grid finer', () => {
    const ev = event({
      calendar: [win(D, '09:00', '12:30')],
      items: [item('w1', 'workshop', 90, ['a']), item('p1', 'plenary', 60, ['b'])],
    });
    expect(grid(ev, 30)).toBe(30);
    expect(grid(ev, 10)).toBe(10);
    // A gap of 0 says nothing about the grid.
    expect(grid(ev, 0)).toBe(30);
  });

  test('falls back to 5 when the data share no multiple of 5 (a 7-minute item)', () => {
    expect(grid(event({ items: [item('l1', 'lightning', 7, ['a'])] }))).toBe(5);
  });

  test('falls back to 5 for a window edge off the 5-minute grid', () => {
    const ev = event({ calendar: [win(D, '09:02', '12:00')], items: [item('w1', 'workshop', 60, ['a'])] });
    expect(grid(ev, 30)).toBe(5);
  });

  test('a pinned start makes the grid finer', () => {
    const ev = event({
      calendar: [win(D, '09:00', '12:00')],
      items: [item('w1', 'workshop', 60, ['a'], { pin: { start: minutes('09:05') } })],
    });
    expect(grid(ev, 30)).toBe(5);
  });

  test('an availability edge makes the grid finer', () => {
    const base = { calendar: [win(D, '09:00', '12:00')], items: [item('w1', 'workshop', 60, ['a'])] };
    expect(grid(event(base), 30)).toBe(30);
    expect(grid(event({ ...base, availability: [avail('a', D, '10:15', '11:00')] }), 30)).toBe(15);
  });

  test('break edges do not matter: no placement is tested against them', () => {
    const ev = event({
      calendar: [win(D, '09:00', '12:00'), win(D, '10:10', '10:25', 'break', 'coffee')],
      items: [item('w1', 'workshop', 60, ['a'])],
    });
    expect(grid(ev, 30)).toBe(30);
  });
});

describe('ceilToGrid', () => {
  test('rounds up to the next multiple, keeping multiples', () => {
    expect(ceilToGrid(540, 30)).toBe(540);
    expect(ceilToGrid(541, 30)).toBe(570);
    expect(ceilToGrid(543, 5)).toBe(545);
  });
});
