/**
 * The solve path is a list of named steps (strategy.ts chooses them). Each
 * step is a function from a StepRequest (the event, the objective, the
 * solver, the clock, and what earlier steps found) to a StepResult; none
 * calls back into another.
 */
import type { Finding } from '../check/diagnose.js';
import type { Schedule } from '../domain/types.js';
import { wholeBound } from '../domain/report.js';
import type { Unscheduled } from './partial.js';
import { buildModel, type BuildMeter, type BuiltModel } from '../model/build.js';
import type { Context } from '../model/context.js';
import type { Objective } from '../model/goals/objective.js';
import { totalCost } from '../model/goals/objective.js';
import { initialValues } from '../model/solution.js';
import type { Backend, Progress, SolveOptions, SolveResult, Solver } from '../solve/index.js';

/** The best schedule found so far, with its cost by convene's own scoring. */
export type Incumbent = { readonly schedule: Schedule; readonly cost: number; readonly proven: boolean };

export type StepRequest = {
  readonly ctx: Context;
  readonly objective: Objective;
  readonly solver: Solver;
  readonly backend: Backend;
  /** Seconds left for this step: the run's limit, less what later steps keep (never below 0). */
  readonly left: () => number;
  /**
   * Seconds left of the run's own limit: a step with a share of the time
   * that has no schedule yet may go on into it rather than end
   * empty-handed (when it is the first step, nothing after it can start
   * without a schedule). Same as `left` when absent.
   */
  readonly runLeft?: () => number;
  /** Solver progress, for steps whose model's objective is the event's (whole, improve). */
  readonly onProgress?: (p: Progress) => void;
  /**
   * A schedule of the whole event a step has in hand before it returns, by
   * its cost (convene's own scoring; the run checks the one it keeps): for
   * the progress line and the anytime trace of steps whose solves are of
   * parts or stages (staged, times-then-rooms).
   */
  readonly onSchedule?: (cost: number) => void;
  /** The user asked to stop: solves end at once with what they have. */
  readonly signal?: AbortSignal;
  /** Seeds every random draw of the run (the improvement search's). */
  readonly seed: string;
  readonly meter: BuildMeter;
  /** Models built once per run and shared by the steps that need them. */
  readonly models: RunModels;
  /** What earlier steps found: the best schedule and the best lower bound proven. */
  readonly incumbent: Incumbent | null;
  readonly bound: number | null;
  /** Whether an earlier step of the run solved the whole model already (the improvement step then need not solve it again). */
  readonly wholeSolved?: boolean;
  /** What the plan asks of this step (strategy.ts); nothing when absent. */
  readonly plan?: StepPlan;
};

/** What the plan (strategy.ts) asks of a step beyond running it. */
export type StepPlan = {
  /** The improvement step: solve the whole model from the search's result. */
  readonly wholeAfter?: boolean;
  /** A first step (whole, times-then-rooms): stop at the first schedule, for the search after it. */
  readonly firstSchedule?: boolean;
  /** The improvement step: when the search stalls, restart it from a perturbed schedule until the limit, rather than end. */
  readonly restarts?: boolean;
};

export type StepResult =
  /** A schedule (not yet checked: the run checks it); `bound` holds for every schedule of the event; `model` is the one to report. */
  | {
      readonly kind: 'found';
      readonly schedule: Schedule;
      readonly cost: number;
      readonly bound: number | null;
      readonly proven: boolean;
      readonly model: BuiltModel;
      readonly backend: Backend;
      /** A partial schedule's left-out items, each with its reason. */
      readonly unscheduled?: readonly Unscheduled[];
      /** What the step adds to its outcome in words, in brackets (the improvement search: how many times it restarted). */
      readonly detail?: string;
    }
  /** Proven: no schedule keeps every hard rule. */
  | { readonly kind: 'infeasible' }
  /** Nothing found in the time given; a bound may still have been proven. */
  | { readonly kind: 'timedout'; readonly bound?: number | null }
  /** The step could not do its job (a model could not be built, a stage found nothing): the next step tries. */
  | { readonly kind: 'none'; readonly why: string; readonly bound?: number | null }
  /** What must give for any schedule to exist, found by the elastic diagnosis. */
  | { readonly kind: 'diagnosed'; readonly findings: readonly Finding[] }
  /** The solver failed. */
  | { readonly kind: 'failed'; readonly message: string };

export type Step = (request: StepRequest) => Promise<StepResult>;

/** The whole model of the run, built at most once (null when it cannot be built); `fits` says whether it is small enough to build. */
export type RunModels = { readonly whole: () => BuiltModel | null; readonly fits: () => boolean };

export function runModels(ctx: Context, objective: Objective, meter: BuildMeter, fits: boolean): RunModels {
  let whole: BuiltModel | null | undefined;
  return {
    fits: () => fits,
    whole: () => {
      if (whole === undefined) {
        const built = buildModel(ctx, { objective, meter });
        whole = built.ok ? built.model : null;
      }
      return whole;
    },
  };
}

/** A solve asked for when the time is up still gets this long (the backends need a positive limit). */
const MIN_SOLVE_SECONDS = 0.1;

/**
 * The options of one solver call: the time left less `keep` seconds for
 * what comes after, but at least a second while that much is left; never
 * more than is left, so that no solve runs past the run's limit.
 */
export function solveOptions(request: Pick<StepRequest, 'backend' | 'left' | 'onProgress' | 'signal'>, initial: Float64Array | null, keep = 0): SolveOptions {
  const left = request.left();
  return {
    backend: request.backend,
    timeLimitSeconds: Math.max(MIN_SOLVE_SECONDS, Math.min(left, Math.max(1, left - keep))),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(initial ? { initial } : {}),
  };
}

/** A solution with a lower bound proven elsewhere: the better of the two bounds. */
export function withBound(r: SolveResult, bound: number | null): SolveResult {
  if ((r.status !== 'optimal' && r.status !== 'feasible') || bound === null) return r;
  return { ...r, bound: r.bound === null ? bound : Math.max(r.bound, bound) };
}

/**
 * The lower bound a solver's bound proves: none when it has none (HiGHS says
 * -Infinity then); rounded up when every cost is whole (460.2 proves 461).
 */
export function provenBound(model: BuiltModel, bound: number | null): number | null {
  if (bound === null || !Number.isFinite(bound)) return null;
  return model.mip.integralObjective ? wholeBound(bound) : bound;
}

/** A warm start from the baseline of a re-run, when its schedule fits the model. */
export function baselineStart(request: StepRequest, model: BuiltModel): Float64Array | null {
  const baseline = request.objective.baseline;
  return baseline ? initialValues(model, [...baseline.values()]) : null;
}

/** The step result of a solve of `model` (its schedule scored by our own code). */
export function resultOf(request: StepRequest, model: BuiltModel, r: SolveResult, decode: (values: Float64Array) => Schedule): StepResult {
  switch (r.status) {
    case 'optimal':
    case 'feasible': {
      const schedule = decode(r.values);
      return { kind: 'found', schedule, cost: totalCost(request.ctx, request.objective, schedule), bound: r.bound, proven: r.status === 'optimal', model, backend: r.backend };
    }
    case 'infeasible':
      return { kind: 'infeasible' };
    case 'timedout':
      return { kind: 'timedout' };
    case 'error':
      return { kind: 'failed', message: `the ${r.backend} solver failed: ${r.message}` };
  }
}
