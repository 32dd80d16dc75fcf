/**
 * improve: from the best schedule so far, a large-neighbourhood search, then
 * (when the plan asks for it, below 12,000 placements, and no earlier step has solved it)
 * the whole model from its result, which may prove it optimal.
 *
 * Each round frees a neighbourhood (the items that cost something, a
 * program window, a day, a room's day, or items drawn at random) and solves
 * it exactly with every other item where it is (model/build.ts
 * Neighbourhood), from the current schedule; two rounds at a time, on
 * different items, each in its own worker (WIDTH). A result that costs less by
 * convene's own score and passes the checker is kept; one that costs the
 * same with some item elsewhere, on a seeded draw (a sideways move, so that
 * the search does not circle one schedule on a plateau). Each kind of
 * neighbourhood has its own size, which grows after a round solved to
 * optimality within its budget and shrinks after one that ran out of it
 * (one size for all kept shrinking on the window rounds' account). When
 * rounds stop finding better schedules, they get more time (LEVELS), and
 * after that the search ends; or, when the plan asks for restarts (large
 * events, whose runs end at the limit anyway), it restarts: a few items
 * drawn at random must leave their times (a forced move, kept whatever it
 * costs), and the search goes on from there, keeping the best schedule
 * seen. The draws are seeded: with the same seed and inputs, and no round
 * or the run stopped by the clock, the result is the same on every
 * machine; a round stopped by its budget, or the run by its limit, makes
 * it depend on the machine's speed.
 */
import { checkSchedule } from '../../check/check.js';
import type { Schedule } from '../../domain/types.js';
import { buildModel, type BuiltModel, type Neighbourhood } from '../../model/build.js';
import type { Context } from '../../model/context.js';
import { moveKind } from '../../model/goals/moves.js';
import { totalCost, type Objective } from '../../model/goals/objective.js';
import { scoreThemeClashes } from '../../model/goals/theme-clash.js';
import { initialValues, scheduleOf } from '../../model/solution.js';
import { seededRandom } from '../../domain/random.js';
import type { SolveResult } from '../../solve/index.js';
import { heapGuard } from '../heap.js';
import { resultOf, solveOptions, withBound, type Step, type StepRequest } from '../step.js';

/**
 * Rounds in a row without a better schedule after which the search gives
 * each round more (LEVELS times: twice the seconds and four times the
 * nodes each time), and after that ends (on its own, so that its result
 * does not depend on the clock) or restarts. Measured 2026-12-07, regional
 * with `--time-limit 300`: without more levels the search ended at 73.5 s
 * with 5,233; with three, at 213 s with 4,768 (5,225, 5,115 and 4,798 at
 * each level's start).
 */
const STALL_ROUNDS = 24;
const LEVELS = 3;
/**
 * The items a restart makes leave their times (drawn at random, each to
 * another start anywhere; the round's budget and nodes of the first
 * level). Measured 2026-12-07, regional with `--time-limit 300`, seeds
 * "convene", b and c: without restarts the search ended on its own at
 * 121 s with 4,662, at 225 s with 4,541 and at 244 s with 4,654; with
 * restarts of 8 items it ran to the limit and ended at 4,290, 4,360 (two
 * restarts) and 4,570, and in a fourth run 4,998 (seed "convene" again,
 * whose search was at 5,112 by 48 s: runs of one seed spread that wide);
 * with 16, 4,413 (seed "convene"). Runs of 30 s and 60 s stall too rarely
 * for a restart to come.
 */
const RESTART_ITEMS = 8;
/**
 * Seconds at most for one neighbourhood, and branch-and-bound nodes at most
 * (the budget that ends the same way on every machine). Many short rounds
 * beat a few long ones: measured 2026-12-06 (festival at 10 s, regional at
 * 30 s, national at 60 s), 4 s rounds gave 46,875, 7,264 and 19,771; 1 s
 * rounds 35,974, 7,080 and 17,355; 0.5 s rounds 32,054, 6,098 and 16,662.
 */
const ROUND_SECONDS = 0.5;
const ROUND_NODES = 1_000;
/**
 * The search starts no round with less time than this left: a round's
 * solve is given at least ROUND_SECONDS and stops 0.3 s before it (see
 * highs.ts), and the run's check and writing follow. Measured 2026-12-07,
 * festival at 10 s, seeds a to e: ending with 1 s left gave 21,749-25,648
 * (median 24,237), with 0.5 s 20,084-26,515 (median 22,148), the command
 * ending at 10.05-10.19 s. Rounds of 0.4 s and 0.6 s with it: medians
 * 23,572 and 23,780.
 */
