/**
 * staged: relax, then extend, an exact way to solve events with many
 * lightning talks quickly, with a certificate of optimality.
 *
 * 1. Solve the core: the event without its lightning talks. Dropping items
 *    drops variables, rows and (non-negative) goal costs, so the core is a
 *    relaxation: its optimum is a lower bound on the whole event's.
 * 2. Extend: solve the whole model with the core placements fixed. Only the
 *    lightning talks move; the clash rows against fixed items collapse into
 *    plain costs, and the model is almost an assignment problem.
 * 3. If the extension costs no more than the core's proven optimum, the
 *    schedule is proven optimal for the whole event.
 * 4. Otherwise, prove it on a larger relaxation: the core plus the lightning
 *    talks that share a speaker with a core item, with every talk of their
 *    country (or of the regional initiatives), so that no link of a group is
 *    cut. That is where a talk's cost meets the rest of the program (on the
 *    example, Mexico's talks against their speakers' days). Solved from the
 *    extension's schedule; if its optimum is the extension's cost, that
 *    schedule is proven optimal.
 *
 * Every relaxation is a part of the event (partOf): fewer items, fewer rows,
 * costs that only fall when items are left out, so its optimum bounds the
 * whole event's. When the core cannot be solved the step gives up (the
 * whole model is the next step); an unproven schedule is left to `improve`.
 */
import type { Schedule } from '../../domain/types.js';
import { buildModel, type BuiltModel } from '../../model/build.js';
import { partOf, type Context } from '../../model/context.js';
import { totalCost } from '../../model/goals/objective.js';
import { lightningGroups } from '../../model/goals/lightning.js';
import { fixColumns, type ReducedModel } from '../../model/mip.js';
import { initialValues, scheduleOf } from '../../model/solution.js';
import { baselineStart, solveOptions, type Step, type StepRequest } from '../step.js';

/** Whether staging can help: some lightning talks, and something else. */
export function worthStaging(ctx: Context): boolean {
  const formats = new Set([...ctx.items.values()].map((i) => i.format));
  return formats.has('lightning') && formats.size > 1;
}

export const stagedStep: Step = async (request) => {
  const { ctx, objective } = request;
  const coreCtx = partOf(ctx, (i) => i.format !== 'lightning');
  const core = buildModel(coreCtx, { objective, meter: request.meter });
  if (!core.ok) return { kind: 'none', why: 'the core could not be built' };
  const solvingCore = request.solver(core.model.mip, solveOptions(request, baselineStart(request, core.model)));
  // The core is solved in a worker: build the whole model meanwhile.
  const whole = request.models.whole();
  const coreResult = await solvingCore;
  // A relaxation with no solution: none for the whole event.
  if (coreResult.status === 'infeasible') return { kind: 'infeasible' };
  if (!whole) return { kind: 'failed', message: 'the whole model could not be built' };
  if (coreResult.status !== 'optimal' && coreResult.status !== 'feasible') return { kind: 'none', why: `the core was not solved (${coreResult.status})` };

  const coreSchedule = scheduleOf(core.model, coreResult.values);
  const lowerBound = coreResult.status === 'optimal' ? totalCost(coreCtx, objective, coreSchedule) : coreResult.bound;
  const fixed = fixPlacements(whole, coreSchedule);
  const reduced = await request.solver(fixed.mip, solveOptions(request, null));
  if (reduced.status !== 'optimal' && reduced.status !== 'feasible') return { kind: 'none', why: `the extension was not solved (${reduced.status})`, bound: lowerBound };
  const schedule = scheduleOf(whole, fixed.expand(reduced.values));
  const total = totalCost(ctx, objective, schedule);
  const found = (proven: boolean, bound: number | null) => ({ kind: 'found', schedule, cost: total, bound, proven, model: whole, backend: reduced.backend }) as const;
  if (coreResult.status === 'optimal' && lowerBound !== null && total <= lowerBound + 1e-9) return found(true, total);

  let bound = lowerBound;
  const touched = touchingTalks(ctx, coreCtx);
  if (touched && request.left() >= 2) {
    const part = await solvePart(partOf(ctx, (i) => i.format !== 'lightning' || touched.has(i.id)), schedule, request);
    if (part !== null && part.bound >= total - 1e-9) return found(true, total);
    if (part !== null) bound = Math.max(bound ?? -Infinity, part.bound);
  }
  return found(false, bound);
};

/**
 * The lightning talks that share a speaker with an item of the core, with
 * the other talks of their groups; null when that is none of them or all of
 * them (then the part would be the core or the whole event).
 */
function touchingTalks(ctx: Context, coreCtx: Context): ReadonlySet<string> | null {
  const coreSpeakers = new Set([...coreCtx.items.values()].flatMap((i) => i.speakers));
  const talks = [...ctx.items.values()].filter((i) => i.format === 'lightning');
  const touched = new Set(talks.filter((i) => i.speakers.some((s) => coreSpeakers.has(s))).map((i) => i.id));
  const { countries, regional } = lightningGroups(ctx);
  for (const group of [...countries, regional]) {
    if (group.some((i) => touched.has(i.id))) for (const i of group) touched.add(i.id);
  }
  return touched.size === 0 || touched.size === talks.length ? null : touched;
}

/**
 * The lower bound a part of the event proves, solved from a known schedule
 * (not without one: solved cold, such a part took longer than the whole
 * model) in a quarter of the time left at most (when the part cannot settle
 * it, the whole model must); null when it proves nothing.
 */
async function solvePart(part: Context, schedule: Schedule, request: StepRequest): Promise<{ bound: number } | null> {
  const built = buildModel(part, { objective: request.objective, meter: request.meter });
  if (!built.ok) return null;
  const start = initialValues(built.model, schedule.filter((a) => part.items.has(a.item)));
  if (!start) return null;
  const r = await request.solver(built.model.mip, solveOptions(request, start, (request.left() * 3) / 4));
  if (r.status === 'optimal') return { bound: totalCost(part, request.objective, scheduleOf(built.model, r.values)) };
  // With whole costs only, a bound of 460.2 proves 461.
  if (r.status === 'feasible' && r.bound !== null) return { bound: built.model.mip.integralObjective ? Math.ceil(r.bound - 1e-6) : r.bound };
  return null;
}

/** The whole model with every non-lightning placement fixed (chosen ones to 1, the rest to 0) and taken out. */
function fixPlacements(whole: BuiltModel, coreSchedule: Schedule): ReducedModel {
  const key = (a: { item: string; room: string; date: string; start: number }) => `${a.item}\u0000${a.room}\u0000${a.date}\u0000${a.start}`;
  const chosen = new Set(coreSchedule.map(key));
  const coreItems = new Set(coreSchedule.map((a) => a.item));
  return fixColumns(whole.mip, (i) => {
    const p = whole.placements[i];
    if (!p || !coreItems.has(p.item)) return null;
    return chosen.has(key(p)) ? 1 : 0;
  });
}
