import type { Minutes } from '../domain/types.js';
import { BASE_GRID, type Context } from './context.js';

/**
 * The coarsest grid that loses no schedule: the greatest common divisor of
 * every duration, window edge, availability edge, pinned start and the gap.
 * When all those are multiples of g, any valid schedule on the 5-minute grid
 * can be shifted to one on the g grid with no new overlap (the constraints
 * between starts are differences with constants that are multiples of g), so
 * nothing is lost by offering only multiples of g. When the data share no
 * multiple of 5, the rule's own 5-minute grid is used.
 */
export function coarsestGrid(ctx: Context): Minutes {
  const values: number[] = [ctx.options.gap];
  for (const item of ctx.event.items) {
    values.push(item.duration);
    if (item.pin.start !== undefined) values.push(item.pin.start);
  }
  for (const w of ctx.programWindows) values.push(w.start, w.end);
  for (const a of ctx.event.availability) values.push(a.start, a.end);
  let g = 0;
  for (const v of values) g = gcd(g, v);
  return g > 0 && g % BASE_GRID === 0 ? g : BASE_GRID;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}

/** First multiple of `grid` at or after `t`. */
export function ceilToGrid(t: Minutes, grid: Minutes): Minutes {
  return Math.ceil(t / grid) * grid;
}