const LAST_ROUND_SECONDS = 0.5;
/**
 * A kind's neighbourhood grows after a round solved to optimality within
 * this share of its budget (HiGHS stops 0.3 s before the budget, so with
 * 0.5 s that is 0.08 s of its 0.2). Measured 2026-12-07, seeds a to e
 * (festival at 10 s) and a to c (regional at 30 s): a third gave
 * 22,923-26,425 and 5,241-5,490, a sixth 21,935-25,771 and 4,867-5,486,
 * a tenth 21,022-25,902 (festival).
 */
const GROW_WITHIN = 1 / 6;
/**
 * The chance that a round's schedule as good as the current one, with some
 * item elsewhere, replaces it (a sideways move across a plateau of equal
 * cost; it does not count as progress). Measured 2026-12-07, two runs
 * each at 10/30/60 s, never 0, half the time 0.5, always 1: festival
 * 26,239 and 26,239 / 26,207 and 26,239 / 29,112 and 26,207; regional
 * 4,982 and 5,320 / 5,260 and 5,302 / 5,021 and 5,196; national 16,939
 * and 17,260 / 16,714 and 17,032 / 16,645 and 15,442: within the runs'
 * spread either way.
 */
const SIDEWAYS = 0.5;
/**
 * Rounds solved at once, each in its own worker: the search's solves
 * leave the main thread idle most of the time, and a second core with
 * them. The rounds of a batch start from the same schedule and free
 * different items; one solved beside a round that changed the schedule
 * gives its freed items' new places, taken when the schedule they make
 * passes the checker and costs less (or as much, sideways). A fixed
 * number, not the machine's cores, so that results do not depend on them.
 * Measured 2026-12-07 on 2 cores, seeds a to c: against one round at a
 * time, festival at 10 s 20,620-21,762 rather than 22,112-25,038 and
 * regional at 30 s 5,004-5,196 rather than 5,289-5,343; three at a time,
 * 23,100-26,226 and 4,957-5,427 (two: 21,134-23,004 and 4,671-4,932).
 */
const WIDTH = 2;
/** The garbage the rounds may leave before it is collected (see heap.ts). */
const GARBAGE_BYTES = 256 * 2 ** 20;

export type Best = { readonly schedule: Schedule; readonly cost: number };

export const improveStep: Step = async (request) => {
  const incumbent = request.incumbent;
  if (!incumbent) return { kind: 'none', why: 'no schedule to improve' };
  // The whole model only when the plan solves it after the search (built once per run: free when an earlier step built it).
  const whole = request.plan?.wholeAfter === true && request.models.fits() ? request.models.whole() : null;
  // With a whole model to prove with, the search gets half the time; without (large events), or when an earlier step has
  // solved the whole model already (solving it again from scratch would only repeat that) or stopped it at its first
  // schedule (an event large enough that the search does more with the time), all of it.
  const prove = whole !== null && !request.wholeSolved;
  const until = prove ? request.left() / 2 : 0;
  const { best, restarts } = await search(request, incumbent, until);
  const searched = best.cost < incumbent.cost;
  // How many times the search restarted, in the step's outcome (report.md and report.json list it).
  const detail = restarts === 0 ? null : `after ${restarts} restart${restarts === 1 ? '' : 's'}`;
  if (!prove || request.left() < 1 || request.signal?.aborted || (request.bound !== null && best.cost <= request.bound + 1e-9)) {
    const proven = request.bound !== null && best.cost <= request.bound + 1e-9;
    if (!searched && !proven) return { kind: 'none', why: `no better schedule found${detail === null ? '' : ` (${detail})`}` };
    const model = whole ?? (await neighbourhoodModel(request.ctx, request.objective, best.schedule, new Set(), 'window', request));
    if (!model) return { kind: 'none', why: 'no model for the schedule found' };
    return { kind: 'found', schedule: best.schedule, cost: best.cost, bound: request.bound, proven, model, backend: request.backend, ...(detail === null ? {} : { detail }) };
  }
  const r = await request.solver(whole.mip, solveOptions(request, initialValues(whole, best.schedule)));
  const result = resultOf(request, whole, withBound(r, request.bound), (values) => scheduleOf(whole, values));
  if (result.kind === 'found' && result.cost <= best.cost) return result;
  // The whole model ended without anything better: the search's schedule stands, with the whole model's bound.
  const bound = result.kind === 'found' ? result.bound : request.bound;
  return { kind: 'found', schedule: best.schedule, cost: best.cost, bound, proven: false, model: whole, backend: request.backend };
};

/**
 * The large-neighbourhood search, until `until` seconds are left, the run is
 * stopped, it meets the bound, or (without restarts) it stalls. The best
 * schedule it has seen, and how many times it restarted.
 */
