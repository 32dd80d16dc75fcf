/**
 * From a validated event to a checked schedule, or to the reasons there is
 * none. Pure apart from the solver it is given and the clock it is handed: no
 * files, no process. Nothing leaves here that the checker has not passed.
 */
import { FORMATS, type Event, type Schedule } from '../domain/types.js';
import type { ObjectiveTerm, ScheduleReport } from '../domain/report.js';
import { checkSchedule, type Violation } from '../check/check.js';
import { directFindings, unplaceableItems, type Finding } from '../check/diagnose.js';
import { buildModel, decode, initialValues, leftOut, type BuildMeter, type BuildOptions, type BuiltModel } from '../model/build.js';
import { baselineOf, MOVES_TERMS, moveWeights, scoreMoves } from '../model/objectives/moves.js';
import { softGoalTerms } from '../model/objectives/score.js';
import { DEFAULT_WEIGHTS, type Weights } from '../model/objectives/weights.js';
import { candidatePlacements } from '../model/candidates.js';
import { buildContext, DEFAULT_RULE_OPTIONS, type Context } from '../model/context.js';
import { coarsestGrid } from '../model/grid.js';
import { modelSize } from '../model/mip.js';
import { scoreThemeClashes } from '../model/objectives/theme-clash.js';
import { solveInStages, withBound, worthStaging, type StagedRequest } from './stages.js';
import { solveTimesThenRooms, type TwoStageOutcome } from './two-stage.js';
import { backendFor, solve, type BackendChoice, type Progress, type SolveResult, type Solver } from '../solve/index.js';
import { rulesThatGive, whyLeftOut, type Unscheduled } from './partial.js';

export type ScheduleRequest = {
  readonly gap: number;
  readonly timeLimitSeconds: number;
  readonly backend: BackendChoice;
  /** Which model: the whole one, times then rooms, or (auto) by size: see TWO_STAGE_FROM. */
  readonly model?: ModelChoice;
  /** Milliseconds from some fixed origin; the CLI passes the real clock. */
  readonly now: () => number;
  readonly onProgress?: (p: Progress) => void;
  /** Soft-goal weights (defaults when absent). */
  readonly weights?: Weights;
  /** A previous schedule: move as little as possible from it (time moves cost more than room moves). */
  readonly baseline?: Schedule;
  /** Write the best schedule of the items that fit, listing the others, instead of giving up. */
  readonly allowPartial?: boolean;
  /** For tests: a stand-in for the solver module. */
  readonly solver?: Solver;
};

export type ModelChoice = 'auto' | 'whole' | 'two-stage';

export type ScheduleOutcome =
  | { readonly kind: 'scheduled'; readonly schedule: Schedule; readonly report: ScheduleReport }
  /** With allowPartial: the most items that fit; report.unscheduled says which are left out and why. */
  | { readonly kind: 'partial'; readonly schedule: Schedule; readonly report: ScheduleReport }
  /** Proven impossible: by direct checks (findings name the culprits) or by the solver. */
  | { readonly kind: 'impossible'; readonly findings: readonly Finding[]; readonly by: 'direct checks' | 'solver' }
  /** The time limit passed before any valid schedule was found. */
  | { readonly kind: 'timedout'; readonly seconds: number }
  /** The solver failed, or returned a schedule our checker rejects (then nothing is written). */
  | { readonly kind: 'failed'; readonly message: string; readonly violations: readonly Violation[] };

