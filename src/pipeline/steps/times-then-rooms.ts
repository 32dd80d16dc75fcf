/**
 * times-then-rooms: the way to solve events too large for the whole (item,
 * room, start) model, with a lower bound and, when it meets the schedule
 * found, a certificate of optimality.
 *
 * - Times: one binary per (item, start), rooms limited per moment (the
 *   `times` stage in model/build.ts). A relaxation of the whole model: every
 *   schedule has a time plan it admits, at no higher cost (room costs count
 *   at their least). So its bound bounds the event, and when it has no
 *   solution the event has none. Goals that say so (theme and language
 *   clashes) are modelled lazily, key by key (see solveTimes).
 * - Rooms: the whole model restricted to the chosen times, day by day. A day
 *   whose rooms cannot keep each item for its whole length is solved again
 *   with its items free within the day.
 *
 * Two passes: the hard rules alone first (fast; a valid schedule to fall
 * back on), then the objective from there. The better schedule by our own
 * score is kept. It is proven optimal when it costs no more than the times
 * stage's proven optimum. Asked for a first schedule only (a large event,
 * strategy.ts), the step ends after the first pass: on the large instances
 * the second pass's bound was below the goals' own, and the search after
 * it does more with the time (docs/benchmarks.md).
 */
import type { Assignment, Schedule } from '../../domain/types.js';
import { buildModel, type BuiltModel } from '../../model/build.js';
import { partOf } from '../../model/context.js';
import { HARD_RULES_ONLY, totalCost, type Objective } from '../../model/goals/objective.js';
import { initialValues, scheduleOf } from '../../model/solution.js';
import type { SolveResult } from '../../solve/index.js';
import { baselineStart, provenBound, solveOptions, type Step, type StepRequest } from '../step.js';

/**
 * The share of the time left after the first schedule that the pass with the
 * objective leaves to the improvement step. Measured 2026-12-06 (regional at
 * 30 s, national at 60 s): with none left, costs 10,916 and 27,743, the first
 * schedule at 27 s and 55 s; with 0.6, 8,249 and 21,949; with 0.8, 7,264 and
 * 19,771; with 0.95, 7,181 and 19,683 (docs/benchmarks.md).
 */
const SEARCH_SHARE = 0.8;

export const timesThenRoomsStep: Step = async (request) => {
  const { ctx, objective } = request;
  // The rooms stage needs a little time of its own: keep a tenth of the time (at least 2 s) for it.
  const reserve = Math.max(2, request.left() / 10);

  // 1. A valid schedule first, from the hard rules alone: fast, and a net under everything after.
  const first = await timesThenRooms(request, HARD_RULES_ONLY, null, reserve, 0);
  if (first.kind !== 'found') return first.kind === 'none' ? { kind: 'none', why: 'no rooms fit the times found' } : first;
  let best = { schedule: first.schedule, cost: totalCost(ctx, objective, first.schedule) };
  request.onSchedule?.(best.cost);
  let model = first.times;
  let bound: number | null = null;
  let proven = false;

  // 2. The objective, from that schedule (or from the baseline, on a re-run), in a fifth of the time
  //    left: the improvement step after it does more with the rest (SEARCH_SHARE).
  if (request.plan?.firstSchedule !== true && request.left() > reserve + 1) {
    const warm = objective.baseline ? null : first.schedule;
    const keep = Math.max(reserve, request.left() * SEARCH_SHARE);
    // Of the pass's own time, the times stage leaves 30 % to the rooms stage.
    const second = await timesThenRooms(request, objective, warm, keep + (request.left() - keep) * 0.3, keep);
    if (second.kind === 'found') {
      bound = second.bound;
      model = second.times;
      const cost = totalCost(ctx, objective, second.schedule);
      if (cost < best.cost) {
        best = { schedule: second.schedule, cost };
        request.onSchedule?.(cost);
      }
      proven = second.timesOptimal && bound !== null && best.cost <= bound + 1e-9;
    }
  }
  return { kind: 'found', schedule: best.schedule, cost: best.cost, bound: proven ? best.cost : bound, proven, model, backend: request.backend };
};

type Pass =
  /** The times stage has no solution: nor has the event. */
  | { kind: 'infeasible' }
  /** The times stage found nothing in time. */
  | { kind: 'timedout' }
  /** No rooms fit the times found (or a model could not be built). */
  | { kind: 'none' }
  /** `bound` holds for every schedule of the event; `timesOptimal` when the times stage proved its optimum; `times`, its last model. */
  | { kind: 'found'; schedule: Schedule; bound: number | null; timesOptimal: boolean; times: BuiltModel };