async function search(request: StepRequest, start: Best, until: number): Promise<{ best: Best; restarts: number }> {
  const { ctx, objective } = request;
  const random = seededRandom(request.seed).next;
  const ids = [...ctx.items.keys()].sort();
  // The schedule the rounds start from, and the best seen: they part after a restart.
  let current = start;
  let best = start;
  // Each kind of neighbourhood its own size: a program window's items are harder to re-solve than as many items of a day.
  const sizes = new Map<Kind, number>(KINDS.map((k) => [k, Math.min(ids.length, Math.max(4, Math.ceil(ids.length / 8)))]));
  let stall = 0;
  const guard = heapGuard(GARBAGE_BYTES);
  let level = 0;
  let restarts = 0;
  for (let round = 0; ; ) {
    let restart = false;
    if (stall >= STALL_ROUNDS) {
      if (level < LEVELS) level += 1;
      else if (request.plan?.restarts === true) {
        restart = true;
        level = 0;
      } else break;
      stall = 0;
    }
    if (request.signal?.aborted || request.left() - until < LAST_ROUND_SECONDS) break;
    if (request.bound !== null && best.cost <= request.bound + 1e-9) break;
    // The batch: a restart alone, or WIDTH rounds from the current schedule, each freeing items the ones before it do not.
    const batch: Round[] = [];
    const taken = new Set<string>();
    for (let k = 0; k < (restart ? 1 : WIDTH) && request.left() - until >= LAST_ROUND_SECONDS; k++, round++) {
      const kind = restart ? 'random' : KINDS[round % KINDS.length]!;
      const size = restart ? Math.min(ids.length, RESTART_ITEMS) : sizes.get(kind)!;
      const { free, within } = neighbourhood(ctx, objective, current.schedule, kind, size, random, taken);
      // Nothing left to free beside the batch's other rounds (a small event): not a round.
      if (free.size === 0 && k > 0) continue;
      const built = free.size === 0 ? null : buildModel(ctx, { objective, stage: { around: current.schedule, free, within, leave: restart }, meter: request.meter });
      if (!built?.ok) {
        stall += 1;
        continue;
      }
      for (const id of free) taken.add(id);
      const budget = Math.min(ROUND_SECONDS * 2 ** level, request.left() - until);
      // A restart counts when its round goes to the solver (not when the time ran out, or its model could not be built, first).
      if (restart) restarts += 1;
      const started = performance.now();
      // No solver progress from a round: its bound is the neighbourhood's, not the event's. The run hears of a schedule once it is kept.
      // A restart has no warm start: its freed items may not stay where they are.
      const { onProgress: _, ...options } = solveOptions(request, restart ? null : initialValues(built.model, current.schedule));
      const solving = request.solver(built.model.mip, { ...options, timeLimitSeconds: Math.max(0.5, budget), nodeLimit: ROUND_NODES * 4 ** level });
      batch.push({ kind, size, free, model: built.model, budget, restart, solved: solving.then((r) => ({ r, took: (performance.now() - started) / 1000 })) });
    }
    // While the workers solve: the garbage of earlier rounds, once there is enough of it.
    guard();
    const from = current;
    for (const { kind, size, free, model, budget, restart: forced, solved } of batch) {
      const { r, took } = await solved;
      // Grow after a neighbourhood solved well within its budget, shrink after one that was not (a restart's size is its own).
      if (!forced && r.status === 'optimal' && took < budget * GROW_WITHIN) sizes.set(kind, Math.min(ids.length, Math.ceil(size * 1.25)));
      else if (!forced && r.status !== 'optimal') sizes.set(kind, Math.max(3, Math.floor(size * 0.7)));
      stall += 1;
      if (r.status !== 'optimal' && r.status !== 'feasible') continue;
      // A round solved beside one that has changed the schedule since: its freed items' new places, in the schedule as it is now.
      const found = scheduleOf(model, r.values);
      const schedule = current === from ? found : withPlaces(current.schedule, found, free);
      const cost = totalCost(ctx, objective, schedule);
      // A restart's schedule is kept whatever it costs; a round's as move() says.
      const step = forced ? 'sideways' : move(current, { schedule, cost }, random);
      if (step === 'none' || checkSchedule(ctx, schedule).length > 0) continue;
      current = { schedule, cost };
      if (step === 'better') stall = 0;
      // Without restarts the current schedule is the best seen (as good, or better): the same schedule as before restarts came.
      if (cost <= best.cost + 1e-9) {
        const better = cost < best.cost - 1e-9;
        best = current;
        if (better) request.onSchedule?.(cost);
      }
    }
  }
  return { best, restarts };
}

