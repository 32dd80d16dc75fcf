/**
 * The solve path, chosen in one place: which named steps run, in what
 * order, under what condition, and why. The report lists each step that
 * ran (or was skipped) with this reason and its outcome.
 *
 * - whole: every item, room and start in one model.
 * - staged: the core without lightning talks, then the talks around it, with
 *   a certificate of optimality when the two meet (steps/staged.ts).
 * - times-then-rooms: times first, then rooms day by day, for events too
 *   large for the whole model (steps/times-then-rooms.ts).
 * - improve: the whole model from the best schedule so far.
 * - partial: with --allow-partial, the most items that fit.
 * - diagnose: when no schedule exists, the fewest items or rules that must give.
 */
import { diagnoseStep, partialStep } from './steps/elastic.js';
import { improveStep } from './steps/improve.js';
import { stagedStep } from './steps/staged.js';
import { timesThenRoomsStep } from './steps/times-then-rooms.js';
import { wholeStep } from './steps/whole.js';
import type { Step, StepPlan } from './step.js';

export type StepName = 'whole' | 'staged' | 'times-then-rooms' | 'improve' | 'partial' | 'diagnose';

export const STEPS: Readonly<Record<StepName, Step>> = {
  whole: wholeStep,
  staged: stagedStep,
  'times-then-rooms': timesThenRoomsStep,
  improve: improveStep,
  partial: partialStep,
  diagnose: diagnoseStep,
};

export type ModelChoice = 'auto' | 'whole' | 'two-stage';

/**
 * From this many (item, room, start) placements on, times are solved first
 * and rooms after; below it, the whole model at once (see
 * docs/benchmarks.md for the measurements behind it).
 */
export const TWO_STAGE_FROM = 12_000;

/**
 * The whole model is built (to improve a two-stage schedule, or to say why
 * none exists) only up to this many placements: beyond it, building alone
 * takes longer than the solve it would help, and memory grows past what a
 * laptop can spare. `--model whole` builds it anyway.
 */
export const MAX_WHOLE_PLACEMENTS = 40_000;

/**
 * The share of the time the whole model gets when it comes first; the
 * improvement search after it gets the rest. Measured 2026-12-07 on the
 * festival instance at 10 s: 0.5 gave 29,515-31,199, 0.4 27,164-29,065,
 * 0.3 25,290-26,239 when its first schedule (at 2.9-3.1 s) came in time,
 * and 50,936 once when it did not (the whole model is then solved again
 * from scratch in the rest of the run); 0.2 never came in time. At 30 s,
 * 0.5 gave 22,104 and 0.3 20,254; at 60 s, 20,985 and 20,399. 0.4 keeps
 * a margin of about 60 % over that first schedule. From FIRST_SCHEDULE_FROM
 * placements on, the whole model ends at its first schedule, and the share
 * only caps how long it may take to find it.
 */
export const WHOLE_SHARE = 0.4;

/**
 * From this many placements on, the whole model as the first step stops at
 * its first schedule, found without HiGHS's presolve, and the search after
 * it has the rest of the time: branch and bound on the whole model improves
 * it far more slowly. Measured 2026-12-07 on the festival instance (7,445
 * placements) at 10 s: the search started at 2.2-3.7 s instead of 4.3 s,
 * and ended at 22,308-24,947 (seeds a to e) instead of 24,713-25,739
 * (three runs); the first solution without presolve came at 1.9-2.2 s
 * instead of 2.8 s. Smaller events keep the whole model's proof.
 */
export const FIRST_SCHEDULE_FROM = 2_000;

/** When a planned step runs, given what the steps before it found. */
export type Condition =
  /** Always (the first step of a path). */
  | 'always'
  /** No schedule found yet, and none proven impossible. */
  | 'no-schedule'
  /** A schedule found by an earlier step, not proven optimal. */
  | 'not-proven'
  /** Proven that no schedule keeps every hard rule. */
  | 'impossible';

