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
 *    example, Mexico's talks against their speakers' days). It needs nothing
 *    from the extension, so it is solved beside it (the other core), from
 *    the core's schedule extended over its own talks; if its optimum is the
 *    extension's cost, that schedule is proven optimal. Later parts add the
 *    talks that cost something in the best schedule so far, and are solved
 *    from it.
 *
 * Every relaxation is a part of the event (partOf): fewer items, fewer rows,
 * costs that only fall when items are left out, so its optimum bounds the
 * whole event's. When the core cannot be solved the step gives up (the
 * whole model is the next step); an unproven schedule is left to `improve`.
 */
import type { Schedule } from '../../domain/types.js';
import { buildModel, type BuiltModel } from '../../model/build.js';
import { partOf, type Context } from '../../model/context.js';
import { totalCost, type Objective } from '../../model/goals/objective.js';
import { scoreThemeClashes } from '../../model/goals/theme-clash.js';
import { lightningGroups } from '../../model/goals/lightning.js';
import { fixColumns, mergeGroupRows, type ReducedModel } from '../../model/mip.js';
import { initialValues, scheduleOf } from '../../model/solution.js';
import { canonicalRooms } from '../../model/symmetry.js';
import { linkedAbort } from '../../solve/abort.js';
import { baselineStart, provenBound, solveOptions, type Step, type StepRequest } from '../step.js';

/** Whether staging can help: some lightning talks, and something else. */
export function worthStaging(ctx: Context): boolean {
  const formats = new Set([...ctx.items.values()].map((i) => i.format));
  return formats.has('lightning') && formats.size > 1;
}

export const stagedStep: Step = async (request) => {
  const { ctx, objective } = request;
  // What the search for a proof leaves to the improvement step after it, when it does not end in one.
  const reserve = request.left() * IMPROVE_SHARE;
  const coreCtx = partOf(ctx, (i) => i.format !== 'lightning');
  const core = buildModel(coreCtx, { objective, meter: request.meter });
  if (!core.ok) return { kind: 'none', why: 'the core could not be built' };
  // A quarter of the time at most, and a node budget: a core that cannot be proven quickly leaves time to extend and improve.
  const solvingCore = request.solver(core.model.mip, { ...solveOptions(request, baselineStart(request, core.model), (request.left() * 3) / 4), nodeLimit: CORE_NODES });
  // The core is solved in a worker: build the whole model meanwhile.
  const whole = request.models.whole();
  const coreResult = await solvingCore;
  // A relaxation with no solution: none for the whole event.
  if (coreResult.status === 'infeasible') return { kind: 'infeasible' };
  if (!whole) return { kind: 'failed', message: 'the whole model could not be built' };
  if (coreResult.status !== 'optimal' && coreResult.status !== 'feasible') return { kind: 'none', why: `the core was not solved (${coreResult.status})` };

  const coreSchedule = scheduleOf(core.model, coreResult.values);
  const lowerBound = coreResult.status === 'optimal' ? totalCost(coreCtx, objective, coreSchedule) : provenBound(core.model, coreResult.bound);
  // Larger parts: the core plus the talks that meet it (a shared speaker), then also those that cost
  // something in the best schedule so far, with their groups. A part's optimum bounds the event; its
  // schedule, extended by the other talks, may meet that bound. The first is solved beside the extension,
  // and stopped when the extension alone is proven.
  const talks = new Set<string>(touchingTalks(ctx, coreCtx));
  withGroups(ctx, talks);
  const partFor = () => partOf(ctx, (i) => i.format !== 'lightning' || talks.has(i.id));
  const worthPart = () => talks.size > 0 && talks.size < lightningCount(ctx) && request.left() - reserve >= 2;
  // The extension is sent to its worker first; the first part's model is built meanwhile.
  const extending = extend(request, whole, coreSchedule);
  const aside = linkedAbort(request.signal);
  const firstPart = worthPart() ? solveFirstPart(partFor(), coreSchedule, request, reserve, aside.signal) : null;
  const first = await extending;
  if (first) request.onSchedule?.(first.cost);
  const provenByCore = first !== null && coreResult.status === 'optimal' && lowerBound !== null && first.cost <= lowerBound + 1e-9;
  if (!first || provenByCore) aside.abort();
  let part = await firstPart;
  aside.release();
  if (!first) return { kind: 'none', why: 'the extension was not solved', bound: lowerBound };
  let best = first;
  const found = (proven: boolean, bound: number | null) => ({ kind: 'found', schedule: best.schedule, cost: best.cost, bound, proven, model: whole, backend: request.backend }) as const;
  if (provenByCore) return found(true, best.cost);

  let bound = lowerBound;
  for (let round = 0; round < MAX_PART_ROUNDS; round++) {
    if (round > 0 || firstPart === null) {
      const before = talks.size;
      for (const id of costlyTalks(ctx, objective, best.schedule)) talks.add(id);
      withGroups(ctx, talks);
      if (!worthPart() || (round > 0 && talks.size === before)) break;
      part = await solvePart(partFor(), best.schedule, request, reserve);
    }
    if (part === null) break;
    if (part.bound >= best.cost - 1e-9) return found(true, best.cost);
    bound = Math.max(bound ?? -Infinity, part.bound);
    if (part.schedule === null) break;
    const next = await extend(request, whole, part.schedule);
    if (next && next.cost < best.cost) {
      best = next;
      request.onSchedule?.(best.cost);
    }
    if (best.cost <= bound + 1e-9) return found(true, best.cost);
  }
  return found(false, bound);
};

