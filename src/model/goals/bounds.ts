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
import { byKey } from '../../domain/compare.js';
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
 * arguments, over the whole program and span by span (forcedLocally); the
 * largest holds:
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
  return Math.max(forcedWithin(items, programTime(ctx, items, candidates), pairs), forcedLocally(items, candidates, pairs));
}

/** forcedPairCost's two arguments for `items`, all of which run within `time` minutes of program; `pairs` among them. */
function forcedWithin(items: readonly Item[], time: number, pairs: readonly CostedPair[]): number {
  if (items.length < 2 || pairs.length === 0) return 0;
  const sorted = items.map((i) => i.duration).sort((a, b) => a - b);
  let used = 0;
  let fit = 0;
  for (const d of sorted) {
    if (used + d > time) break;
    used += d;
    fit += 1;
  }
  // Pairs of the items that are not listed cost nothing here (charged to another theme): they are the cheapest.
  const unlisted = pairsOf(items.length) - pairs.length;
  const byCount = smallestSum(
    pairs.map((p) => p.cost),
    Math.max(0, evenPairs(items.length, Math.max(1, fit)) - unlisted),
  );
  // Each item is the shorter of its pairs with the items after it.
  const allSpans = sorted.reduce((n, d, k) => n + d * (sorted.length - 1 - k), 0);
  const perMinute = pairs.map((p) => ({ cost: p.cost, span: Math.min(p.a.duration, p.b.duration) })).sort((x, y) => x.cost / x.span - y.cost / y.span);
  const listedSpans = perMinute.reduce((n, p) => n + p.span, 0);
  let minutes =
    evenPairs(
      sorted.reduce((n, d) => n + d, 0),
      time,
    ) -
    (allSpans - listedSpans);
  let byMinutes = 0;
  for (const { cost, span } of perMinute) {
    if (minutes <= 0) break;
    const share = Math.min(1, minutes / span);
    byMinutes += share * cost;
    minutes -= share * span;
  }
  return Math.max(byCount, byMinutes);
}

/**
 * The same arguments, span by span: items whose candidate places all lie
 * within a span of one day (an availability window, a pinned date) run
 * there, in the minutes of that span that any of them can use. Spans that
 * do not overlap hold different items, so what each forces adds up; the
 * best set of spans that do not overlap is found day by day (weighted
 * interval scheduling). Items that could run on several days take no part.
 */
function forcedLocally(items: readonly Item[], candidates: Candidates, pairs: readonly CostedPair[]): number {
  const spans = spansOf(candidates);
  const byDate = new Map<string, { item: Item; from: number; to: number }[]>();
  for (const item of items) {
    const span = spans.get(item.id);
    if (!span) continue;
    const list = byDate.get(span.date);
    if (list) list.push({ item, ...span });
    else byDate.set(span.date, [{ item, ...span }]);
  }
  const pairsOf = new Map<string, CostedPair[]>();
  for (const p of pairs) {
    const list = pairsOf.get(p.a.id);
    if (list) list.push(p);
    else pairsOf.set(p.a.id, [p]);
  }
  let total = 0;
  for (const [date, list] of [...byDate].sort(byKey)) {
    if (list.length < 2) continue;
    const usable = usableTime(candidates, date, new Set(list.map((x) => x.item.id)));
    const ends = [...new Set(list.map((x) => x.to))].sort((a, b) => a - b);
    const found: { from: number; to: number; cost: number }[] = [];
    for (const from of [...new Set(list.map((x) => x.from))].sort((a, b) => a - b)) {
      const after = list.filter((x) => x.from >= from).sort((x, y) => x.to - y.to);
      const inside: Item[] = [];
      let minutes = 0;
      let k = 0;
      for (const to of ends) {
        if (to <= from) continue;
        while (k < after.length && after[k]!.to <= to) {
          inside.push(after[k]!.item);
          minutes += after[k]!.item.duration;
          k += 1;
        }
        const time = usable(from, to);
        // Items that fit one after another force nothing.
        if (inside.length < 2 || minutes <= time) continue;
        const ids = new Set(inside.map((i) => i.id));
        const among = inside.flatMap((i) => (pairsOf.get(i.id) ?? []).filter((p) => ids.has(p.b.id)));
        const cost = forcedWithin(inside, time, among);
        if (cost > 0) found.push({ from, to, cost });
      }
    }
    total += bestDisjoint(found);
  }
  return total;
}

/** The most that spans which do not overlap add up to (weighted interval scheduling). */
export function bestDisjoint(spans: readonly { readonly from: number; readonly to: number; readonly cost: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.to - b.to);
  const best: number[] = [0];
  for (const [k, span] of sorted.entries()) {
    // The last span ending at or before this one's start (binary search over the sorted ends).
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.to <= span.from) lo = mid + 1;
      else hi = mid;
    }
    best.push(Math.max(best[k]!, span.cost + best[lo]!));
  }
  return best[sorted.length]!;
}

/**
 * On a date, the minutes between `from` and `to` in which some candidate
 * place of the given items runs: the only minutes they can use.
 */
function usableTime(candidates: Candidates, date: string, ids: ReadonlySet<string>): (from: number, to: number) => number {
  const ranges = candidates.placements.filter((p) => p.date === date && ids.has(p.item)).map((p) => [p.start, p.end] as const);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return (from, to) => merged.reduce((n, [start, end]) => n + Math.max(0, Math.min(to, end) - Math.max(from, start)), 0);
}

const spanCache = new WeakMap<Candidates, ReadonlyMap<string, { date: string; from: number; to: number }>>();

/** For each item whose candidate places are all on one date: that date, the earliest start and the latest end. */
function spansOf(candidates: Candidates): ReadonlyMap<string, { date: string; from: number; to: number }> {
  const cached = spanCache.get(candidates);
  if (cached) return cached;
  const out = new Map<string, { date: string; from: number; to: number }>();
  const manyDays = new Set<string>();
  for (const p of candidates.placements) {
    if (manyDays.has(p.item)) continue;
    const known = out.get(p.item);
    if (!known) out.set(p.item, { date: p.date, from: p.start, to: p.end });
    else if (known.date !== p.date) {
      out.delete(p.item);
      manyDays.add(p.item);
    } else out.set(p.item, { date: p.date, from: Math.min(known.from, p.start), to: Math.max(known.to, p.end) });
  }
  spanCache.set(candidates, out);
  return out;
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
