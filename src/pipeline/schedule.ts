/**
 * From a validated event to a checked schedule, or to the reasons there is
 * none. Pure apart from the solver it is given and the clock it is handed: no
 * files, no process. Runs the steps strategy.ts plans, one after the other,
 * each seeing what the others found; nothing leaves here that the checker
 * has not passed.
 */
import { FORMATS, type Event, type Schedule } from '../domain/types.js';
import { tidyCost, type ScheduleReport, type StepRecord } from '../domain/report.js';
import { checkSchedule, type Violation } from '../check/check.js';
import { lightningCoverage } from '../check/coverage.js';
import { directFindings, unplaceableItems, type Finding } from '../check/diagnose.js';
import type { BuildMeter, BuiltModel } from '../model/build.js';
import { candidatePlacements } from '../model/candidates.js';
import { buildContext, DEFAULT_RULE_OPTIONS, type Context } from '../model/context.js';
import { objectiveLowerBound, relaxedBounds } from '../model/goals/bounds.js';
import { objectiveOf, scoreTerms, type Objective } from '../model/goals/objective.js';
import { DEFAULT_WEIGHTS, type Weights } from '../model/goals/registry.js';
import { scoreThemeClashes } from '../model/goals/theme-clash.js';
import { coarsestGrid } from '../model/grid.js';
import { modelSize } from '../model/mip.js';
import { backendFor, solve, type BackendChoice, type Progress, type Solver } from '../solve/index.js';
import type { Unscheduled } from './partial.js';
import { provenBound, runModels, type Incumbent, type StepResult } from './step.js';
import { worthStaging } from './steps/staged.js';
import { choosePlan, MAX_WHOLE_PLACEMENTS, STEPS, type Condition, type ModelChoice, type PlannedStep } from './strategy.js';

export type ScheduleRequest = {
  readonly gap: number;
  /** The break a speaker has at least between two items (0 when absent). */
  readonly speakerGap?: number;
  readonly timeLimitSeconds: number;
  readonly backend: BackendChoice;
  /** Which model: the whole one, times then rooms, or (auto) by size: see strategy.ts. */
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
  /** Aborted when the user asks to stop (Ctrl-C): the best checked schedule so far is the result. */
  readonly signal?: AbortSignal;
  /** Seeds the improvement search's draws ('convene' when absent). */
  readonly seed?: string;
};

export type ScheduleOutcome =
  | { readonly kind: 'scheduled'; readonly schedule: Schedule; readonly report: ScheduleReport }
  /** With allowPartial: the most items that fit; report.unscheduled says which are left out and why. */
  | { readonly kind: 'partial'; readonly schedule: Schedule; readonly report: ScheduleReport }
  /** Proven impossible: by direct checks (findings name the culprits) or by the solver. */
  | { readonly kind: 'impossible'; readonly findings: readonly Finding[]; readonly by: 'direct checks' | 'solver' }
  /** The time limit passed before any valid schedule was found. */
  | { readonly kind: 'timedout'; readonly seconds: number }
  /** The user stopped the run before any valid schedule was found. */
  | { readonly kind: 'stopped'; readonly seconds: number }
  /** The solver failed, or returned a schedule our checker rejects (then nothing is written). */
  | { readonly kind: 'failed'; readonly message: string; readonly violations: readonly Violation[] };

const GENERIC_INFEASIBLE =
  'no schedule satisfies every hard rule at once, although each item on its own has places it could go ' +
  'and no single speaker, room or pin is overbooked: several items compete for the same rooms, speakers or times. ' +
  'Run again with --allow-partial to see the fewest items that must give.';

/** The best schedule so far, where it came from, and the model to report. */
type Best = Incumbent & { readonly model: BuiltModel; readonly backend: string; readonly step: string; readonly unscheduled: readonly Unscheduled[] };