/** One pass of both stages under the given objective. */
async function timesThenRooms(request: StepRequest, objective: Objective, warm: Schedule | null, reserve: number, roomsReserve: number): Promise<Pass> {
  const times = await solveTimes(request, objective, warm, reserve);
  if (times.kind === 'unbuilt') return { kind: 'none' };
  const { model, result } = times;
  if (result.status === 'infeasible') return { kind: 'infeasible' };
  if (result.status !== 'optimal' && result.status !== 'feasible') return { kind: 'timedout' };
  const roomed = await roomsDayByDay(request, objective, scheduleOf(model, result.values), roomsReserve);
  if (!roomed) return { kind: 'none' };
  return { kind: 'found', schedule: roomed, bound: provenBound(model, result.status === 'optimal' ? result.objective : result.bound), timesOptimal: result.status === 'optimal', times: model };
}

/**
 * The times stage, with lazy goals modelled key by key: first for no key,
 * then, each round, for every key of the last solution's occurrences not
 * modelled yet, starting from that solution. Each round's model is a
 * relaxation (its bound holds); a solution whose occurrences all have
 * modelled keys is scored exactly, so the last round's optimum is the
 * stage's. Clash rows are most of a time-indexed model; most themes never
 * need them (and every pair of sessions in one language would be 20 of the
 * global instance's 22 million non-zeros).
 */
async function solveTimes(
  request: StepRequest,
  objective: Objective,
  warm: Schedule | null,
  reserve: number,
): Promise<{ kind: 'unbuilt' } | { kind: 'solved'; model: BuiltModel; result: SolveResult }> {
  const { ctx } = request;
  const lazyGoals = objective.goals.filter(({ goal, weight }) => goal.lazy && weight !== 0).map(({ goal }) => goal);
  const modelled = new Map(lazyGoals.map((g) => [g.name, new Set<string>()]));
  let previous: Schedule | null = warm;
  let last: { model: BuiltModel; result: Extract<SolveResult, { status: 'optimal' | 'feasible' }> } | null = null;
  for (;;) {
    const lazy = new Map([...modelled].map(([name, keys]) => [name, new Set(keys)]));
    const built = buildModel(ctx, { objective, stage: 'times', lazy, meter: request.meter });
    if (!built.ok) return { kind: 'unbuilt' };
    const start = previous ? initialValues(built.model, previous) : baselineStart(request, built.model);
    const result = await request.solver(built.model.mip, solveOptions(request, start, reserve));
    if (result.status !== 'optimal' && result.status !== 'feasible') {
      // Out of time in a later round: the last round's solution still stands, unproven.
      return last ? { kind: 'solved', ...last, result: { ...last.result, status: 'feasible' } } : { kind: 'solved', model: built.model, result };
    }
    const schedule = scheduleOf(built.model, result.values);
    const missing = lazyGoals.map((g) => ({ keys: modelled.get(g.name)!, found: g.lazy!.keysOf(ctx, schedule).filter((k) => !modelled.get(g.name)!.has(k)) }));
    if (missing.every((m) => m.found.length === 0)) return { kind: 'solved', model: built.model, result };
    // Not scored exactly yet: its occurrences outside the modelled keys cost nothing here.
    if (solveOptions(request, null, reserve).timeLimitSeconds <= 1) {
      return { kind: 'solved', model: built.model, result: { ...result, status: 'feasible' } };
    }
    for (const m of missing) for (const k of m.found) m.keys.add(k);
    previous = schedule;
    last = { model: built.model, result };
  }
}

/**
 * Rooms for the chosen times, one day at a time (days share no room). A day
 * whose rooms cannot keep every item for its whole length (the times stage
 * only counts rooms moment by moment) is solved again with its items free to
 * move within that day. Null when even that fails. The days share the time
 * left beyond `reserve` evenly (a day that ends early leaves its rest to the next).
 */
async function roomsDayByDay(request: StepRequest, objective: Objective, timed: Schedule, reserve: number): Promise<Schedule | null> {
  const { ctx } = request;
  const parts: Assignment[] = [];
  const dates = ctx.dates.filter((date) => timed.some((a) => a.date === date));
  for (const [d, date] of dates.entries()) {
    const day = timed.filter((a) => a.date === date);
    // This day's share of the time beyond `reserve`: the days after it get theirs.
    const share = (request.left() - reserve) / (dates.length - d);
    const ids = new Set(day.map((a) => a.item));
    const dayCtx = partOf(ctx, (i) => ids.has(i.id));
    let placed: Schedule | null = null;
    for (const times of ['fixed', 'day'] as const) {
      const built = buildModel(dayCtx, { objective, stage: { rooms: day, times }, meter: request.meter });
      if (!built.ok) continue;
      const start = times === 'day' || !objective.baseline ? null : baselineStart(request, built.model);
      const result = await request.solver(built.model.mip, solveOptions(request, start, request.left() - share));
      if (result.status === 'optimal' || result.status === 'feasible') {
        placed = scheduleOf(built.model, result.values);
        break;
      }
    }
    if (!placed) return null;
    parts.push(...placed);
  }
  return parts;
}
