/**
 * The time-indexed model: one binary per admissible placement, one row per
 * packing constraint of every hard rule, and the soft goals' penalty columns
 * and rows, each goal encoding itself (goals/). This file only assembles:
 * which placements (by stage), which rows (by rule), which goals, and the
 * elastic relaxation when asked.
 */
import type { Assignment, Schedule } from '../domain/types.js';
import { candidatePlacements, type Rejections } from './candidates.js';
import { programWindowOf, type Context } from './context.js';
import { ElasticRows, type Elasticity, type ItemSlack, type RuleSlack } from './elastic.js';
import type { GoalParts } from './goals/goal.js';
import { objectiveOf, placementCost, type Objective } from './goals/objective.js';
import { DEFAULT_WEIGHTS } from './goals/registry.js';
import { coarsestGrid } from './grid.js';
import { makeRow, type MipColumn, type MipModel, type MipRow } from './mip.js';
import { CONFLICT_RULES } from './rules/conflicts.js';
import { identicalRoomClasses, withoutRoomSymmetry } from './symmetry.js';
import { roomCapacityRows, timeSlots } from './times-stage.js';

export type { ItemSlack, RuleSlack } from './elastic.js';

/**
 * Which model to build:
 * - `whole`: one binary per admissible (item, room, start);
 * - `times`: one binary per admissible (item, start), with the rooms left
 *   open. Rooms are limited per moment instead: for every set of rooms, no
 *   more items that can only use rooms of that set run at once than the set
 *   has rooms. A relaxation of `whole` (room costs count at their least), and
 *   exact when the items of a kind may use the same rooms;
 * - `rooms`: the whole model restricted to the given times (one row per item
 *   of a finished `times` solution): only the rooms are left to choose;
 *   `times: 'day'` keeps only each item's date, for when no rooms fit the
 *   exact times.
 */
export type Stage = 'whole' | 'times' | { readonly rooms: Schedule; readonly times?: 'fixed' | 'day' } | Neighbourhood;

/**
 * A neighbourhood of a schedule (for the improvement search): the items of
 * `free` may move, each within its place's program window, its day, or
 * anywhere (with `leave`, only to another start: a restart's forced move);
 * every other item stays where `around` has it. One model over the whole
 * event, so that every rule and goal sees the items that stay.
 */
export type Neighbourhood = {
  readonly around: Schedule;
  readonly free: ReadonlySet<string>;
  readonly within: 'window' | 'day' | 'anywhere';
  readonly leave?: boolean;
};