/**
 * A step of the plan: when it runs, why, (when later steps need time too)
 * the share of the time left it may use, and what the plan asks of it
 * (StepPlan): for `improve`, whether the whole model is solved from the
 * search's result and whether the search restarts when it stalls; for a
 * first step of a large event, whether it stops at its first schedule
 * (`whole` from FIRST_SCHEDULE_FROM placements, `times-then-rooms` when
 * chosen by size: the hard-rules pass only).
 */
export type PlannedStep = StepPlan & {
  readonly step: StepName;
  readonly when: Condition;
  readonly why: string;
  readonly share?: number;
};

/** What the choice depends on. */
export type PlanFacts = {
  /** Candidate placements of the whole model. */
  readonly placements: number;
  readonly model: ModelChoice;
  /** Lightning talks beside other items (steps/staged.ts worthStaging). */
  readonly staging: boolean;
  readonly allowPartial: boolean;
  /** The direct checks already prove that some item cannot be placed. */
  readonly directlyImpossible: boolean;
};

export function choosePlan(f: PlanFacts): readonly PlannedStep[] {
  // (The whole model gets WHOLE_SHARE of the time when it comes first, so that the search after it has most.)
  if (f.directlyImpossible) {
    return f.allowPartial ? [{ step: 'partial', when: 'always', why: 'the direct checks show that not every item can be placed; --allow-partial places the most that can' }] : [];
  }
  const wholeFits = f.model === 'whole' || f.placements <= MAX_WHOLE_PLACEMENTS;
  const plan: PlannedStep[] = [];
  if (f.model === 'two-stage' || (f.model === 'auto' && f.placements >= TWO_STAGE_FROM)) {
    plan.push({
      step: 'times-then-rooms',
      when: 'always',
      why: f.model === 'two-stage' ? '--model two-stage' : `${f.placements} candidate placements: from ${TWO_STAGE_FROM} on, times are solved before rooms`,
      // Chosen by size, its first schedule is what the search needs; asked for, it also solves for the objective (and a proof).
      ...(f.model === 'two-stage' ? {} : { firstSchedule: true }),
    });
  } else if (f.staging) {
    plan.push({ step: 'staged', when: 'always', why: 'lightning talks beside other items: the core first, then the talks around it, proven optimal when the two meet' });
  }
  if (wholeFits) {
    const first = plan.length === 0;
    plan.push({
      step: 'whole',
      when: first ? 'always' : 'no-schedule',
      why: first ? `${f.placements} candidate placements: every item, room and start at once` : 'the step before found no schedule',
      // When it is the first step, WHOLE_SHARE of the time (more only until it has a schedule): the search gets the rest.
      ...(first ? { share: WHOLE_SHARE, ...(f.placements >= FIRST_SCHEDULE_FROM ? { firstSchedule: true } : {}) } : {}),
    });
  }
  // The whole model after the search only below TWO_STAGE_FROM (or when asked for): above it, on the regional instance at 30 s, it
  // took half the time and found nothing better, while the search was still finding better schedules (6,378 at its end; 5,245
  // and 5,523 with the whole time).
  const wholeAfter = wholeFits && (f.model === 'whole' || f.placements < TWO_STAGE_FROM);
  // After the whole model as the first step, the search keeps the time (the step says so: improve.ts).
  const wholeFirst = plan[0]?.step === 'whole';
  // Where the first step stops at its first schedule (a large event), the search has the time to the limit: it restarts
  // when it stalls rather than ending early (see improve.ts RESTART_ITEMS for the measurements).
  const restarts = plan[0]?.firstSchedule === true;
  plan.push({
    step: 'improve',
    when: 'not-proven',
    why:
      'the schedule found is not proven optimal: a large-neighbourhood search from it' +
      (wholeAfter && !wholeFirst ? ', then the whole model from its result' : restarts ? ', restarted from a perturbed schedule whenever it stalls, until the time limit' : ''),
    wholeAfter,
    ...(restarts ? { restarts } : {}),
  });
  if (f.allowPartial) plan.push({ step: 'partial', when: 'impossible', why: '--allow-partial: the most items that fit' });
  else if (wholeFits) plan.push({ step: 'diagnose', when: 'impossible', why: 'no schedule exists: find the fewest items or rules that must give' });
  return plan;
}
