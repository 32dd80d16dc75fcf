/**
 * Times first, then rooms: the way to solve events too large for the whole
 * (item, room, start) model, with a lower bound and, when it meets the
 * schedule found, a certificate of optimality.
 *
 * - Times: one binary per (item, start), rooms limited per moment (the
 *   `times` stage in model/build.ts). A relaxation of the whole model: every
 *   schedule has a time plan it admits, at no higher cost (room costs count
 *   at their least). So its bound bounds the event, and when it has no
 *   solution the event has none. Theme clashes are modelled lazily, theme by
 *   theme (see solveTimes).
 * - Rooms: the whole model restricted to the chosen times, day by day. A day
 *   whose rooms cannot keep each item for its whole length is solved again
 *   with its items free within the day.
 *
 * Two passes: the hard rules alone first (fast; a valid schedule to fall
 * back on), then the objective from there. The better schedule by our own
 * score is kept. It is proven optimal when it costs no more than the times
 * stage's proven optimum; otherwise, when the whole model is small enough to
 * build, it is solved from that schedule as a warm start, keeping the bound.
 */
import type { Assignment, Schedule } from '../domain/types.js';
import { buildModel, decode, initialValues, type BuildOptions, type BuiltModel } from '../model/build.js';
import { overlappingPairs } from '../model/objectives/pair-overlap.js';
import { scoreThemeClashes } from '../model/objectives/theme-clash.js';
import { DEFAULT_WEIGHTS, TERM_NAMES, type TermName, type Weights } from '../model/objectives/weights.js';
import { partOf, type Context } from '../model/context.js';
import type { SolveOptions, SolveResult } from '../solve/index.js';
import { stageClock, type StagedRequest } from './stages.js';

/** As for the staged solve, plus the whole model to fall back on. */
export type TwoStageRequest = StagedRequest & {
  /** Solves the whole model (with a warm start and a known bound), for when the stages cannot finish the job. */
  readonly whole: (initial: Schedule | null, bound: number | null) => Promise<TwoStageOutcome>;
};

/**
 * The model whose columns `result.values` are for, so the caller can decode
 * and check it; and `sized`, the model to report (the times stage's when the
 * schedule came through it).
 */
export type TwoStageOutcome = { readonly model: BuiltModel | null; readonly result: SolveResult; readonly sized?: BuiltModel };

export async function solveTimesThenRooms(ctx: Context, request: TwoStageRequest): Promise<TwoStageOutcome> {
  const started = request.now();
  const { left, options } = stageClock(request);
  // The rooms stage needs a little time of its own: keep a tenth of the limit (at least 2 s) for it.
  const reserve = Math.max(2, request.timeLimitSeconds / 10);

  // 1. A valid schedule first, from the hard rules alone: fast, and a net under everything after.
  const meter = request.buildOptions?.meter;
  const hardOptions: BuildOptions = { weights: NO_WEIGHTS, ...(meter ? { meter } : {}) };
  const first = await timesThenRooms(ctx, request, hardOptions, null, (initial) => options(initial, reserve), options);
  if (first.kind === 'infeasible') return { model: null, result: first.result };
  if (first.kind === 'timedout') return { model: null, result: first.result };
  if (first.kind === 'none') return request.whole(null, null);
  let best = { schedule: first.schedule, total: request.score(ctx, first.schedule) };
  let sized = first.times;
  let bound: number | null = null;
  let proven = false;

  // 2. The objective, from that schedule (or from the baseline, on a re-run).
  if (left() > reserve + 1) {
    const warm = request.buildOptions?.baseline ? null : first.schedule;
    const second = await timesThenRooms(ctx, request, request.buildOptions ?? {}, warm, (initial) => options(initial, reserve), options);
    if (second.kind === 'found') {
      bound = second.bound;
      sized = second.times;
      const total = request.score(ctx, second.schedule);
      if (total < best.total) best = { schedule: second.schedule, total };
      proven = second.timesOptimal && bound !== null && best.total <= bound + 1e-9;
    }
  }

  const built = buildModel(ctx, { ...request.buildOptions, stage: { rooms: best.schedule } });
  const values = built.ok ? initialValues(built.model, best.schedule) : null;
  if (!built.ok || !values) return request.whole(null, bound);
  const seconds = (request.now() - started) / 1000;
  const backend = request.backend;
  if (proven) return { model: built.model, sized, result: { status: 'optimal', values, objective: best.total, bound: best.total, backend, seconds } };
  const found = { model: built.model, sized, result: { status: 'feasible' as const, values, objective: best.total, bound, backend, seconds } };
  if (left() < 1) return found;
  const better = await request.whole(best.schedule, bound);
  return better.model && (better.result.status === 'optimal' || better.result.status === 'feasible') ? better : found;
}

/** Every soft goal off: the hard rules alone. */
const NO_WEIGHTS: Weights = Object.fromEntries(TERM_NAMES.map((t) => [t, 0])) as Record<TermName, number>;

type Pass =
  /** The times stage has no solution: nor has the event. */
  | { kind: 'infeasible'; result: SolveResult }
  /** The times stage found nothing in time. */
  | { kind: 'timedout'; result: SolveResult }
  /** No rooms fit the times found (or a model could not be built). */
  | { kind: 'none' }
  /** `bound` holds for every schedule of the event; `timesOptimal` when the times stage proved its optimum; `times`, its last model. */
  | { kind: 'found'; schedule: Schedule; bound: number | null; timesOptimal: boolean; times: BuiltModel };