export async function planSchedule(event: Event, request: ScheduleRequest): Promise<ScheduleOutcome> {
  const ctx = buildContext(event, { ...DEFAULT_RULE_OPTIONS, gap: request.gap });
  const t0 = request.now();
  const meter: BuildMeter = { seconds: 0 };
  const objective = objectiveOf(ctx, request.baseline, request.weights ?? DEFAULT_WEIGHTS, meter);
  // The items with nowhere to go are found before any model is built.
  const candidates = candidatePlacements(ctx, coarsestGrid(ctx), objective.buildOptions.baseline);
  const direct = [...unplaceableItems(ctx, candidates.rejected), ...directFindings(ctx)];
  if (direct.length > 0) {
    if (request.allowPartial) return planPartial(ctx, request, t0);
    return { kind: 'impossible', by: 'direct checks', findings: direct };
  }
  const t1 = request.now();
  const wholeCandidates = candidates.placements.length;
  const backend = backendFor(request.backend);
  const solver = request.solver ?? solve;
  const progress = request.onProgress ? { onProgress: request.onProgress } : {};
  // The limit counts from the start, model building included.
  const secondsLeft = () => request.timeLimitSeconds - (request.now() - t0) / 1000;
  // What every staged solve gets: the time left from now, the solver, and the objective.
  const stagedRequest = (): StagedRequest => ({
    backend,
    timeLimitSeconds: Math.max(1, secondsLeft()),
    now: request.now,
    solver,
    score: objective.score,
    buildOptions: objective.buildOptions,
    initialFor: objective.initialFor,
    ...progress,
  });
  const whole = async (initial: Schedule | null, bound: number | null): Promise<TwoStageOutcome> => {
    // Too large to build, or no time left to solve it: the two-stage result, if any, stands.
    const skip = { model: null, result: { status: 'timedout' as const, backend, seconds: 0 } };
    if ((wholeCandidates > MAX_WHOLE_PLACEMENTS && request.model !== 'whole') || (initial && secondsLeft() < 2)) return skip;
    const build = (): BuiltModel | null => {
      const built = buildModel(ctx, objective.buildOptions);
      return built.ok ? built.model : null;
    };
    if (!initial && worthStaging(ctx)) {
      const staged = await solveInStages(ctx, build, stagedRequest());
      return { model: staged.model, result: withBound(staged.result, bound) };
    }
    const model = build();
    if (initial && secondsLeft() < 1) return skip;
    if (!model) return { model: null, result: { status: 'error' as const, message: 'the whole model could not be built', backend, seconds: 0 } };
    const start = initial ? initialValues(model, initial) : objective.initialFor(model);
    const r = await solver(model.mip, { backend, timeLimitSeconds: Math.max(1, secondsLeft()), ...progress, ...(start ? { initial: start } : {}) });
    return { model, result: withBound(r, bound) };
  };
  const { model, result, sized } =
    (request.model ?? 'auto') === 'whole' || (request.model !== 'two-stage' && wholeCandidates < TWO_STAGE_FROM)
      ? await whole(null, null)
      : await solveTimesThenRooms(ctx, { ...stagedRequest(), whole });
  const t2 = request.now();
  switch (result.status) {
    case 'infeasible': {
      if (request.allowPartial) return planPartial(ctx, request, t0);
      // Find the fewest items or rules that must give, to say which and why, in the time left.
      const left = request.timeLimitSeconds - (t2 - t0) / 1000;
      // (Not for events whose whole model is too large to build: then the generic reason.)
      const findings = left >= 2 && wholeCandidates <= MAX_WHOLE_PLACEMENTS ? await whatMustGive(ctx, { ...request, timeLimitSeconds: left }) : null;
      return { kind: 'impossible', by: 'solver', findings: findings ?? [{ check: 'solver', ids: [], message: GENERIC_INFEASIBLE }] };
    }
    case 'timedout':
      return { kind: 'timedout', seconds: (t2 - t1) / 1000 };
    case 'error':
      return { kind: 'failed', message: `the ${result.backend} solver failed: ${result.message}`, violations: [] };
    default: {
      if (!model) return { kind: 'failed', message: `the ${result.backend} solver returned a solution without its model`, violations: [] };
      // Models are built between solves, and the whole one while the core is solved: building counts apart.
      const buildSeconds = (t1 - t0) / 1000 + meter.seconds;
      return finish(ctx, objective, model, result, [], { buildSeconds, solveSeconds: Math.max(0, (t2 - t0) / 1000 - buildSeconds) }, sized ?? model);
    }
  }
}

