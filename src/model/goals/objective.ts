/**
 * What one run minimises: the registry's goals at the run's weights and,
 * on a re-run against a baseline, the two move goals before them. Fixed
 * once per run against the whole event, so that every model of the run (a
 * part, a stage, a day) charges the same weights; scored by plain code for
 * the report and the certificates.
 */
import type { ObjectiveTerm } from '../../domain/report.js';
import type { Assignment, Schedule } from '../../domain/types.js';
import type { Context } from '../context.js';
import type { WeightedGoal } from './goal.js';
import { baselineOf, moveGoals, type Baseline } from './moves.js';
import { NO_WEIGHTS, weighted, type Weights } from './registry.js';

export type Objective = {
  /** In model order: moves first (with a baseline), then the registry's goals. Goals at weight 0 are kept, and skipped when building. */
  readonly goals: readonly WeightedGoal[];
  /** The previous schedule of a re-run: its places stay candidates even off the grid. */
  readonly baseline?: Baseline;
};

export function objectiveOf(ctx: Context, weights: Weights, baselineSchedule?: Schedule): Objective {
  const goals = weighted(weights);
  if (!baselineSchedule) return { goals };
  const baseline = baselineOf(baselineSchedule);
  return { goals: [...moveGoals(ctx, baseline, goals), ...goals], baseline };
}

/** The hard rules alone: every goal at weight 0, no baseline. */
export const HARD_RULES_ONLY: Objective = { goals: weighted(NO_WEIGHTS) };

/** What one placement costs on its own: the goals linear in the placements (speaker wishes, room size, moves). */
export function placementCost(ctx: Context, objective: Objective, p: Assignment): number {
  let cost = 0;
  for (const { goal, weight } of objective.goals) if (weight !== 0 && goal.placementUnits) cost += weight * goal.placementUnits(ctx, p);
  return cost;
}

/**
 * Each goal of the objective scored on a schedule by plain code: weight,
 * count, cost and occurrences; with the goals' lower bounds when given
 * (0 otherwise).
 */
export function scoreTerms(ctx: Context, objective: Objective, schedule: Schedule, bounds?: ReadonlyMap<string, number>): readonly ObjectiveTerm[] {
  return objective.goals.map(({ goal, weight }) => {
    const score = goal.score(ctx, schedule);
    return {
      name: goal.name,
      description: goal.description,
      weight,
      count: score.count,
      cost: weight * score.units,
      bound: bounds?.get(goal.name) ?? 0,
      occurrences: score.occurrences.map((o) => o.message),
    };
  });
}

/** The objective's value for a schedule: what the report calls its total cost. */
export function totalCost(ctx: Context, objective: Objective, schedule: Schedule): number {
  return scoreTerms(ctx, objective, schedule).reduce((n, t) => n + t.cost, 0);
}