/** Rounds of ever larger parts before the whole model takes over. */
const MAX_PART_ROUNDS = 3;
/** The share of the time limit the part rounds leave to the improvement step. */
const IMPROVE_SHARE = 0.4;

/**
 * Branch-and-bound nodes at most for an extension and for a part: a budget
 * that ends the same way on every machine (a time limit would not), so that
 * the same inputs give the same schedule. An extension is for a good
 * schedule, not a proof; a part that runs out proves only its bound.
 */
const EXTENSION_NODES = 200;
const CORE_NODES = 5_000;
const PART_NODES = 5_000;

/** The whole model with the items of `fixed` where that schedule has them, solved for the rest; null when it finds nothing. */
async function extend(request: StepRequest, whole: BuiltModel, fixed: Schedule): Promise<{ schedule: Schedule; cost: number } | null> {
  const schedule = await extendIn(request, whole, fixed);
  return schedule && { schedule, cost: totalCost(request.ctx, request.objective, schedule) };
}

/** A model (the whole event's or a part's) with the items of `fixed` where that schedule has them, solved for the rest. */
async function extendIn(request: StepRequest, model: BuiltModel, fixed: Schedule, signal?: AbortSignal): Promise<Schedule | null> {
  // In the model's one labelling of identical rooms (another model may label them otherwise).
  const reduced = fixPlacements(model, canonicalRooms(fixed, model.roomClasses));
  const r = await request.solver(reduced.mip, { ...solveOptions(request, null), nodeLimit: EXTENSION_NODES, ...(signal ? { signal } : {}) });
  if (r.status !== 'optimal' && r.status !== 'feasible') return null;
  return scheduleOf(model, reduced.expand(r.values));
}

/** The lightning talks that cost something in a schedule: in any occurrence of a goal, or in a theme clash. */
function costlyTalks(ctx: Context, objective: Objective, schedule: Schedule): readonly string[] {
  const ids = new Set<string>();
  for (const { goal, weight } of objective.goals) {
    if (weight === 0) continue;
    for (const o of goal.score(ctx, schedule).occurrences) for (const id of o.items) ids.add(id);
  }
  for (const c of scoreThemeClashes(ctx, schedule)) ids.add(c.a).add(c.b);
  return [...ids].filter((id) => ctx.items.get(id)?.format === 'lightning');
}

