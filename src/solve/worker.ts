import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';

export type WorkerEnd<M> = { readonly kind: 'message'; readonly message: M } | { readonly kind: 'killed' } | { readonly kind: 'crashed'; readonly error: string };

/**
 * Runs a CommonJS script in a worker thread and waits for the message it marks
 * as final (`type: 'done'` or `'error'`), passing every other message to
 * `onMessage`. At the deadline the worker is terminated, however busy its
 * solver is: a synchronous WebAssembly solve cannot be interrupted otherwise.
 *
 * The script handles one job per message it receives (`job`, posted to it),
 * and stays loaded between jobs: a worker that finished a job in time is kept,
 * idle and not holding the process open, for the next job of the same script.
 * WebAssembly solvers gain twice: they are loaded once, and the engine's
 * optimised code for them, compiled while the first job runs, serves the
 * later ones (on the example event, the second solve of one model took a
 * third of the first's time). With `keep` false the worker ends after the job
 * all the same (its memory is given back).
 */
export function runWorker<M extends { readonly type: string }>(
  script: string,
  job: unknown,
  deadlineMs: number,
  onMessage: (m: M) => void,
  transfer: readonly ArrayBuffer[] = [],
  signal?: AbortSignal,
  keep = true,
): Promise<WorkerEnd<M>> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ kind: 'killed' });
      return;
    }
    const worker = takeIdle(script) ?? new Worker(script, { eval: true });
    worker.ref();
    let settled = false;
    const finish = (end: WorkerEnd<M>, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      worker.off('message', message);
      worker.off('error', error);
      worker.off('exit', exit);
      if (reusable && keep) putIdle(script, worker);
      else void worker.terminate();
      resolve(end);
    };
    const message = (m: M) => {
      // After an error the solver's state is unknown: the worker is not reused.
      if (m.type === 'done' || m.type === 'error') finish({ kind: 'message', message: m }, m.type === 'done');
      else onMessage(m);
    };
    const error = (e: unknown) => finish({ kind: 'crashed', error: e instanceof Error ? e.message : String(e) }, false);
    const exit = (code: number) => finish({ kind: 'crashed', error: `solver worker exited with code ${code}` }, false);
    const timer = setTimeout(() => finish({ kind: 'killed' }, false), deadlineMs);
    const abort = () => finish({ kind: 'killed' }, false);
    signal?.addEventListener('abort', abort);
    worker.on('message', message);
    worker.on('error', error);
    worker.on('exit', exit);
    worker.postMessage(job, [...transfer]);
  });
}

/**
 * Starts a worker for `script`, posts it `job` (one it answers nothing to,
 * such as loading a solver), and leaves it in the idle pool at once: the
 * next job posted to it starts when that work is done.
 */
export function startIdleWorker(script: string, job: unknown): void {
  const worker = new Worker(script, { eval: true });
  worker.postMessage(job);
  putIdle(script, worker);
}

/** Idle workers by script: at most MAX_IDLE each, none of them keeping the process alive. */
const idle = new Map<string, Worker[]>();
const MAX_IDLE = 2;
/** The listener that forgets an idle worker if it dies; removed when the worker is taken again, so listeners never pile up. */
const forgetOnExit = new WeakMap<Worker, () => void>();

function takeIdle(script: string): Worker | undefined {
  const worker = idle.get(script)?.pop();
  const forget = worker && forgetOnExit.get(worker);
  if (worker && forget) {
    worker.off('exit', forget);
    forgetOnExit.delete(worker);
  }
  return worker;
}

function putIdle(script: string, worker: Worker): void {
  const list = idle.get(script) ?? [];
  if (list.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const forget = () => {
    const i = list.indexOf(worker);
    if (i >= 0) list.splice(i, 1);
  };
  forgetOnExit.set(worker, forget);
  worker.once('exit', forget);
  list.push(worker);
  idle.set(script, list);
}

/**
 * Runs a CommonJS script in a child process: `input` arrives as JSON on its
 * stdin (read it into `workerData`), and the script prints its one final
 * message as JSON on stdout. At the deadline the process is killed outright.
 * For solvers that cannot be interrupted even by a worker's termination
 * (javascript-lp-solver deep in a step): a stuck worker thread would hold the
 * process at exit, a killed child does not.
 */
export function runProcess<M extends { readonly type: string }>(script: string, input: unknown, deadlineMs: number, signal?: AbortSignal): Promise<WorkerEnd<M>> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ kind: 'killed' });
      return;
    }
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settled = false;
    const finish = (end: WorkerEnd<M>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      child.kill('SIGKILL');
      resolve(end);
    };
    const timer = setTimeout(() => finish({ kind: 'killed' }), deadlineMs);
    const abort = () => finish({ kind: 'killed' });
    signal?.addEventListener('abort', abort);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (e) => finish({ kind: 'crashed', error: e.message }));
    child.on('close', (code) => {
      try {
        finish({ kind: 'message', message: JSON.parse(out) as M });
      } catch {
        finish({ kind: 'crashed', error: `solver process exited with code ${code}${err ? `: ${err.trim().split('\n')[0]}` : ''}` });
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify(input));
  });
}
