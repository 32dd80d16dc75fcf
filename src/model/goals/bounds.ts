/**
 * Lower bounds on each goal, from what the items' candidate places force:
 * numbers that hold for every complete schedule, however it is found, so a
 * gap measured against their sum is a real one. Most are counted directly
 * (minUnits, each item's cheapest place); goals whose cost comes from items
 * competing for something also give a linear relaxation, solved once per
 * run (relaxedBounds). The solver's own bound, when better, is used instead
 * (the report gives both).
 */
import type { Item, Window } from '../../domain/types.js';
import { wholeBound } from '../../domain/report.js';
import type { Solver } from '../../solve/types.js';
import type { Candidates } from '../candidates.js';
import { programWindowOf, type Context } from '../context.js';
import type { Goal, WeightedGoal } from './goal.js';

/**
 * A goal's bound in units: its own, or for goals linear in the placements,
 * each item at its cheapest candidate; rounded up, as units are whole (a
 * pair's weight shared among its themes leaves fractions).
 */
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
  return Math.max(0, wholeBound(units));
}

/**
 * Each goal's bound, weighted, by name; and their sum, which every complete
 * schedule costs at least. `relaxed` adds the relaxations' bounds (weighted,
 * from relaxedBounds): each goal keeps the larger of its two.
 */
export function objectiveLowerBound(
  ctx: Context,
  goals: readonly WeightedGoal[],
  candidates: Candidates,
  relaxed: ReadonlyMap<string, number> = new Map(),
): { readonly total: number; readonly byGoal: ReadonlyMap<string, number> } {
  const byGoal = new Map<string, number>();
  let total = 0;
  for (const { goal, weight } of goals) {
    const b = weight === 0 ? 0 : Math.max(weight * goalLowerUnits(ctx, goal, candidates), relaxed.get(goal.name) ?? 0);
    byGoal.set(goal.name, b);
    total += b;
  }
  return { total, byGoal };
}

/**
 * The goals' relaxations (Goal.relaxation) solved, each bound weighted, by
 * goal name. Linear programs, solved by HiGHS whatever backend the run
 * uses (javascript-lp-solver's dense tableau is slow on them), within the
 * time given; one not solved to optimality gives nothing. Its optimum is
 * rounded up to whole units (wholeBound).
 */
export async function relaxedBounds(
  ctx: Context,
  goals: readonly WeightedGoal[],
  candidates: Candidates,
  solver: Solver,
  options: { readonly timeLimitSeconds: number; readonly signal?: AbortSignal },
): Promise<ReadonlyMap<string, number>> {
  const out = new Map<string, number>();
  for (const { goal, weight } of goals) {
    if (weight === 0 || !goal.relaxation) continue;
    const lp = goal.relaxation(ctx, candidates);
    if (!lp) continue;
    const r = await solver(lp, { backend: 'highs', timeLimitSeconds: options.timeLimitSeconds, ...(options.signal ? { signal: options.signal } : {}) });
    if (r.status !== 'optimal') continue;
    // Units are whole: the optimum, less its float noise, rounded up.
    out.set(goal.name, weight * Math.max(0, wholeBound(r.objective)));
  }
  return out;
}

/** A pair of items that should not overlap, and what it costs when they do. */
export type CostedPair = { readonly a: Item; readonly b: Item; readonly cost: number };

/**
 * What the overlapping pairs among `items` (items that should not overlap:
 * a theme's, a language's) cost at least, when their minutes exceed the
 * program time they can use; `pairs` is every pair among them, costed. Two
 * arguments, the larger holds:
 *
 * - Count (pigeonhole, then Turán). Items that pairwise do not overlap run
 *   one after another, so at most `fit` of them do: the most whose
 *   durations fit the total minutes T of the windows they may use (shortest
 *   first). A graph on n items with no more than `fit` pairwise apart has at
 *   least the edges of `fit` cliques as equal as can be (Turán's theorem, on
 *   the complement): 50 items of which 47 fit make 3 pairs, 200 of which 50
 *   fit make 300. Any that many pairs cost at least the cheapest that many.
 * - Minutes. The items' M minutes in T minutes of program: at each moment n
 *   of them run, making n(n-1)/2 overlapping pairs, and the sum of that over
 *   the program is least when n is as even as can be. A pair overlaps at
 *   most its shorter item's minutes, so the pairs must cover those
 *   pair-minutes: at least what the cheapest cover (per minute, shares of
 *   pairs allowed) costs.
 */