const lightningCount = (ctx: Context) => [...ctx.items.values()].filter((i) => i.format === 'lightning').length;

/** Adds to `talks` every talk of the groups (countries, regional initiatives) they belong to, so that no link of a group is cut. */
function withGroups(ctx: Context, talks: Set<string>): void {
  const { countries, regional } = lightningGroups(ctx);
  for (const group of [...countries, regional]) {
    if (group.some((i) => talks.has(i.id))) for (const i of group) talks.add(i.id);
  }
}

/** The lightning talks that share a speaker with an item of the core. */
function touchingTalks(ctx: Context, coreCtx: Context): readonly string[] {
  const coreSpeakers = new Set([...coreCtx.items.values()].flatMap((i) => i.speakers));
  return [...ctx.items.values()].filter((i) => i.format === 'lightning' && i.speakers.some((s) => coreSpeakers.has(s))).map((i) => i.id);
}

/**
 * The lower bound a part of the event proves, and its optimal schedule when
 * it is proven; solved from a known schedule (not without one: solved cold,
 * such a part took longer than the whole model) in a quarter of the time
 * left at most, and never in the time kept for the improvement step (when
 * the part cannot settle it, the search must); null
 * when it proves nothing.
 */
async function solvePart(part: Context, schedule: Schedule, request: StepRequest, reserve: number): Promise<PartResult | null> {
  const built = buildModel(part, { objective: request.objective, meter: request.meter });
  return built.ok ? solveBuiltPart(part, built.model, schedule, request, reserve) : null;
}

type PartResult = { readonly bound: number; readonly schedule: Schedule | null };

/** solvePart for the first part, from the core's schedule extended over the part's talks (the extension of the whole event is not there yet). */
async function solveFirstPart(part: Context, coreSchedule: Schedule, request: StepRequest, reserve: number, signal: AbortSignal): Promise<PartResult | null> {
  const built = buildModel(part, { objective: request.objective, meter: request.meter });
  if (!built.ok) return null;
  const start = await extendIn(request, built.model, coreSchedule, signal);
  return start && !signal.aborted ? solveBuiltPart(part, built.model, start, request, reserve, signal) : null;
}

/** solvePart on the part's model, built already. */
async function solveBuiltPart(part: Context, model: BuiltModel, schedule: Schedule, request: StepRequest, reserve: number, signal?: AbortSignal): Promise<PartResult | null> {
  const start = initialValues(model, schedule.filter((a) => part.items.has(a.item)));
  if (!start) return null;
  const r = await request.solver(model.mip, { ...solveOptions(request, start, Math.max((request.left() * 3) / 4, reserve)), nodeLimit: PART_NODES, ...(signal ? { signal } : {}) });
  if (r.status === 'optimal') {
    const found = scheduleOf(model, r.values);
    return { bound: totalCost(part, request.objective, found), schedule: found };
  }
  const bound = r.status === 'feasible' ? provenBound(model, r.bound) : null;
  return bound === null ? null : { bound, schedule: null };
}

/**
 * The whole model with the placements of the schedule's items fixed (chosen
 * ones to 1, the rest to 0) and taken out; the rows that leaves between a
 * penalty and one free item's placements merged (an item is placed once).
 */
function fixPlacements(whole: BuiltModel, fixed: Schedule): ReducedModel {
  const key = (a: { item: string; room: string; date: string; start: number }) => `${a.item}\u0000${a.room}\u0000${a.date}\u0000${a.start}`;
  const chosen = new Set(fixed.map(key));
  const items = new Set(fixed.map((a) => a.item));
  const reduced = fixColumns(whole.mip, (i) => {
    const p = whole.placements[i];
    if (!p || !items.has(p.item)) return null;
    return chosen.has(key(p)) ? 1 : 0;
  });
  const itemOf = (k: number) => whole.placements[reduced.kept[k]!]?.item ?? null;
  return { ...reduced, mip: mergeGroupRows(reduced.mip, itemOf) };
}
