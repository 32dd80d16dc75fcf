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
