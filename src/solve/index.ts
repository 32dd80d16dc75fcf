/**
 * The only door to solver packages. Takes a plain MipModel and returns a
 * SolveResult value; never throws.
 */
import type { MipModel } from '../model/mip.js';
import { solveWithHighs } from './highs.js';
import { solveWithJslp } from './jslp.js';
import type { Backend, SolveOptions, SolveResult } from './types.js';

export type { Backend, Progress, SolveOptions, SolveResult, Solver } from './types.js';
export { BACKENDS } from './types.js';

export type BackendChoice = Backend | 'auto';

/**
 * `auto` picks javascript-lp-solver only up to this many columns. Measured on
 * this project's time-indexed schedule model: 93 columns (4 items, one
 * morning) took jslp past a 10 s limit, HiGHS 1.1 s including start-up, so
 * for the schedule model auto always means HiGHS. Callers with small
 * assignment models pass their own choice.
 */
export const AUTO_JSLP_MAX_COLUMNS = 0;

/** The backend for a model of `columns` columns (or about as many). */
export function pickBackend(choice: BackendChoice, columns: number): Backend {
  if (choice !== 'auto') return choice;
  return columns <= AUTO_JSLP_MAX_COLUMNS ? 'jslp' : 'highs';
}

export async function solve(model: MipModel, options: SolveOptions): Promise<SolveResult> {
  try {
    return options.backend === 'jslp' ? await solveWithJslp(model, options) : await solveWithHighs(model, options);
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e), backend: options.backend, seconds: 0 };
  }
}