/** A round sent to the solver, with what its result needs. */
type Round = {
  readonly kind: Kind;
  readonly size: number;
  readonly free: ReadonlySet<string>;
  readonly model: BuiltModel;
  readonly budget: number;
  readonly restart: boolean;
  readonly solved: Promise<{ readonly r: SolveResult; readonly took: number }>;
};

/** `schedule` with the items of `free` where `found` has them (a round's result, on a schedule changed since). */
export function withPlaces(schedule: Schedule, found: Schedule, free: ReadonlySet<string>): Schedule {
  const moved = new Map(found.filter((a) => free.has(a.item)).map((a) => [a.item, a]));
  return schedule.map((a) => moved.get(a.item) ?? a);
}

/**
 * What a round's schedule does to the search: `better` replaces the current
 * one and counts as progress; `sideways` (as good, some item elsewhere, on
 * a draw of SIDEWAYS) replaces it without counting; `none` leaves it. The
 * caller checks the schedule before taking it.
 */
export function move(current: Best, next: Best, random: () => number): 'better' | 'sideways' | 'none' {
  if (next.cost < current.cost - 1e-9) return 'better';
  if (next.cost > current.cost + 1e-9) return 'none';
  const from = new Map(current.schedule.map((x) => [x.item, x]));
  return next.schedule.some((y) => moveKind(from, y) !== null) && random() < SIDEWAYS ? 'sideways' : 'none';
}

const KINDS = ['costly', 'window', 'random', 'room', 'day'] as const;
type Kind = (typeof KINDS)[number];

/** The items a round frees (none of `taken`, freed by another round of its batch), and how far they may move. */
function neighbourhood(
  ctx: Context,
  objective: Objective,
  schedule: Schedule,
  kind: Kind,
  size: number,
  random: () => number,
  taken: ReadonlySet<string> = new Set(),
): Pick<Neighbourhood, 'free' | 'within'> {
  const pickFrom = (pool: readonly string[], n: number): ReadonlySet<string> => {
    const rest = pool.filter((id) => !taken.has(id));
    const out = new Set<string>();
    while (out.size < n && rest.length > 0) out.add(rest.splice(Math.floor(random() * rest.length), 1)[0]!);
    return out;
  };
  const ids = schedule.map((a) => a.item).sort();
  switch (kind) {
    case 'costly': {
      // The items of the costliest occurrences, and what runs beside them.
      const hit = new Set<string>();
      for (const { goal, weight } of objective.goals) {
        if (weight === 0) continue;
        for (const o of goal.score(ctx, schedule).occurrences) for (const id of o.items) hit.add(id);
      }
      for (const c of scoreThemeClashes(ctx, schedule)) hit.add(c.a).add(c.b);
      const core = pickFrom([...hit].sort(), size);
      const near = schedule.filter((a) => !core.has(a.item) && schedule.some((b) => core.has(b.item) && b.date === a.date && b.start < a.end + 60 && a.start < b.end + 60)).map((a) => a.item).sort();
      return { free: new Set([...core, ...pickFrom(near, Math.max(0, size - core.size))]), within: 'anywhere' };
    }
    case 'window': {
      const w = ctx.programWindows[Math.floor(random() * ctx.programWindows.length)];
      const inside = w ? schedule.filter((a) => a.date === w.date && w.start <= a.start && a.end <= w.end).map((a) => a.item).sort() : [];
      return { free: pickFrom(inside, size), within: 'window' };
    }
    case 'day': {
      const date = ctx.dates[Math.floor(random() * ctx.dates.length)];
      return { free: pickFrom(schedule.filter((a) => a.date === date).map((a) => a.item).sort(), size), within: 'day' };
    }
    case 'room': {
      const rooms = [...new Set(schedule.map((a) => a.room))].sort();
      const room = rooms[Math.floor(random() * rooms.length)];
      const date = ctx.dates[Math.floor(random() * ctx.dates.length)];
      // A room's day, and the items of other rooms at the same times (they may trade places).
      const own = schedule.filter((a) => a.room === room && a.date === date);
      const beside = schedule.filter((a) => a.room !== room && own.some((b) => b.date === a.date && b.start < a.end && a.start < b.end));
      return { free: pickFrom([...own, ...beside].map((a) => a.item).sort(), size), within: 'day' };
    }
    case 'random':
      return { free: pickFrom(ids, size), within: 'anywhere' };
  }
}

/** A model holding a schedule (for reporting its size when no whole model is built). */
async function neighbourhoodModel(ctx: Context, objective: Objective, schedule: Schedule, free: ReadonlySet<string>, within: Neighbourhood['within'], request: StepRequest) {
  const built = buildModel(ctx, { objective, stage: { around: schedule, free, within }, meter: request.meter });
  return built.ok ? built.model : null;
}
