import type { MipModel } from '../model/mip.js';

export type Backend = 'highs' | 'jslp';

/** Best objective so far, proven bound, relative gap, seconds elapsed; the step of a run that reports it, when one does. */
export type Progress = {
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
  readonly step?: string;
};

export type SolveOptions = {
  readonly backend: Backend;
  /** Wall-clock limit; the backend is stopped at this limit plus a second at the latest. */
  readonly timeLimitSeconds: number;
  readonly onProgress?: (p: Progress) => void;
  /** A known solution to start from (one value per column); the backend may ignore it. */
  readonly initial?: Float64Array;
  /** Stops the solve at once (the user pressed Ctrl-C): the best solution so far is returned as feasible. */
  readonly signal?: AbortSignal;
  /**
   * Stops branch and bound after this many nodes, keeping the best solution
   * as feasible: a budget that, unlike a time limit, ends the same way on
   * every machine (HiGHS only; javascript-lp-solver ignores it).
   */
  readonly nodeLimit?: number;
  /**
   * Stops the solve at its this-many-th improving solution, keeping it as
   * feasible: for a first step whose schedule a search after it improves
   * faster than branch and bound would (HiGHS only, like nodeLimit).
   */
  readonly solutionLimit?: number;
  /** False skips HiGHS's presolve: a first solution sooner, a proof later (javascript-lp-solver has none). */
  readonly presolve?: boolean;
};

/**
 * What a solve ended in, as a value: never thrown.
 * - optimal: proven best. feasible: a solution, not proven best.
 * - infeasible: proven that no solution exists.
 * - timedout: the time limit passed before any solution was found.
 * - error: the backend failed (message says how).
 */
export type SolveResult =
  | {
      readonly status: 'optimal' | 'feasible';
      readonly values: Float64Array;
      readonly objective: number;
      readonly bound: number | null;
      readonly backend: Backend;
      readonly seconds: number;
    }
  | { readonly status: 'infeasible' | 'timedout'; readonly backend: Backend; readonly seconds: number }
  | { readonly status: 'error'; readonly message: string; readonly backend: Backend; readonly seconds: number };

/** A backend: takes a plain model and returns a status. Tests may pass a stub. */
export type Solver = (model: MipModel, options: SolveOptions) => Promise<SolveResult>;