export type BuildOptions = {
  /** What the run minimises (the default weights, no baseline, when absent). */
  readonly objective?: Objective;
  /** Let items (and with 'items-and-rules' the room and speaker rules) give: see elastic.ts. */
  readonly elastic?: Elasticity;
  /** The whole model (default), its times, or its rooms at given times. */
  readonly stage?: Stage;
  /**
   * For goals modelled lazily (Goal.lazy): the keys modelled so far, by goal
   * name; a lazy goal absent here is modelled whole. Leaving keys out
   * relaxes the model: its bound stays a bound, and a solution whose
   * occurrences all have modelled keys is scored exactly (see
   * pipeline/steps/times-then-rooms.ts).
   */
  readonly lazy?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each build adds the seconds it took here (for the report's timing). */
  readonly meter?: BuildMeter;
};

/** Seconds spent building models, summed over every build that shares it. */
export type BuildMeter = { seconds: number };

/** The columns one goal added, and the constant it adds to the objective. */
export type GoalBlock = { readonly goal: string; readonly first: number; readonly end: number; readonly offset: number };

export type BuiltModel = {
  readonly stage: 'whole' | 'times' | 'rooms' | 'around';
  readonly grid: number;
  /** One per column, first; in the `times` stage with room '' (see `roomOptions`). */
  readonly placements: readonly Assignment[];
  /** `times` stage: the rooms each placement could use then. */
  readonly roomOptions?: readonly (readonly string[])[];
  readonly mip: MipModel;
  /** Each goal's penalty columns, in order, and its offset. */
  readonly goals: readonly GoalBlock[];
  /** Items without any admissible placement, and why (only an elastic model is built with some). */
  readonly rejected: ReadonlyMap<string, Rejections>;
  /** Elastic models only: per item, the column that is 1 when the item is left out. */
  readonly slack: readonly ItemSlack[];
  /** Elastic models with rule slacks only: per rule and subject, the column that is positive when its rows give. */
  readonly ruleSlack: readonly RuleSlack[];
  /** Classes of identical rooms whose symmetry the placements break (see symmetry.ts); none in the times stage. */
  readonly roomClasses: readonly (readonly string[])[];
};

export type BuildResult =
  | { readonly ok: true; readonly model: BuiltModel }
  /** Some items have no admissible placement at all: no model is worth building. */
  | { readonly ok: false; readonly grid: number; readonly rejected: ReadonlyMap<string, Rejections> };

export function buildModel(ctx: Context, options: BuildOptions = {}): BuildResult {
  const started = performance.now();
  try {
    return build(ctx, options);
  } finally {
    if (options.meter) options.meter.seconds += (performance.now() - started) / 1000;
  }
}

function build(ctx: Context, options: BuildOptions): BuildResult {
  const grid = coarsestGrid(ctx);
  const objective = options.objective ?? objectiveOf(ctx, DEFAULT_WEIGHTS);
  const candidates = candidatePlacements(ctx, grid, objective.baseline);
  const { rejected } = candidates;
  if (rejected.size > 0 && !options.elastic) return { ok: false, grid, rejected };

  const stage = options.stage ?? 'whole';
  const { placements, costs, roomOptions, roomClasses } = columnsOf(ctx, stage, candidates.placements, objective);
  const columns: MipColumn[] = placements.map((p, i) => ({
    name: `x_${p.item}_${p.room}_${p.date}_${p.start}`,
    cost: costs[i]!,
    lower: 0,
    upper: 1,
    integer: true,
  }));
  const rows: MipRow[] = [];
  const elastic = options.elastic ? new ElasticRows(options.elastic) : null;
  for (const rule of CONFLICT_RULES) {
    // Without rooms to choose, rooms are limited per moment instead (roomCapacityRows).
    if (rule.aboutRooms && roomOptions) continue;
    rule.build(ctx, placements).forEach((c, k) => {
      if (c.kind === 'at-most' && c.members.length < 2) return;
      const row = elastic ? elastic.row(c, k, columns) : makeRow(`${rule.name}_${k}`, c.kind === 'exactly' ? 1 : -Infinity, 1, c.members.map((i) => [i, 1] as const));
      if (row) rows.push(row);
    });
  }
  if (roomOptions) rows.push(...roomCapacityRows(ctx, placements, roomOptions));

  const parts = {
    ctx,
    placements,
    byItem: placementsByItem(placements),
    roomsOf: roomOptions ? (i: number) => roomOptions[i]! : (i: number) => [placements[i]!.room],
    roomsOpen: roomOptions !== undefined,
    placedOnce: !elastic,
    columns,
    rows,
  };
  const goals: GoalBlock[] = [];
  let offset = 0;
  for (const { goal, weight } of objective.goals) {
    if (weight === 0 || !goal.model) continue;
    const first = columns.length;
    const goalParts: GoalParts = { ...parts, lazyKeys: goal.lazy ? options.lazy?.get(goal.name) : undefined };
    const added = goal.model(goalParts, weight);
    offset += added;
    goals.push({ goal: goal.name, first, end: columns.length, offset: added });
  }
  const { slack, ruleSlack } = elastic ? elastic.finish(columns, rows) : { slack: [], ruleSlack: [] };
  return {
    ok: true,
    model: {
      stage: typeof stage === 'string' ? stage : 'around' in stage ? 'around' : 'rooms',
      grid,
      placements,
      ...(roomOptions ? { roomOptions } : {}),
      mip: { columns, rows, offset, integralObjective: columns.every((c) => Number.isInteger(c.cost)) },
      goals,
      rejected,
      slack,
      ruleSlack,
      roomClasses,
    },
  };
}

/** The placement columns of a stage, each with its cost (the goals linear in the placements). */
function columnsOf(
  ctx: Context,
  stage: Stage,
  candidates: readonly Assignment[],
  objective: Objective,
): { placements: readonly Assignment[]; costs: readonly number[]; roomOptions?: readonly (readonly string[])[]; roomClasses: readonly (readonly string[])[] } {
  const costOf = (p: Assignment) => placementCost(ctx, objective, p);
  if (stage === 'times') {
    // The times stage has no rooms to tell apart.
    const slots = timeSlots(candidates, costOf);
    return { placements: slots.placements, costs: slots.costs, roomOptions: slots.rooms, roomClasses: [] };
  }
  if (stage !== 'whole' && 'around' in stage) {
    const placements = around(ctx, stage, candidates);
    return { placements, costs: placements.map(costOf), roomClasses: [] };
  }
  const roomClasses = identicalRoomClasses(ctx, objective.baseline);
  let placements = candidates;
  if (stage !== 'whole') {
    const keyOf = stage.times === 'day' ? (p: Assignment) => `${p.item}\u0000${p.date}` : (p: Assignment) => `${p.item}\u0000${p.date}\u0000${p.start}`;
    const at = new Set(stage.rooms.map(keyOf));
    placements = placements.filter((p) => at.has(keyOf(p)));
  }
  placements = withoutRoomSymmetry(placements, roomClasses);
  return { placements, costs: placements.map(costOf), roomClasses };
}

/**
 * A neighbourhood's placements: the free items' candidates within their
 * window, day or anywhere; the others' places as they are (their candidate
 * there). No symmetry is broken: the items that stay keep their rooms. In
 * the candidates' order; each item's are looked up in its run of them
 * (candidateRuns), not by a pass over all of them with the window worked
 * out for each (the search builds one neighbourhood per round: on the
 * global instance that pass took 15-24 ms of each).
 */
function around(ctx: Context, n: Neighbourhood, candidates: readonly Assignment[]): readonly Assignment[] {
  const runs = candidateRuns(candidates);
  const out: Assignment[] = [];
  const placed = [...new Map(n.around.map((a) => [a.item, a] as const)).values()].filter((a) => runs.has(a.item));
  for (const a of placed.sort((x, y) => runs.get(x.item)!.from - runs.get(y.item)!.from)) {
    const run = runs.get(a.item)!;
    if (!n.free.has(a.item)) {
      for (let i = run.from; i < run.to; i++) {
        const p = candidates[i]!;
        if (p.room === a.room && p.date === a.date && p.start === a.start) out.push(p);
      }
      continue;
    }
    const home = n.within === 'window' ? programWindowOf(ctx, a) : undefined;
    for (let i = run.from; i < run.to; i++) {
      const p = candidates[i]!;
      if (n.leave && p.date === a.date && p.start === a.start) continue;
      if (n.within === 'anywhere' || (p.date === a.date && (n.within === 'day' || programWindowOf(ctx, p) === home))) out.push(p);
    }
  }
  return out;
}

/** An item's candidates: the run [from, to) of them. */
type CandidateRun = { readonly from: number; readonly to: number };

const runCache = new WeakMap<readonly Assignment[], ReadonlyMap<string, CandidateRun>>();

/** Each item's run of candidates (candidatePlacements lists an item's candidates together), worked out once per list. */
function candidateRuns(candidates: readonly Assignment[]): ReadonlyMap<string, CandidateRun> {
  const cached = runCache.get(candidates);
  if (cached) return cached;
  const runs = new Map<string, { from: number; to: number }>();
  candidates.forEach((p, i) => {
    let run = runs.get(p.item);
    if (!run) runs.set(p.item, (run = { from: i, to: i }));
    if (run.to !== i) throw new Error(`the candidates of ${p.item} are not listed together`);
    run.to = i + 1;
  });
  runCache.set(candidates, runs);
  return runs;
}

/** Placement indices by item id, in order. */
function placementsByItem(placements: readonly Assignment[]): ReadonlyMap<string, readonly number[]> {
  const map = new Map<string, number[]>();
  placements.forEach((p, i) => {
    const list = map.get(p.item);
    if (list) list.push(i);
    else map.set(p.item, [i]);
  });
  return map;
}