export async function planSchedule(event: Event, request: ScheduleRequest): Promise<ScheduleOutcome> {
  const ctx = buildContext(event, { ...DEFAULT_RULE_OPTIONS, gap: request.gap, speakerGap: request.speakerGap ?? 0 });
  const t0 = request.now();
  const meter: BuildMeter = { seconds: 0 };
  const objective = objectiveOf(ctx, request.weights ?? DEFAULT_WEIGHTS, request.baseline);
  // The items with nowhere to go are found before any model is built.
  const candidates = candidatePlacements(ctx, coarsestGrid(ctx), objective.baseline);
  const direct = [...unplaceableItems(ctx, candidates.rejected), ...directFindings(ctx)];
  const plan = choosePlan({
    placements: candidates.placements.length,
    model: request.model ?? 'auto',
    staging: worthStaging(ctx),
    allowPartial: Boolean(request.allowPartial),
    directlyImpossible: direct.length > 0,
  });
  if (direct.length > 0 && plan.length === 0) return { kind: 'impossible', by: 'direct checks', findings: direct };
  const t1 = request.now();
  // The limit counts from the start, model building included.
  const left = () => Math.max(0, request.timeLimitSeconds - (request.now() - t0) / 1000);
  const models = runModels(ctx, objective, meter, (request.model ?? 'auto') === 'whole' || candidates.placements.length <= MAX_WHOLE_PLACEMENTS);

  let best: Best | null = null;
  let bound: number | null = null;
  let impossible = false;
  let timedOut = false;
  let findings: readonly Finding[] | null = null;
  const log: StepRecord[] = [];
  const seconds = () => (request.now() - t0) / 1000;
  let goalBound = objectiveLowerBound(ctx, objective.goals, candidates);
  // The goals' relaxations are solved beside the steps (a HiGHS worker, whatever the backend), and raise the bound when done.
  const relaxing = relaxedBounds(ctx, objective.goals, candidates, solve, { timeLimitSeconds: Math.max(1, left()), ...(request.signal ? { signal: request.signal } : {}) }).then((relaxed) => {
    goalBound = objectiveLowerBound(ctx, objective.goals, candidates, relaxed);
  });
  const knownBound = () => {
    const b = Math.max(bound ?? -Infinity, goalBound.total);
    return Number.isFinite(b) ? b : null;
  };
  // The run's own progress: its best schedule and bound, as they improve; and the anytime curve of its cost.
  const trace: { seconds: number; cost: number }[] = [];
  const progress = (step: string, solver?: Progress) => {
    // Before its first solution HiGHS reports an infinite objective: no cost yet.
    const found = solver?.objective !== undefined && solver.objective !== null && Number.isFinite(solver.objective) ? solver.objective : null;
    const cost = best && found !== null ? Math.min(best.cost, found) : (best?.cost ?? found);
    const last = trace[trace.length - 1];
    if (cost !== null && (!last || cost < last.cost - 1e-9)) trace.push({ seconds: seconds(), cost: tidyCost(cost) });
    if (!request.onProgress) return;
    const b = Math.max(knownBound() ?? -Infinity, solver?.bound ?? -Infinity);
    const gap = cost === null || !Number.isFinite(b) ? null : cost <= 0 ? 0 : Math.max(0, (cost - b) / cost);
    request.onProgress({ step, objective: cost, bound: Number.isFinite(b) ? b : null, gap, seconds: seconds() });
  };
  for (const planned of plan) {
    if (request.signal?.aborted) {
      log.push({ step: planned.step, why: planned.why, ran: false, outcome: 'stopped by the user' });
      continue;
    }
    const skip = skipReason(planned, { best, impossible });
    if (skip !== null) {
      log.push({ step: planned.step, why: planned.why, ran: false, outcome: skip });
      continue;
    }
    progress(planned.step);
    // Only the whole model's objective is the event's: other steps' solves report through the run.
    const wholeModel = planned.step === 'whole' || planned.step === 'improve';
    // A step with a share of the time stops at that share of what is left now.
    const until = planned.share === undefined ? 0 : left() * (1 - planned.share);
    const result = await STEPS[planned.step]({
      ctx,
      objective,
      solver: request.solver ?? solve,
      backend: backendFor(request.backend),
      left: () => Math.max(0, left() - until),
      runLeft: left,
      seed: request.seed ?? 'convene',
      ...(wholeModel ? { onProgress: (p: Progress) => progress(planned.step, p) } : {}),
      onSchedule: (cost: number) => progress(planned.step, { objective: cost, bound: null, gap: null, seconds: seconds() }),
      ...(request.signal ? { signal: request.signal } : {}),
      meter,
      models,
      incumbent: best,
      // The best bound known: a step's, or the goals' own (a schedule that meets it ends the search at once).
      bound: knownBound(),
      wholeSolved: log.some((l) => l.ran && l.step === 'whole'),
      plan: planned,
    });
    log.push({ step: planned.step, why: planned.why, ran: true, outcome: outcomeWords(result) });
    if ('bound' in result && result.bound !== undefined && result.bound !== null) bound = Math.max(bound ?? -Infinity, result.bound);
    switch (result.kind) {
      case 'found':
        // A later step keeps its schedule only when it is no worse by our own score.
        if (!best || result.cost <= best.cost) {
          best = { schedule: result.schedule, cost: result.cost, proven: result.proven, model: result.model, backend: result.backend, step: planned.step, unscheduled: result.unscheduled ?? [] };
        }
        break;
      case 'infeasible':
        impossible = true;
        break;
      case 'timedout':
        timedOut = true;
        break;
      case 'diagnosed':
        findings = result.findings;
        break;
      case 'failed':
        return { kind: 'failed', message: result.message, violations: [] };
      case 'none':
        break;
    }
    progress(planned.step);
  }
  await relaxing;
  const t2 = request.now();
  const stopped = request.signal?.aborted ?? false;
  if (best) {
    // Models are built between solves, and the whole one while the core is solved: building counts apart.
    const buildSeconds = (t1 - t0) / 1000 + meter.seconds;
    return finish(ctx, objective, best, { solver: bound, goals: goalBound }, log, stopped, { buildSeconds, solveSeconds: Math.max(0, (t2 - t0) / 1000 - buildSeconds), trace });
  }
  if (impossible) return { kind: 'impossible', by: 'solver', findings: findings ?? [{ check: 'solver', ids: [], message: GENERIC_INFEASIBLE }] };
  if (stopped) return { kind: 'stopped', seconds: (t2 - t1) / 1000 };
  if (timedOut) return { kind: 'timedout', seconds: (t2 - t1) / 1000 };
  if (direct.length > 0) return { kind: 'impossible', by: 'direct checks', findings: direct };
  const why = log.map((s) => `${s.step}: ${s.outcome}`).join('; ');
  return { kind: 'failed', message: `no step found a schedule (${why})`, violations: [] };
}

