/**
 * Global setup of the end-to-end layer: the bundled example is solved once,
 * `convene schedule fixtures/ogp-americas -o <dir> --quiet`, in the
 * background while the first test files run. Tests that only read that run's
 * outputs wait for it with `exampleSchedule()` (tests/helpers/example.ts);
 * tests that need a run of their own (other flags, other input) still spawn one.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { conveneUntil, fixture, type Run } from '../cli/run.js';
import { SYSTEM_TMPDIR } from './no-leftovers.js';

export type SharedRun = {
  /** The output folder given to `-o`. */
  readonly out: string;
  /** Where the run's exit code and output are written, as JSON, once it has finished. */
  readonly result: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    exampleSchedule: SharedRun;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  // Outside the tests' own temp directory, which must be empty when they end; removed below.
  const root = mkdtempSync(path.join(process.env[SYSTEM_TMPDIR] ?? tmpdir(), 'convene-e2e-'));
  const shared: SharedRun = { out: path.join(root, 'schedule'), result: path.join(root, 'schedule.json') };
  const stop = new AbortController();
  const finished = conveneUntil(stop.signal, 'schedule', fixture('ogp-americas'), '-o', shared.out, '--quiet')
    .catch((e: unknown): Run => ({ code: -1, stdout: '', stderr: `the binary did not run to the end: ${String(e)}` }))
    .then((run) => {
      // Written whole, then renamed: a waiting test never reads half a file.
      writeFileSync(`${shared.result}.part`, JSON.stringify(run));
      renameSync(`${shared.result}.part`, shared.result);
    });
  project.provide('exampleSchedule', shared);
  return async () => {
    // A run of a few e2e files may not have needed it: no reason to wait for the end of the solve.
    stop.abort();
    await finished;
    rmSync(root, { recursive: true, force: true });
  };
}
