/**
 * Every soft goal convene knows, in the order the model encodes them. The
 * flags, weights.csv, the report, the documentation's table and the tests
 * all read this list; adding a goal is adding its module here.
 *
 * Default weights: one theme clash costs its weight times the smaller
 * audience of the pair, so the other defaults are set against a clash of
 * about 50 people. A weight of 0 turns a goal off.
 */
import { compareText } from '../../domain/compare.js';
import type { Goal, WeightedGoal } from './goal.js';
import { audienceOverlapGoal } from './favourites.js';
import { introBlocksGoal } from './intro-blocks.js';
import { levelFlowGoal } from './level-flow.js';
import { speakerRoomsGoal, trackRoomsGoal } from './rooms-used.js';
import { lightningGroupsGoal } from './lightning.js';
import { advancedClashGoal, languageClashGoal } from './pair-overlap.js';
import { roomSizeGoal } from './room-size.js';
import { speakerAvoidGoal, speakerDaysGoal, speakerPreferredGoal } from './speakers.js';
import { themeClashGoal } from './theme-clash.js';
import { themeSpreadGoal } from './theme-spread.js';

export const GOALS: readonly Goal[] = [
  themeClashGoal,
  speakerAvoidGoal,
  speakerPreferredGoal,
  roomSizeGoal,
  advancedClashGoal,
  languageClashGoal,
  introBlocksGoal,
  lightningGroupsGoal,
  speakerDaysGoal,
  themeSpreadGoal,
  audienceOverlapGoal,
  trackRoomsGoal,
  levelFlowGoal,
  speakerRoomsGoal,
];

/** The goals' names in alphabetical order, as messages list them. */
export const GOAL_NAMES: readonly string[] = GOALS.map((g) => g.name).sort(compareText);

/** A weight per goal name; goals it does not name keep their default weight. */
export type Weights = Readonly<Record<string, number>>;

export const DEFAULT_WEIGHTS: Weights = Object.fromEntries(GOALS.map((g) => [g.name, g.defaultWeight]));

/** Every goal at weight 0: the hard rules alone. */
export const NO_WEIGHTS: Weights = Object.fromEntries(GOALS.map((g) => [g.name, 0]));

export function isGoalName(name: string): boolean {
  return GOALS.some((g) => g.name === name);
}

export function withWeights(base: Weights, overrides: Weights): Weights {
  return { ...base, ...overrides };
}

/** Every goal of the registry with its weight in `weights` (its default when absent). */
export function weighted(weights: Weights): readonly WeightedGoal[] {
  return GOALS.map((goal) => ({ goal, weight: weights[goal.name] ?? goal.defaultWeight }));
}