/**
 * The whole (item, room, start) model is built (to improve a two-stage
 * schedule, or when the stages fail) only up to this many placements: beyond
 * it, building alone takes longer than the solve it would help, and memory
 * grows past what a laptop can spare.
 */
const MAX_WHOLE_PLACEMENTS = 40_000;

/**
 * From this many (item, room, start) placements on, times are solved first
 * and rooms after (pipeline/two-stage.ts); below it, the whole model at once.
 * See the README's measurements.
 */
export const TWO_STAGE_FROM = 12_000;

const GENERIC_INFEASIBLE =
  'no schedule satisfies every hard rule at once, although each item on its own has places it could go ' +
  'and no single speaker, room or pin is overbooked: several items compete for the same rooms, speakers or times. ' +
  'Run again with --allow-partial to see the fewest items that must give.';

/** The elastic model (see BuildOptions.elastic), built and solved: null when it cannot be built. */
async function solveElastic(
  ctx: Context,
  request: ScheduleRequest,
  objective: Objective,
  elasticRules: boolean,
): Promise<{ model: BuiltModel; result: SolveResult; built: number } | null> {
  const built = buildModel(ctx, { ...objective.buildOptions, elastic: true, elasticRules });
  if (!built.ok) return null;
  const builtAt = request.now();
  const result = await (request.solver ?? solve)(built.model.mip, {
    backend: backendFor(request.backend),
    timeLimitSeconds: request.timeLimitSeconds,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
  return { model: built.model, result, built: builtAt };
}

/** The elastic model: as many items as possible, then the usual objective. */
async function planPartial(ctx: Context, request: ScheduleRequest, t0: number): Promise<ScheduleOutcome> {
  const objective = objectiveOf(ctx, request.baseline, request.weights ?? DEFAULT_WEIGHTS);
  const elastic = await solveElastic(ctx, request, objective, false);
  if (!elastic) return { kind: 'failed', message: 'the elastic model could not be built', violations: [] };
  const { model, result, built: t1 } = elastic;
  const t2 = request.now();
  if (result.status === 'timedout') return { kind: 'timedout', seconds: (t2 - t1) / 1000 };
  if (result.status !== 'optimal' && result.status !== 'feasible') {
    return { kind: 'failed', message: `the ${result.backend} solver failed on the elastic model`, violations: [] };
  }
  const unscheduled = whyLeftOut(ctx, decode(model, result.values), leftOut(model, result.values), model);
  return finish(ctx, objective, model, result, unscheduled, { buildSeconds: (t1 - t0) / 1000, solveSeconds: (t2 - t1) / 1000 });
}

/**
 * The elastic model with rule slacks: the fewest items to leave out or rooms
 * and speakers (per day) to overbook so that everything else fits. Null
 * when it finds nothing in time.
 */
async function whatMustGive(ctx: Context, request: ScheduleRequest): Promise<readonly Finding[] | null> {
  const objective = objectiveOf(ctx, request.baseline, request.weights ?? DEFAULT_WEIGHTS);
  const elastic = await solveElastic(ctx, request, objective, true);
  if (!elastic || (elastic.result.status !== 'optimal' && elastic.result.status !== 'feasible')) return null;
  const { model, result } = elastic;
  const items = whyLeftOut(ctx, decode(model, result.values), leftOut(model, result.values), model).map(
    (u): Finding => ({ check: 'must-give', ids: [u.item], message: u.reason }),
  );
  const findings = [...items, ...rulesThatGive(ctx, model, result.values)];
  return findings.length > 0 ? findings : null;
}

type Solved = Extract<SolveResult, { status: 'optimal' | 'feasible' }>;

/** Decode, check, re-score: nothing leaves here that the checker has not passed. */
function finish(
  ctx: Context,
  objectiveFn: Objective,
  model: BuiltModel,
  result: Solved,
  unscheduled: readonly Unscheduled[],
  timing: { buildSeconds: number; solveSeconds: number },
  /** The model to report when the solution came through stages: the first stage's. */
  sized: BuiltModel = model,
): ScheduleOutcome {
  const schedule = decode(model, result.values);
  const out = new Set(unscheduled.map((u) => u.item));
  const violations = checkSchedule(ctx, schedule).filter((v) => !(v.rule === 'placed-once' && v.items.every((i) => out.has(i))));
  if (violations.length > 0) {
    return {
      kind: 'failed',
      message: `the ${result.backend} solver returned a schedule that breaks ${violations.length} hard rule(s); nothing was written`,
      violations,
    };
  }
  // Re-scored by our own code: after a time limit a solver's own figure can be off.
  const clashes = scoreThemeClashes(ctx, schedule);
  const terms = objectiveFn.terms(schedule);
  const objective = terms.reduce((n, t) => n + t.cost, 0);
  const optimal = result.status === 'optimal';
  // An elastic solve's bound counts left-out items too: only the plain model's bound applies here.
  const solverBound = result.bound !== null && Number.isFinite(result.bound) ? result.bound : null;
  const bound = optimal ? objective : unscheduled.length > 0 ? null : solverBound;
  const gap = optimal ? 0 : bound === null ? null : objective <= 0 ? 0 : Math.max(0, (objective - bound) / objective);
  const report: ScheduleReport = {
    status: optimal ? 'optimal' : 'feasible',
    objective,
    bound,
    gap,
    terms,
    counts: FORMATS.map((format) => ({ format, items: schedule.filter((a) => ctx.items.get(a.item)?.format === format).length })),
    clashes,
    unscheduled,
    solver: result.backend,
    model: { ...modelSize(sized.mip), grid: sized.grid, stages: sized.stage === 'times' ? 'two-stage' : 'whole' },
    timing,
  };
  return unscheduled.length > 0 ? { kind: 'partial', schedule, report } : { kind: 'scheduled', schedule, report };
}

/** What a run minimises, computed by our own code, and how the model is told. */
type Objective = {
  readonly buildOptions: BuildOptions;
  readonly score: (ctx: Context, schedule: Schedule) => number;
  readonly terms: (schedule: Schedule) => readonly ObjectiveTerm[];
  readonly initialFor: (model: BuiltModel) => Float64Array | null;
};

function objectiveOf(ctx: Context, baselineSchedule: Schedule | undefined, weights: Weights, meter?: BuildMeter): Objective {
  const total = (terms: readonly ObjectiveTerm[]) => terms.reduce((n, t) => n + t.cost, 0);
  const metered = meter ? { meter } : {};
  if (!baselineSchedule) {
    return {
      buildOptions: { weights, ...metered },
      score: (c, s) => total(softGoalTerms(c, s, weights)),
      terms: (s) => softGoalTerms(ctx, s, weights),
      initialFor: () => null,
    };
  }
  const baseline = baselineOf(baselineSchedule);
  const moves = moveWeights(ctx, weights);
  const moveTerms = (s: Schedule): ObjectiveTerm[] => {
    const m = scoreMoves(baseline, moves, s);
    return [
      { ...MOVES_TERMS.time, weight: moves.time, count: m.time.length, cost: m.time.length * moves.time, occurrences: m.time },
      { ...MOVES_TERMS.room, weight: moves.room, count: m.room.length, cost: m.room.length * moves.room, occurrences: m.room },
    ];
  };
  return {
    buildOptions: { baseline, weights, ...metered },
    score: (c, s) => total(softGoalTerms(c, s, weights)) + scoreMoves(baseline, moves, s).cost,
    terms: (s) => [...moveTerms(s), ...softGoalTerms(ctx, s, weights)],
    initialFor: (model) => initialValues(model, baselineSchedule),
  };
}
