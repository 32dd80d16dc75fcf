/**
 * Relax, then extend: an exact way to solve events with many lightning talks
 * quickly, with a certificate of optimality.
 *
 * 1. Solve the core: the event without its lightning talks. Dropping items
 *    drops variables, rows and (non-negative) clash costs, so the core is a
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
 * 5. Otherwise the whole model is solved from that schedule as a warm start,
 *    keeping the best bound found.
 *
 * Every relaxation is a part of the event (partOf): fewer items, fewer rows,
 * costs that only fall when items are left out, so its optimum bounds the
 * whole event's.
 * Any stage that fails or runs out of time falls back to the whole model.
 */
import type { Schedule } from '../domain/types.js';
import { buildModel, decode, initialValues, type BuildOptions, type BuiltModel } from '../model/build.js';
import { partOf, type Context } from '../model/context.js';
import { lightningGroups } from '../model/objectives/lightning.js';
import { fixColumns, type ReducedModel } from '../model/mip.js';
import type { Backend, Progress, SolveOptions, SolveResult, Solver } from '../solve/index.js';

export type StagedRequest = {
  readonly backend: Backend;
  readonly timeLimitSeconds: number;
  readonly now: () => number;
  readonly solver: Solver;
  readonly onProgress?: (p: Progress) => void;
  /** The whole objective of a schedule, by our own code (clashes, and moves when there is a baseline). */
  readonly score: (ctx: Context, schedule: Schedule) => number;
  readonly buildOptions?: BuildOptions;
  /** A known schedule to start a model from, when it is valid for it. */
  readonly initialFor?: (model: BuiltModel) => Float64Array | null;
};


/**
 * The clock of one staged run: the seconds left of its limit, and the
 * options of each solver call in it, which never asks for less than a second
 * (`keep`: seconds to leave for what comes after).
 */
export function stageClock(request: Pick<StagedRequest, 'backend' | 'timeLimitSeconds' | 'now' | 'onProgress'>): {
  readonly left: () => number;
  readonly options: (initial: Float64Array | null, keep?: number) => SolveOptions;
} {
  const started = request.now();
  const left = () => request.timeLimitSeconds - (request.now() - started) / 1000;
  return {
    left,
    options: (initial, keep = 0) => ({
      backend: request.backend,
      timeLimitSeconds: Math.max(1, left() - keep),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      ...(initial ? { initial } : {}),
    }),
  };
}

/** A solution with a lower bound proven elsewhere: the better of the two bounds. */
export function withBound(r: SolveResult, bound: number | null): SolveResult {
  if ((r.status !== 'optimal' && r.status !== 'feasible') || bound === null) return r;
  return { ...r, bound: r.bound === null ? bound : Math.max(r.bound, bound) };
}

/** Whether staging can help: some lightning talks, and something else. */
export function worthStaging(ctx: Context): boolean {
  const formats = new Set([...ctx.items.values()].map((i) => i.format));
  return formats.has('lightning') && formats.size > 1;
}

/**
 * `buildWhole` builds the whole model (null when it cannot be built); it is
 * called while the core is being solved, so that building overlaps solving.
 * The model returned is the one `result.values` are for (null only when the
 * whole model could not be built and the core settled nothing).
 */
