/**
 * The only door to solver packages. Takes a plain MipModel and returns a
 * SolveResult value; never throws.
 */
import type { MipModel } from '../model/mip.js';
import { solveWithHighs, warmUpHighs } from './highs.js';
import { solveWithJslp } from './jslp.js';
import type { Backend, SolveOptions, SolveResult } from './types.js';

export type { Backend, Progress, SolveOptions, SolveResult, Solver } from './types.js';

export type BackendChoice = Backend | 'auto';

/**
 * `auto` is HiGHS: measured on this project's time-indexed schedule model,
 * even 93 columns (4 items, one morning) took javascript-lp-solver past a
 * 10 s limit, against 1.1 s for HiGHS including start-up. jslp stays
 * available by name (`--solver jslp`) for small models.
 */
export function backendFor(choice: BackendChoice): Backend {
  return choice === 'auto' ? 'highs' : choice;
}

/** Readies the backend a run will use (HiGHS loads in a worker meanwhile); for the commands, at their start. */
export function prepareSolver(choice: BackendChoice): void {
  if (backendFor(choice) === 'highs') warmUpHighs();
}

export async function solve(model: MipModel, options: SolveOptions): Promise<SolveResult> {
  try {
    return options.backend === 'jslp' ? await solveWithJslp(model, options) : await solveWithHighs(model, options);
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e), backend: options.backend, seconds: 0 };
  }
}
