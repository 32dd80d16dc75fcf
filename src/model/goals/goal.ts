/**
 * A soft goal, defined once: what the committee would rather avoid, how the
 * model charges for it, how a finished schedule is scored by plain code,
 * what it can cost at most and at least, and its words for the report. The
 * registry (registry.ts) lists the goals; `--weight`, weights.csv, the
 * report, the documentation and the tests all read it, and a property test
 * holds the model's objective equal to `score`, goal by goal.
 *
 * Every goal is monotone: leaving items out of a schedule never raises its
 * cost. The staged solve's certificate relies on it (a part of the event
 * bounds the whole).
 */
import type { Assignment, Schedule } from '../../domain/types.js';
import type { Candidates } from '../candidates.js';
import type { Context } from '../context.js';
import type { MipColumn, MipModel, MipRow } from '../mip.js';

/** One occurrence of a goal in a schedule: the items involved and the sentence for the report. */
export type Occurrence = { readonly items: readonly string[]; readonly message: string };

/** A goal's score of a finished schedule. */
export type GoalScore = {
  /** How many times it occurs. */
  readonly count: number;
  /** What the weight multiplies: the count for most goals (theme clashes: the pairs' audiences); always a whole number, so a bound on it rounds up. */
  readonly units: number;
  /** Each occurrence in words; empty for goals the report lists in a section of their own. */
  readonly occurrences: readonly Occurrence[];
};

/**
 * The model under construction, as a goal's encoding sees it. Columns
 * `0 .. placements.length - 1` are the placements; a goal appends its
 * penalty columns and their rows.
 */
export type GoalParts = {
  readonly ctx: Context;
  readonly placements: readonly Assignment[];
  /** Placement indices by item id, in order. */
  readonly byItem: ReadonlyMap<string, readonly number[]>;
  /** The rooms placement i may use: its own, or in the times stage every room it could use then. */
  readonly roomsOf: (i: number) => readonly string[];
  /** Whether rooms are left open (the times stage: a placement's room is '', see roomsOf). */
  readonly roomsOpen: boolean;
  /** Whether every item is placed exactly once (no elastic slack): an item with one placement is then sure to be there. */
  readonly placedOnce: boolean;
  /** Lazily modelled goals: only occurrences with these keys get rows (all when absent). See Goal.lazy. */
  readonly lazyKeys: ReadonlySet<string> | undefined;
  readonly columns: MipColumn[];
  readonly rows: MipRow[];
};

export type Goal = {
  /** The name in weights.csv, --weight and the report. */
  readonly name: string;
  /** What one occurrence is, for the report and the documentation. */
  readonly description: string;
  readonly defaultWeight: number;
  /** Units one placement costs on its own, for goals linear in the placements (speaker wishes, room size, moves). */
  readonly placementUnits?: (ctx: Context, p: Assignment) => number;
  /**
   * Penalty columns and rows for goals that are not linear in the
   * placements, each column costing `weight` times its units. Returns the
   * constant the objective adds (weighted), so that the model's objective
   * at a schedule equals `weight * score(schedule).units`.
   */
  readonly model?: (parts: GoalParts, weight: number) => number;
  readonly score: (ctx: Context, schedule: Schedule) => GoalScore;
  /** Units no schedule exceeds (a move from a baseline outweighs every goal at its worst). */
  readonly maxUnits: (ctx: Context) => number;
  /**
   * Units every complete schedule has at least, from what the items'
   * candidate places force (bounds.ts); 0 when the goal knows nothing
   * better. Goals linear in the placements need none: the least
   * `placementUnits` of each item's candidates is their bound.
   */
  readonly minUnits?: (ctx: Context, candidates: Candidates) => number;
  /**
   * A linear program over the candidates whose optimum every complete
   * schedule's units are at least: for goals whose cost comes from items
   * competing for something (room-size: the hours of the large rooms;
   * theme and language clashes: each room's one item at a time, see
   * crowding.ts), which neither minUnits nor an item's cheapest place can
   * see. The run solves it beside its steps (bounds.ts relaxedBounds) and
   * keeps the larger of the two bounds. Null when there is nothing to compete for.
   */
  readonly relaxation?: (ctx: Context, candidates: Candidates) => MipModel | null;
  /**
   * Goals whose rows are most of a large model can be modelled for some
   * keys only (themes, languages); leaving keys out relaxes the model. The
   * keys of a schedule's occurrences tell which to add next (see
   * pipeline/steps/times-then-rooms.ts).
   */
  readonly lazy?: { readonly keysOf: (ctx: Context, schedule: Schedule) => readonly string[] };
};

/** A goal with the weight a run gives it. */
export type WeightedGoal = { readonly goal: Goal; readonly weight: number };

/** The score of a goal that counts occurrences, each one unit. */
export function counted(occurrences: readonly Occurrence[]): GoalScore {
  return { count: occurrences.length, units: occurrences.length, occurrences };
}

/** Appends a penalty column (0..1, continuous) and returns its index. */
export function addPenalty(parts: GoalParts, name: string, cost: number): number {
  parts.columns.push({ name, cost, lower: 0, upper: 1, integer: false });
  return parts.columns.length - 1;
}
