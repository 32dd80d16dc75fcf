/**
 * HiGHS (WebAssembly build, npm `highs`) behind the Solver interface. Its solve
 * is synchronous, so it runs in a worker thread (kept between solves, see
 * runWorker): the main thread stays free to print progress and to stop it at
 * the deadline. Every improving solution is sent back as it is found, so a
 * stopped solve still yields its best schedule.
 */
import { createRequire } from 'node:module';
import type { MipModel } from '../model/mip.js';
import type { SolveOptions, SolveResult } from './types.js';
import { linkedAbort } from './abort.js';
import { runWorker, startIdleWorker } from './worker.js';

// Plain CommonJS so it runs the same from the TypeScript sources (tests) and the build.
const SCRIPT = `
const { parentPort } = require('node:worker_threads');
let loading = null;
parentPort.on('message', async (job) => {
  try {
    loading ??= require(job.highsPath)();
    // A warm-up only starts the loading, and answers nothing: the next job waits for it.
    if (job.warmUp) return;
    const highs = await loading;
    const d = job.model;
    const model = highs.createModel({
      numCols: d.numCols, numRows: d.numRows, offset: d.offset, colCost: d.colCost, colLower: d.colLower, colUpper: d.colUpper,
      rowLower: d.rowLower, rowUpper: d.rowUpper, integrality: d.integrality,
      matrix: { format: 'csr', numRows: d.numRows, numCols: d.numCols, starts: d.starts, indices: d.indices, values: d.values },
    });
    model.options.set({
      output_flag: false, time_limit: job.timeLimit, mip_rel_gap: 0, mip_abs_gap: job.absGap,
      random_seed: 0,
    });
    if (job.maxNodes !== null) model.options.set({ mip_max_nodes: job.maxNodes });
    if (job.presolve === false) model.options.set({ presolve: 'off' });
    if (job.initial) model.setSolution({ colValue: job.initial });
    const t0 = Date.now();
    const cb = highs.constants.callbackType;
    let lastProgress = 0;
    const callbacks = {
      [cb.mipImprovingSolution](e) {
        parentPort.postMessage({ type: 'incumbent', values: e.data.mip_solution, objective: e.data.objective_function_value, bound: e.data.mip_dual_bound ?? null });
      },
      [cb.mipInterrupt](e) {
        const now = Date.now();
        if (now - lastProgress > 500) {
          lastProgress = now;
          parentPort.postMessage({ type: 'progress', objective: e.data.mip_primal_bound ?? null, bound: e.data.mip_dual_bound ?? null, gap: e.data.mip_gap ?? null });
        }
        if (now - t0 > job.timeLimit * 1000) e.interrupt();
      },
    };
    const run = model.run(callbacks);
    const status = run.modelStatus;
    const hasSolution = model.info.get('primal_solution_status') === 2;
    const values = hasSolution ? model.getSolution().colValue : null;
    const objective = hasSolution ? model.getObjectiveValue() : null;
    let bound = null;
    try { bound = model.info.get('mip_dual_bound'); } catch (e) { bound = null; }
    model.dispose();
    parentPort.postMessage({ type: 'done', status, values, objective, bound });
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String((e && e.message) || e) });
  }
});
`;

type Msg =
  | { type: 'incumbent'; values: Float64Array; objective: number; bound: number | null }
  | { type: 'progress'; objective: number | null; bound: number | null; gap: number | null }
  | { type: 'done'; status: number; values: Float64Array | null; objective: number | null; bound: number | null }
  | { type: 'error'; message: string };

/**
 * A worker is kept for the next solve only after a model of at most this
 * many non-zeros: a WebAssembly memory grows to the largest model solved in
 * it and never shrinks, and two idle workers that solved a large event's
 * times stage held several hundred MB each through the rest of the run
 * (global: peak 2,109 MiB, 1,875 MiB without them). Later solves of small
 * models (the improvement search's) start a worker again, with HiGHS's
 * compiled code shared by the process.
 */
const KEEP_WORKER_NONZEROS = 200_000;

// HiGHS model status codes (highs.constants.modelStatus).
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;

/**
 * Starts a worker and loads HiGHS in it, to wait idle for the first solve:
 * compiling the WebAssembly takes a few tenths of a second of a core, which
 * then overlap reading the event and building the first model instead of
 * coming before the first solve. The worker waits in the idle pool at once:
 * a solve that takes it before HiGHS is loaded waits for the loading.
 */
