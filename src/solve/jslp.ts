/**
 * javascript-lp-solver behind the Solver interface, for small models (tiny
 * events, assignment problems). It does not check its own timeout during the
 * root LP, so it runs in a child process that is killed at the deadline (a
 * worker thread, once terminated, can still hold the process for seconds). It
 * omits zero-valued variables and reports failure as `feasible: false`.
 */
import { createRequire } from 'node:module';
import type { MipModel } from '../model/mip.js';
import type { SolveOptions, SolveResult } from './types.js';
import { runProcess } from './worker.js';

const SCRIPT = `
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (text += d));
process.stdin.on('end', () => {
  let message;
  try {
    const workerData = JSON.parse(text);
    const mod = require(workerData.jslpPath);
    const solver = mod.default || mod;
    const r = solver.Solve(workerData.model);
    message = { type: 'done', feasible: !!r.feasible, bounded: r.bounded !== false, integral: r.isIntegral !== false, result: r.result, values: r };
  } catch (e) {
    message = { type: 'error', message: String((e && e.message) || e) };
  }
  process.stdout.write(JSON.stringify(message));
});
`;

type Msg =
  | { type: 'done'; feasible: boolean; bounded: boolean; integral: boolean; result: number; values: Record<string, unknown> }
  | { type: 'error'; message: string };

export async function solveWithJslp(model: MipModel, options: SolveOptions): Promise<SolveResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const end = await runProcess<Msg>(
    SCRIPT,
    { jslpPath: createRequire(import.meta.url).resolve('javascript-lp-solver'), model: toJslp(model, options.timeLimitSeconds) },
    // It does not stop itself in time: killed at the limit, with a moment to write its answer.
    options.timeLimitSeconds * 1000 + 200,
    options.signal,
  );
  const base = { backend: 'jslp' as const, seconds: seconds() };
  if (end.kind === 'killed') return { ...base, status: 'timedout' };
  if (end.kind === 'crashed') return { ...base, status: 'error', message: end.error };
  const m = end.message;
  if (m.type === 'error') return { ...base, status: 'error', message: m.message };
  if (!m.feasible) return { ...base, status: 'infeasible' };
  if (!m.integral) return { ...base, status: 'timedout' };
  const values = new Float64Array(model.columns.length);
  model.columns.forEach((_, i) => {
    const v = m.values[`c${i}`];
    values[i] = typeof v === 'number' ? v : 0;
  });
  const objective = model.columns.reduce((s, c, i) => s + c.cost * values[i]!, 0);
  // It only returns after its branch and bound ends, or after its own timeout:
  // trust "optimal" only when the run finished well inside the limit.
  const finished = base.seconds < options.timeLimitSeconds * 0.9;
  return { ...base, status: finished ? 'optimal' : 'feasible', values, objective, bound: finished ? objective : null };
}

function toJslp(model: MipModel, timeLimitSeconds: number) {
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  model.columns.forEach((c, i) => {
    const v: Record<string, number> = { cost: c.cost };
    if (c.upper !== Infinity && !(c.integer && c.upper === 1 && c.lower === 0)) {
      v[`ub${i}`] = 1;
      constraints[`ub${i}`] = { max: c.upper };
    }
    variables[`c${i}`] = v;
    if (c.integer) ints[`c${i}`] = 1;
  });
  model.rows.forEach((r, k) => {
    const name = `r${k}`;
    constraints[name] =
      r.lower === r.upper ? { equal: r.lower } : { ...(r.lower > -Infinity ? { min: r.lower } : {}), ...(r.upper < Infinity ? { max: r.upper } : {}) };
    r.indices.forEach((i, j) => {
      variables[`c${i}`]![name] = r.values[j]!;
    });
  });
  const binaries: Record<string, 1> = {};
  model.columns.forEach((c, i) => {
    if (c.integer && c.lower === 0 && c.upper === 1) binaries[`c${i}`] = 1;
  });
  return { optimize: 'cost', opType: 'min', constraints, variables, ints, binaries, options: { timeout: timeLimitSeconds * 1000 } };
}