export async function solveInStages(
  ctx: Context,
  buildWhole: () => BuiltModel | null,
  request: StagedRequest,
): Promise<{ readonly model: BuiltModel | null; readonly result: SolveResult }> {
  const { left, options: solveOptions } = stageClock(request);
  const options = (extra: { initial?: Float64Array } = {}) => solveOptions(extra.initial ?? null);
  const unbuilt: SolveResult = { status: 'error', message: 'the whole model could not be built', backend: request.backend, seconds: 0 };
  const wholeSolve = async (whole: BuiltModel | null, initial?: Float64Array | null, bound: number | null = null) => ({
    model: whole,
    result: whole ? withBound(await request.solver(whole.mip, options(initial ? { initial } : {})), bound) : unbuilt,
  });

  const coreCtx = partOf(ctx, (i) => i.format !== 'lightning');
  const core = buildModel(coreCtx, request.buildOptions);
  if (!core.ok) {
    const whole = buildWhole();
    return wholeSolve(whole, whole && request.initialFor?.(whole));
  }
  const coreStart = request.initialFor?.(core.model);
  const solvingCore = request.solver(core.model.mip, options(coreStart ? { initial: coreStart } : {}));
  // The core is solved in a worker: build the whole model meanwhile.
  const whole = buildWhole();
  const coreResult = await solvingCore;
  if (coreResult.status === 'infeasible') return { model: whole, result: coreResult }; // a relaxation with no solution: none for the whole event
  if (!whole) return { model: null, result: unbuilt };
  const wholeStart = request.initialFor?.(whole) ?? undefined;
  if (coreResult.status !== 'optimal' && coreResult.status !== 'feasible') return wholeSolve(whole, wholeStart);

  const coreSchedule = decode(core.model, coreResult.values);
  const lowerBound = coreResult.status === 'optimal' ? request.score(coreCtx, coreSchedule) : coreResult.bound;
  const fixed = fixPlacements(whole, coreSchedule);
  const reduced = await request.solver(fixed.mip, options());
  if (reduced.status !== 'optimal' && reduced.status !== 'feasible') return wholeSolve(whole, wholeStart, lowerBound);
  const extension = { ...reduced, values: fixed.expand(reduced.values) };

  const total = request.score(ctx, decode(whole, extension.values));
  if (coreResult.status === 'optimal' && lowerBound !== null && total <= lowerBound + 1e-9) {
    return { model: whole, result: { ...extension, status: 'optimal', objective: total, bound: total } };
  }
  let bound = lowerBound;
  const touched = touchingTalks(ctx, coreCtx);
  if (touched && left() >= 2) {
    // A quarter of the time left at most: when the part cannot settle it, the whole model must.
    const partOptions = (initial: Float64Array) => solveOptions(initial, (left() * 3) / 4);
    const part = await solvePart(partOf(ctx, (i) => i.format !== 'lightning' || touched.has(i.id)), decode(whole, extension.values), request, partOptions);
    if (part !== null && part.bound >= total - 1e-9) return { model: whole, result: { ...extension, status: 'optimal', objective: total, bound: total } };
    if (part !== null) bound = Math.max(bound ?? -Infinity, part.bound);
  }
  const found: SolveResult = { ...extension, status: 'feasible', objective: total, bound };
  if (left() < 1) return { model: whole, result: found };
  const improved = await wholeSolve(whole, extension.values, bound);
  return improved.result.status === 'optimal' || improved.result.status === 'feasible' ? improved : { model: whole, result: found };
}

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
 * model); null when it proves nothing.
 */
async function solvePart(
  part: Context,
  schedule: Schedule,
  request: StagedRequest,
  options: (initial: Float64Array) => SolveOptions,
): Promise<{ bound: number } | null> {
  const built = buildModel(part, request.buildOptions);
  if (!built.ok) return null;
  const start = initialValues(built.model, schedule.filter((a) => part.items.has(a.item)));
  if (!start) return null;
  const r = await request.solver(built.model.mip, options(start));
  if (r.status === 'optimal') return { bound: request.score(part, decode(built.model, r.values)) };
  // With whole costs only, a bound of 460.2 proves 461.
  if (r.status === 'feasible' && r.bound !== null) return { bound: built.model.mip.integralObjective ? Math.ceil(r.bound - 1e-6) : r.bound };
  return null;
}

/** The whole model with every non-lightning placement fixed (chosen ones to 1, the rest to 0) and taken out. */
function fixPlacements(whole: BuiltModel, coreSchedule: Schedule): ReducedModel {
  const chosen = new Set(coreSchedule.map((a) => `${a.item}\u0000${a.room}\u0000${a.date}\u0000${a.start}`));
  const coreItems = new Set(coreSchedule.map((a) => a.item));
  return fixColumns(whole.mip, (i) => {
    const p = whole.placements[i];
    if (!p || !coreItems.has(p.item)) return null;
    return chosen.has(`${p.item}\u0000${p.room}\u0000${p.date}\u0000${p.start}`) ? 1 : 0;
  });
}