export function warmUpHighs(): void {
  startIdleWorker(SCRIPT, { highsPath: createRequire(import.meta.url).resolve('highs'), warmUp: true });
}

export async function solveWithHighs(model: MipModel, options: SolveOptions): Promise<SolveResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  let best: { values: Float64Array; objective: number; bound: number | null } | null = null;
  const csr = toCsr(model);
  // At its solutionLimit-th improving solution the solve ends as if stopped (HiGHS finds its first ones during its root
  // node, where it checks no limit of its own): the solutions after it, already on their way, are not taken.
  const stop = linkedAbort(options.signal);
  let solutions = 0;
  const end = await runWorker<Msg>(
    SCRIPT,
    {
      highsPath: createRequire(import.meta.url).resolve('highs'),
      model: csr,
      timeLimit: Math.max(0.1, options.timeLimitSeconds - 0.3),
      absGap: model.integralObjective ? 0.999 : 1e-6,
      initial: options.initial ?? null,
      maxNodes: options.nodeLimit ?? null,
      presolve: options.presolve ?? true,
    },
    options.timeLimitSeconds * 1000 + 1000,
    (m) => {
      if (m.type === 'incumbent') {
        if (options.solutionLimit !== undefined && solutions >= options.solutionLimit) return;
        solutions += 1;
        best = { values: m.values, objective: m.objective, bound: m.bound };
        if (options.solutionLimit !== undefined && solutions >= options.solutionLimit) stop.abort();
        options.onProgress?.({ objective: m.objective, bound: m.bound, gap: null, seconds: seconds() });
      } else if (m.type === 'progress') {
        options.onProgress?.({ objective: m.objective, bound: m.bound, gap: m.gap, seconds: seconds() });
      }
    },
    // The model's arrays are made for this job: moved to the worker, not copied.
    [csr.colCost, csr.colLower, csr.colUpper, csr.integrality, csr.rowLower, csr.rowUpper, csr.starts, csr.indices, csr.values].map((a) => a.buffer as ArrayBuffer),
    stop.signal,
    csr.values.length <= KEEP_WORKER_NONZEROS,
  );
  stop.release();
  const base = { backend: 'highs' as const, seconds: seconds() };
  const fallback = (): SolveResult => {
    const b = best as { values: Float64Array; objective: number; bound: number | null } | null;
    return b ? { ...base, status: 'feasible', ...b } : { ...base, status: 'timedout' };
  };
  if (end.kind === 'killed') return fallback();
  if (end.kind === 'crashed') return { ...base, status: 'error', message: end.error };
  const m = end.message;
  if (m.type === 'error') return { ...base, status: 'error', message: m.message };
  if (m.type !== 'done') return fallback();
  if (m.status === INFEASIBLE || m.status === UNBOUNDED_OR_INFEASIBLE) return { ...base, status: 'infeasible' };
  if (m.values && m.objective !== null) {
    return {
      ...base,
      status: m.status === OPTIMAL ? 'optimal' : 'feasible',
      values: m.values,
      objective: m.objective,
      bound: m.status === OPTIMAL ? m.objective : m.bound,
    };
  }
  return fallback();
}

function toCsr(model: MipModel) {
  const starts = new Int32Array(model.rows.length + 1);
  let nnz = 0;
  model.rows.forEach((r, i) => {
    nnz += r.indices.length;
    starts[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (const r of model.rows) {
    for (let j = 0; j < r.indices.length; j++) {
      indices[k] = r.indices[j]!;
      values[k++] = r.values[j]!;
    }
  }
  const cols = model.columns;
  return {
    numCols: cols.length,
    numRows: model.rows.length,
    offset: model.offset ?? 0,
    colCost: Float64Array.from(cols, (c) => c.cost),
    colLower: Float64Array.from(cols, (c) => c.lower),
    colUpper: Float64Array.from(cols, (c) => c.upper),
    integrality: Int32Array.from(cols, (c) => (c.integer ? 1 : 0)),
    rowLower: Float64Array.from(model.rows, (r) => r.lower),
    rowUpper: Float64Array.from(model.rows, (r) => r.upper),
    starts,
    indices,
    values,
  };
}
