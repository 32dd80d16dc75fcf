import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';

export type WorkerEnd<M> = { readonly kind: 'message'; readonly message: M } | { readonly kind: 'killed' } | { readonly kind: 'crashed'; readonly error: string };

/**
 * Runs a CommonJS script in a worker thread and waits for the message it marks
 * as final (`type: 'done'` or `'error'`), passing every other message to
 * `onMessage`. At the deadline the worker is terminated, however busy its
 * solver is: a synchronous WebAssembly solve cannot be interrupted otherwise.
 */
export function runWorker<M extends { readonly type: string }>(
  script: string,
  workerData: unknown,
  deadlineMs: number,
  onMessage: (m: M) => void,
): Promise<WorkerEnd<M>> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { eval: true, workerData });
    let settled = false;
    const finish = (end: WorkerEnd<M>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(end);
    };
    const timer = setTimeout(() => finish({ kind: 'killed' }), deadlineMs);
    worker.on('message', (m: M) => {
      if (m.type === 'done' || m.type === 'error') finish({ kind: 'message', message: m });
      else onMessage(m);
    });
    worker.on('error', (e) => finish({ kind: 'crashed', error: e instanceof Error ? e.message : String(e) }));
    worker.on('exit', (code) => finish({ kind: 'crashed', error: `solver worker exited with code ${code}` }));
  });
}

/**
 * Runs a CommonJS script in a child process: `input` arrives as JSON on its
 * stdin (read it into `workerData`), and the script prints its one final
 * message as JSON on stdout. At the deadline the process is killed outright.
 * For solvers that cannot be interrupted even by a worker's termination
 * (javascript-lp-solver deep in a step): a stuck worker thread would hold the
 * process at exit, a killed child does not.
 */
export function runProcess<M extends { readonly type: string }>(script: string, input: unknown, deadlineMs: number): Promise<WorkerEnd<M>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settled = false;
    const finish = (end: WorkerEnd<M>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(end);
    };
    const timer = setTimeout(() => finish({ kind: 'killed' }), deadlineMs);
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
