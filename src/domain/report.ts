import type { Format, Minutes, Sector } from './types.js';

/**
 * What a solve produced, in the user's terms. Everything here is derived from
 * the finished schedule by our own code (never trusted from the solver), except
 * `bound`, which only the solver can prove.
 */

/** Two items sharing at least one theme that run at the same time. */
export type ThemeClash = {
  readonly a: string;
  readonly b: string;
  readonly themes: readonly string[];
  readonly date: string;
  /** The span during which both run. */
  readonly start: Minutes;
  readonly end: Minutes;
  /** What the pair costs in the objective. */
  readonly cost: number;
};

/** A cost or bound as a person reads it: sums of weighted costs carry float noise (493.99999999999994 is 494). */
export function tidyCost(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * A lower bound on a whole number, from a floating-point one: lowered by a
 * tolerance for the float noise (a solver's 453.0000001 proves 453, not 454),
 * then rounded up (460.2 proves 461).
 */
export function wholeBound(x: number): number {
  return Math.ceil(x - 1e-6 * Math.max(1, Math.abs(x)));
}

/** One term of the objective: its weight, how many times it occurs, and what it costs in all. */
export type ObjectiveTerm = {
  readonly name: string;
  readonly description: string;
  readonly weight: number;
  readonly count: number;
  readonly cost: number;
  /** What it costs at least in every complete schedule, from what the items' candidate places force (model/goals/bounds.ts). */
  readonly bound: number;
  /** Each occurrence in plain words, naming the items (theme clashes are listed apart, in `clashes`). */
  readonly occurrences?: readonly string[];
};

/** The size of the model that gave the schedule. */
export type ModelSize = {
  readonly variables: number;
  readonly rows: number;
  readonly nonzeros: number;
  /** The time grid in minutes: every start is a multiple of it. */
  readonly grid: Minutes;
  /** The step whose model this is (see `steps`): the times model of times-then-rooms, otherwise the whole model. */
  readonly step: string;
};

/** One step of the solve path: what ran, why it was chosen, and how it ended. */
export type StepRecord = {
  readonly step: string;
  readonly why: string;
  /** False when its condition did not hold (the outcome says why). */
  readonly ran: boolean;
  /** In plain words: "proven optimal, cost 461", "a schedule, cost 480; bound 455", "skipped: ...". */
  readonly outcome: string;
};

/** optimal: proven best. feasible: valid, but the solver stopped before proving it best (see gap). */
export type ScheduleQuality = 'optimal' | 'feasible';

export type ScheduleReport = {
  readonly status: ScheduleQuality;
  readonly objective: number;
  /** Best lower bound proven by the solver, when it reported one. */
  readonly bound: number | null;
  /** Relative gap (objective - bound) / objective, 0 when optimal, null when unknown. */
  readonly gap: number | null;
  readonly terms: readonly ObjectiveTerm[];
  readonly counts: readonly { readonly format: Format; readonly items: number }[];
  readonly clashes: readonly ThemeClash[];
  readonly solver: string;
  readonly model: ModelSize;
  /** The solve path: every planned step, in order, with why and how it ended. */
  readonly steps: readonly StepRecord[];
  /** The user stopped the search (Ctrl-C): the best schedule found until then. */
  readonly stoppedByUser: boolean;
  /** Items left out of a partial schedule (--allow-partial), each with the reason in plain words. */
  readonly unscheduled: readonly { readonly item: string; readonly reason: string }[];
  /** Lightning talks by member country; null without members.csv. */
  readonly coverage: Coverage | null;
  /** Wall-clock seconds; the only part of any output that varies between identical runs. */
  readonly timing: {
    readonly buildSeconds: number;
    readonly solveSeconds: number;
    /** The cost of the best schedule known, each time it fell, from the start of the run: the anytime curve. */
    readonly trace: readonly { readonly seconds: number; readonly cost: number }[];
  };
};

/** Lightning coverage by member country (check/coverage.ts). */
/** The three voices each member country should bring to the lobby, in the order its talks run. */
export const COVERAGE_SECTORS = ['government', 'civil_society', 'irm'] as const satisfies readonly Sector[];
export type CoverageSector = (typeof COVERAGE_SECTORS)[number];

export type MemberCoverage = {
  readonly country: string;
  readonly name: string;
  /** Talk ids per sector; an empty list is a voice missing. */
  readonly talks: Readonly<Record<CoverageSector, readonly string[]>>;
  /** Talks of the country whose first speaker is of another sector. */
  readonly other: readonly string[];
};

export type Coverage = {
  /** Every member, in the order of members.csv. */
  readonly members: readonly MemberCoverage[];
  readonly regional: readonly string[];
  /** Lightning talks of countries not in members.csv (country as written, talk ids). */
  readonly others: readonly { readonly country: string; readonly talks: readonly string[] }[];
};