/** One pass of both stages under the given objective. */
async function timesThenRooms(
  ctx: Context,
  request: TwoStageRequest,
  buildOptions: BuildOptions,
  warm: Schedule | null,
  timesOptions: (initial: Float64Array | null) => SolveOptions,
  roomsOptions: (initial: Float64Array | null) => SolveOptions,
): Promise<Pass> {
  const times = await solveTimes(ctx, request, buildOptions, warm, timesOptions);
  if (times.kind === 'unbuilt') return { kind: 'none' };
  const { model, result } = times;
  if (result.status === 'infeasible') return { kind: 'infeasible', result };
  if (result.status !== 'optimal' && result.status !== 'feasible') return { kind: 'timedout', result };
  const roomed = await roomsDayByDay(ctx, request, buildOptions, decode(model, result.values), roomsOptions);
  if (!roomed) return { kind: 'none' };
  return { kind: 'found', schedule: roomed, bound: lowerBound(model, result), timesOptimal: result.status === 'optimal', times: model };
}

/**
 * The times stage, with theme clashes and language clashes modelled lazily:
 * first for no theme and no language, then, each round, for every theme or
 * language that clashes in the last solution and was not modelled yet,
 * starting from that solution. Each round's model is a relaxation (its
 * bound holds); a solution whose clashes all lie in modelled themes and
 * languages is scored exactly, so the last round's optimum is the stage's.
 * Clash rows are most of a time-indexed model; most themes never need them
 * (and every pair of sessions in one language would be 20 of the global
 * instance's 22 million non-zeros).
 */
async function solveTimes(
  ctx: Context,
  request: TwoStageRequest,
  buildOptions: BuildOptions,
  warm: Schedule | null,
  options: (initial: Float64Array | null) => SolveOptions,
): Promise<{ kind: 'unbuilt' } | { kind: 'solved'; model: BuiltModel; result: SolveResult }> {
  const modelled = new Set<string>();
  const languages = new Set<string>();
  const weights = buildOptions.weights ?? DEFAULT_WEIGHTS;
  let previous: Schedule | null = warm;
  let last: { model: BuiltModel; result: Extract<SolveResult, { status: 'optimal' | 'feasible' }> } | null = null;
  for (;;) {
    const built = buildModel(ctx, { ...buildOptions, stage: 'times', clashThemes: new Set(modelled), clashLanguages: new Set(languages) });
    if (!built.ok) return { kind: 'unbuilt' };
    const start = previous ? initialValues(built.model, previous) : request.initialFor?.(built.model) ?? null;
    const result = await request.solver(built.model.mip, options(start));
    if (result.status !== 'optimal' && result.status !== 'feasible') {
      // Out of time in a later round: the last round's solution still stands, unproven.
      return last ? { kind: 'solved', ...last, result: { ...last.result, status: 'feasible' } } : { kind: 'solved', model: built.model, result };
    }
    const schedule = decode(built.model, result.values);
    const clashes = weights['theme-clash'] === 0 ? [] : scoreThemeClashes(ctx, schedule);
    const missing = new Set(clashes.flatMap((c) => c.themes.filter((t) => !modelled.has(t))));
    const spoken = weights['language-clash'] === 0 ? [] : overlappingPairs(ctx, schedule, 'language-clash');
    const unheard = new Set(spoken.map((p) => p.a.language).filter((l) => !languages.has(l)));
    if (missing.size === 0 && unheard.size === 0) return { kind: 'solved', model: built.model, result };
    // Not scored exactly yet: its clashes outside the modelled themes cost nothing here.
    if (options(null).timeLimitSeconds <= 1) {
      return { kind: 'solved', model: built.model, result: { ...result, status: 'feasible' } };
    }
    for (const t of missing) modelled.add(t);
    for (const l of unheard) languages.add(l);
    previous = schedule;
    last = { model: built.model, result };
  }
}

/**
 * Rooms for the chosen times, one day at a time (days share no room). A day
 * whose rooms cannot keep every item for its whole length (the times stage
 * only counts rooms moment by moment) is solved again with its items free to
 * move within that day. Null when even that fails.
 */
async function roomsDayByDay(
  ctx: Context,
  request: TwoStageRequest,
  buildOptions: BuildOptions,
  timed: Schedule,
  options: (initial: Float64Array | null) => SolveOptions,
): Promise<Schedule | null> {
  const parts: Assignment[] = [];
  for (const date of ctx.dates) {
    const day = timed.filter((a) => a.date === date);
    if (day.length === 0) continue;
    const ids = new Set(day.map((a) => a.item));
    const dayCtx = partOf(ctx, (i) => ids.has(i.id));
    let placed: Schedule | null = null;
    for (const times of ['fixed', 'day'] as const) {
      const built = buildModel(dayCtx, { ...buildOptions, stage: { rooms: day, times } });
      if (!built.ok) continue;
      const start = times === 'day' || !buildOptions.baseline ? null : request.initialFor?.(built.model) ?? null;
      const result = await request.solver(built.model.mip, options(start));
      if (result.status === 'optimal' || result.status === 'feasible') {
        placed = decode(built.model, result.values);
        break;
      }
    }
    if (!placed) return null;
    parts.push(...placed);
  }
  return parts;
}

/** The best bound a times solve proves, rounded up when every objective value is whole. */
function lowerBound(model: BuiltModel, result: Extract<SolveResult, { status: 'optimal' | 'feasible' }>): number | null {
  const raw = result.status === 'optimal' ? result.objective : result.bound;
  if (raw === null) return null;
  return model.mip.integralObjective ? Math.ceil(raw - 1e-6) : raw;
}
