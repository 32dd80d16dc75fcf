/**
 * The elastic model (model/elastic.ts) as two steps, for when not every
 * item fits:
 * - partial: as many items as possible, then the usual objective; the
 *   schedule of those that fit, each item left out with its reason;
 * - diagnose: items and the room and speaker rules may give; the fewest
 *   that must, named in the committee's terms.
 */
import type { Finding } from '../../check/diagnose.js';
import { buildModel, type BuiltModel } from '../../model/build.js';
import type { Elasticity } from '../../model/elastic.js';
import { totalCost } from '../../model/goals/objective.js';
import { leftOut, scheduleOf } from '../../model/solution.js';
import type { SolveResult } from '../../solve/index.js';
import { rulesThatGive, whyLeftOut } from '../partial.js';
import { solveOptions, type Step, type StepRequest } from '../step.js';

async function solveElastic(request: StepRequest, elastic: Elasticity): Promise<{ model: BuiltModel; result: SolveResult } | null> {
  const built = buildModel(request.ctx, { objective: request.objective, elastic, meter: request.meter });
  if (!built.ok) return null;
  return { model: built.model, result: await request.solver(built.model.mip, solveOptions(request, null)) };
}

export const partialStep: Step = async (request) => {
  const elastic = await solveElastic(request, 'items');
  if (!elastic) return { kind: 'failed', message: 'the elastic model could not be built' };
  const { model, result } = elastic;
  if (result.status === 'timedout') return { kind: 'timedout' };
  if (result.status !== 'optimal' && result.status !== 'feasible') return { kind: 'failed', message: `the ${result.backend} solver failed on the elastic model` };
  const schedule = scheduleOf(model, result.values);
  const unscheduled = whyLeftOut(request.ctx, schedule, leftOut(model, result.values), model);
  // An elastic solve's bound counts left-out items too: it bounds the plain model only when none is left out.
  return {
    kind: 'found',
    schedule,
    cost: totalCost(request.ctx, request.objective, schedule),
    bound: unscheduled.length > 0 ? null : result.bound,
    proven: result.status === 'optimal',
    model,
    backend: result.backend,
    unscheduled,
  };
};

/** The fewest items to leave out, or rooms and speakers (per day) to overbook, so that everything else fits. */
export const diagnoseStep: Step = async (request) => {
  if (request.left() < 2) return { kind: 'none', why: 'no time left for the diagnosis' };
  const elastic = await solveElastic(request, 'items-and-rules');
  if (!elastic || (elastic.result.status !== 'optimal' && elastic.result.status !== 'feasible')) return { kind: 'none', why: 'the diagnosis found nothing in time' };
  const { model, result } = elastic;
  const items = whyLeftOut(request.ctx, scheduleOf(model, result.values), leftOut(model, result.values), model).map(
    (u): Finding => ({ check: 'must-give', ids: [u.item], message: u.reason }),
  );
  const findings = [...items, ...rulesThatGive(request.ctx, model, result.values)];
  return findings.length > 0 ? { kind: 'diagnosed', findings } : { kind: 'none', why: 'the diagnosis found nothing to give' };
};
