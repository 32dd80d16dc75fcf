/**
 * Lower bounds on each goal, from what the items' candidate places force:
 * numbers that hold for every complete schedule, however it is found, so a
 * gap measured against their sum is a real one. They are cheap and often
 * loose; the solver's own bound, when better, is used instead (the report
 * gives both).
 */
import type { Item } from '../../domain/types.js';
import type { Candidates } from '../candidates.js';
import type { Context } from '../context.js';
import type { Goal, WeightedGoal } from './goal.js';

/** A goal's bound in units: its own, or for goals linear in the placements, each item at its cheapest candidate. */
export function goalLowerUnits(ctx: Context, goal: Goal, candidates: Candidates): number {
  let units = goal.minUnits ? goal.minUnits(ctx, candidates) : 0;
  if (goal.placementUnits) {
    const least = new Map<string, number>();
    for (const p of candidates.placements) {
      const u = goal.placementUnits(ctx, p);
      const known = least.get(p.item);
      if (known === undefined || u < known) least.set(p.item, u);
    }
    for (const u of least.values()) units += u;
  }
  return units;
}

/** Each goal's bound, weighted, by name; and their sum, which every complete schedule costs at least. */
export function objectiveLowerBound(ctx: Context, goals: readonly WeightedGoal[], candidates: Candidates): { readonly total: number; readonly byGoal: ReadonlyMap<string, number> } {
  const byGoal = new Map<string, number>();
  let total = 0;
  for (const { goal, weight } of goals) {
    const b = weight === 0 ? 0 : weight * goalLowerUnits(ctx, goal, candidates);
    byGoal.set(goal.name, b);
    total += b;
  }
  return { total, byGoal };
}

/**
 * Pigeonhole: of items that should not overlap (a theme's, a language's),
 * how many must, when their minutes exceed the program time they can use.
 * The most items fitting one after another is at most the most whose
 * durations fit the total minutes of the windows they may use (shortest
 * first); every item beyond must overlap another of them, and one
 * overlapping pair involves two items at most.
 */
export function forcedOverlaps(ctx: Context, items: readonly Item[], candidates: Candidates): number {
  if (items.length < 2) return 0;
  const ids = new Set(items.map((i) => i.id));
  const windows = new Set<string>();
  for (const p of candidates.placements) {
    if (!ids.has(p.item)) continue;
    const w = ctx.programWindows.find((x) => x.date === p.date && x.start <= p.start && p.end <= x.end);
    if (w) windows.add(`${w.date}\u0000${w.start}\u0000${w.end}`);
  }
  const time = [...windows].reduce((n, key) => {
    const [, start, end] = key.split('\u0000');
    return n + Number(end) - Number(start);
  }, 0);
  let used = 0;
  let fit = 0;
  for (const d of items.map((i) => i.duration).sort((a, b) => a - b)) {
    if (used + d > time) break;
    used += d;
    fit += 1;
  }
  return Math.ceil((items.length - fit) / 2);
}
