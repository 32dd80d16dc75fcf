import type { Assignment, Item } from '../domain/types.js';
import type { Context } from './context.js';
import { ceilToGrid } from './grid.js';
import { PLACEMENT_RULES } from './rules/placement.js';

/** Why the candidates of one item were turned down, counted per rule, with one example message each. */
export type Rejections = ReadonlyMap<string, { readonly count: number; readonly example: string }>;

export type Candidates = {
  /** Every placement all placement rules admit, by item id, then room id, then time. */
  readonly placements: readonly Assignment[];
  /** For items with no candidate at all: why. */
  readonly rejected: ReadonlyMap<string, Rejections>;
};

/**
 * Every (item, room, start on the grid) that the placement rules admit. This
 * is where the model stays small: a start that breaks a window, an
 * availability, a pin, a room kind or a capacity never becomes a variable.
 */
export function candidatePlacements(ctx: Context, grid: number): Candidates {
  const rooms = [...ctx.rooms.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const items = [...ctx.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const placements: Assignment[] = [];
  const rejected = new Map<string, Rejections>();
  for (const item of items) {
    const tally = new Map<string, { count: number; example: string }>();
    const before = placements.length;
    for (const room of rooms) {
      for (const a of startsFor(ctx, item, room.id, grid)) {
        const broken = PLACEMENT_RULES.find((rule) => rule.check(ctx, item, room, a) !== null);
        if (!broken) {
          placements.push(a);
          continue;
        }
        const seen = tally.get(broken.name);
        if (seen) seen.count += 1;
        else tally.set(broken.name, { count: 1, example: broken.check(ctx, item, room, a) ?? '' });
        // An untimed rule rejects the room at every time: no need to try them all.
        if (!broken.timed) break;
      }
    }
    if (placements.length === before) rejected.set(item.id, tally);
  }
  return { placements, rejected };
}

function* startsFor(ctx: Context, item: Item, room: string, grid: number): Generator<Assignment> {
  for (const w of ctx.programWindows) {
    for (let start = ceilToGrid(w.start, grid); start + item.duration <= w.end; start += grid) {
      yield { item: item.id, room, date: w.date, start, end: start + item.duration };
    }
  }
}
