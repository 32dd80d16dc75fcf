import type { Assignment, Item } from '../domain/types.js';
import type { PlacementFinding } from '../domain/findings.js';
import type { Context } from './context.js';
import { ceilToGrid } from './grid.js';
import { PLACEMENT_RULES } from './rules/placement.js';
import { byId } from '../domain/compare.js';

/** Why the candidates of one item were turned down, counted per rule, with one example each. */
export type Rejections = ReadonlyMap<string, { readonly count: number; readonly example: PlacementFinding }>;

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
export function candidatePlacements(ctx: Context, grid: number, keep?: ReadonlyMap<string, Assignment>): Candidates {
  // Every model of a run (each lazy round of the times stage, each day of the rooms stage) starts
  // from the same candidates: computed once per context, grid and baseline (0.7 s on the global instance).
  let byGrid = memo.get(ctx);
  if (!byGrid) memo.set(ctx, (byGrid = new Map()));
  let byKeep = byGrid.get(grid);
  if (!byKeep) byGrid.set(grid, (byKeep = new Map()));
  const known = byKeep.get(keep ?? NO_BASELINE);
  if (known) return known;
  const found = computeCandidates(ctx, grid, keep);
  byKeep.set(keep ?? NO_BASELINE, found);
  return found;
}

const memo = new WeakMap<Context, Map<number, Map<ReadonlyMap<string, Assignment>, Candidates>>>();
const NO_BASELINE: ReadonlyMap<string, Assignment> = new Map();

function computeCandidates(ctx: Context, grid: number, keep?: ReadonlyMap<string, Assignment>): Candidates {
  const packed = lightningStep(ctx, grid);
  const rooms = [...ctx.rooms.values()].sort(byId);
  const items = [...ctx.items.values()].sort(byId);
  const placements: Assignment[] = [];
  const rejected = new Map<string, Rejections>();
  for (const item of items) {
    const tally = new Map<string, { count: number; example: PlacementFinding }>();
    const before = placements.length;
    // Lightning talks are packed in their block first; on the plain grid only when that leaves them nowhere.
    const steps = item.format === 'lightning' && packed !== grid ? [packed, grid] : [grid];
    for (const step of steps) {
      if (placements.length > before) break;
      tally.clear();
      for (const room of rooms) {
        for (const a of startsFor(ctx, item, room.id, grid, step, keep?.get(item.id))) {
          let finding: PlacementFinding | null = null;
          const broken = PLACEMENT_RULES.find((rule) => (finding = rule.check(ctx, item, room, a)) !== null);
          if (!broken || !finding) {
            placements.push(a);
            continue;
          }
          const seen = tally.get(broken.name);
          if (seen) seen.count += 1;
          else tally.set(broken.name, { count: 1, example: finding });
          // An untimed rule rejects the room at every time: no need to try them all.
          if (!broken.timed) break;
        }
      }
    }
    if (placements.length === before) rejected.set(item.id, tally);
  }
  return { placements, rejected };
}

/**
 * Starts on the grid from each window's start, every `step` minutes; plus
 * the item's place in a previous schedule when it is between them (so that a
 * re-run can leave it where it was), in time order.
 */
function* startsFor(ctx: Context, item: Item, room: string, grid: number, step: number, kept?: Assignment): Generator<Assignment> {
  for (const w of ctx.programWindows) {
    const starts: number[] = [];
    for (let start = ceilToGrid(w.start, grid); start + item.duration <= w.end; start += step) starts.push(start);
    if (kept && kept.room === room && kept.date === w.date && kept.start % grid === 0 && w.start <= kept.start && kept.start + item.duration <= w.end) {
      if (!starts.includes(kept.start)) starts.push(kept.start);
    }
    for (const start of starts.sort((a, b) => a - b)) yield { item: item.id, room, date: w.date, start, end: start + item.duration };
  }
}

/**
 * Lightning talks are packed in lobby blocks rather than placed minute by
 * minute: each starts at its window's start plus a multiple of the common
 * divisor of the lightning durations (10 minutes when all last 10), when that
 * is coarser than the grid. Back-to-back runs of talks lose nothing by it;
 * a talk with nowhere to go on this step falls back to the grid.
 */
export function lightningStep(ctx: Context, grid: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const step = [...ctx.items.values()].filter((i) => i.format === 'lightning').reduce((g, i) => gcd(g, i.duration), 0);
  return step > grid && step % grid === 0 ? step : grid;
}