/** Why a planned step does not run, given what the steps before it found; null when it runs. */
function skipReason(planned: PlannedStep, state: { readonly best: Best | null; readonly impossible: boolean }): string | null {
  const reasons: Readonly<Record<Condition, string | null>> = {
    always: null,
    'no-schedule': state.impossible ? 'no schedule exists' : state.best ? 'a schedule was found' : null,
    'not-proven': state.impossible ? 'no schedule exists' : !state.best ? 'no schedule to start from' : state.best.proven ? 'already proven optimal' : null,
    impossible: state.impossible ? null : 'a schedule exists or none was proven impossible',
  };
  return reasons[planned.when];
}

function outcomeWords(r: StepResult): string {
  switch (r.kind) {
    case 'found': {
      const what = r.unscheduled && r.unscheduled.length > 0 ? `a partial schedule (${r.unscheduled.length} left out)` : r.proven ? 'proven optimal' : 'a valid schedule';
      return `${what}, cost ${tidyCost(r.cost)}${!r.proven && r.bound !== null ? `; bound ${tidyCost(r.bound)}` : ''}${r.detail === undefined ? '' : ` (${r.detail})`}`;
    }
    case 'infeasible':
      return 'no schedule exists';
    case 'timedout':
      return 'no schedule within the time limit';
    case 'diagnosed':
      return `${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} of what must give`;
    case 'failed':
      return `failed: ${r.message}`;
    case 'none':
      return `nothing: ${r.why}`;
  }
}

/** Check and re-score: nothing leaves here that the checker has not passed. */
function finish(
  ctx: Context,
  objective: Objective,
  best: Best,
  bounds: { readonly solver: number | null; readonly goals: { readonly total: number; readonly byGoal: ReadonlyMap<string, number> } },
  steps: readonly StepRecord[],
  stoppedByUser: boolean,
  timing: ScheduleReport['timing'],
): ScheduleOutcome {
  const { schedule, unscheduled } = best;
  const out = new Set(unscheduled.map((u) => u.item));
  const violations = checkSchedule(ctx, schedule).filter((v) => !(v.rule === 'placed-once' && v.items.every((i) => out.has(i))));
  if (violations.length > 0) {
    return {
      kind: 'failed',
      message: `the ${best.backend} solver returned a schedule that breaks ${violations.length} hard rule(s); nothing was written`,
      violations,
    };
  }
  // Re-scored by our own code: after a time limit a solver's own figure can be off.
  const terms = scoreTerms(ctx, objective, schedule, bounds.goals.byGoal);
  // The better of what a step proved and what the goals' own bounds add up to: both hold for every schedule.
  const known = [bounds.solver, bounds.goals.total].filter((b): b is number => b !== null && Number.isFinite(b));
  // Rounded up when every cost is whole: a bound of 467.1 proves 468.
  const knownBound = known.length > 0 ? provenBound(best.model, Math.max(...known)) : null;
  const cost = terms.reduce((n, t) => n + t.cost, 0);
  // A schedule that meets a proven bound is proven optimal, whichever step proved the bound.
  const optimal = best.proven || (unscheduled.length === 0 && knownBound !== null && cost <= knownBound + 1e-6);
  // A partial schedule's bound would count left-out items too: only a complete one gets the plain model's.
  const bound = optimal ? cost : unscheduled.length > 0 || knownBound === null ? null : Math.min(knownBound, cost);
  const gap = optimal ? 0 : bound === null ? null : cost <= 0 ? 0 : Math.max(0, (cost - bound) / cost);
  const report: ScheduleReport = {
    status: optimal ? 'optimal' : 'feasible',
    objective: cost,
    bound,
    gap,
    terms,
    counts: FORMATS.map((format) => ({ format, items: schedule.filter((a) => ctx.items.get(a.item)?.format === format).length })),
    clashes: scoreThemeClashes(ctx, schedule),
    unscheduled,
    solver: best.backend,
    model: { ...modelSize(best.model.mip), grid: best.model.grid, step: best.step },
    steps,
    stoppedByUser,
    coverage: lightningCoverage(ctx.event),
    timing,
  };
  return unscheduled.length > 0 ? { kind: 'partial', schedule, report } : { kind: 'scheduled', schedule, report };
}