export function forcedPairCost(ctx: Context, items: readonly Item[], candidates: Candidates, pairs: readonly CostedPair[]): number {
  if (items.length < 2 || pairs.length === 0) return 0;
  const time = programTime(ctx, items, candidates);
  let used = 0;
  let fit = 0;
  for (const d of items.map((i) => i.duration).sort((a, b) => a - b)) {
    if (used + d > time) break;
    used += d;
    fit += 1;
  }
  const byCount = smallestSum(
    pairs.map((p) => p.cost),
    evenPairs(items.length, Math.max(1, fit)),
  );
  let minutes = evenPairs(
    items.reduce((n, i) => n + i.duration, 0),
    time,
  );
  let byMinutes = 0;
  const perMinute = pairs.map((p) => ({ cost: p.cost, span: Math.min(p.a.duration, p.b.duration) })).sort((x, y) => x.cost / x.span - y.cost / y.span);
  for (const { cost, span } of perMinute) {
    if (minutes <= 0) break;
    const share = Math.min(1, minutes / span);
    byMinutes += share * cost;
    minutes -= share * span;
  }
  return Math.max(byCount, byMinutes);
}

/** The total minutes of the program windows in which any of the items has a candidate place. */
function programTime(ctx: Context, items: readonly Item[], candidates: Candidates): number {
  const of = windowsOf(ctx, candidates);
  const windows = new Set<Window>();
  for (const i of items) for (const w of of.get(i.id) ?? []) windows.add(w);
  return [...windows].reduce((n, w) => n + w.end - w.start, 0);
}

// Every theme and language asks: worked out once per set of candidates (about a second on the global instance when it was per group).
const windowCache = new WeakMap<Candidates, ReadonlyMap<string, ReadonlySet<Window>>>();

/** The program windows each item has a candidate place in. */
function windowsOf(ctx: Context, candidates: Candidates): ReadonlyMap<string, ReadonlySet<Window>> {
  const cached = windowCache.get(candidates);
  if (cached) return cached;
  const out = new Map<string, Set<Window>>();
  for (const p of candidates.placements) {
    const w = programWindowOf(ctx, p);
    if (!w) continue;
    const set = out.get(p.item);
    if (set) set.add(w);
    else out.set(p.item, new Set([w]));
  }
  windowCache.set(candidates, out);
  return out;
}

/**
 * The fewest pairs `n` things make when split into `groups` groups, each
 * pair within a group: groups as equal as can be. Both counting arguments
 * of forcedPairCost are this. Turán: n items of which at most `groups` are
 * pairwise apart (groups of items that overlap one another). Minutes: n
 * item-minutes in `groups` minutes of program (the items running at each
 * minute, every two of them a pair-minute).
 */
export function evenPairs(n: number, groups: number): number {
  if (groups <= 0 || n <= groups) return 0;
  const size = Math.floor(n / groups);
  const larger = n % groups;
  return larger * pairsOf(size + 1) + (groups - larger) * pairsOf(size);
}

const pairsOf = (k: number) => (k * (k - 1)) / 2;

/** The sum of the `count` smallest values: what any `count` of them weigh at least. */
export function smallestSum(values: readonly number[], count: number): number {
  return [...values]
    .sort((a, b) => a - b)
    .slice(0, count)
    .reduce((n, v) => n + v, 0);
}
