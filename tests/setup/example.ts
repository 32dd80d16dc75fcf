/**
 * Global setup of the end-to-end layer: the bundled example is solved once,
 * `convene schedule fixtures/ogp-americas -o <dir> --quiet`, before any test
 * file starts. Tests that only read that run's outputs take it from
 * `exampleSchedule()` (tests/helpers/example.ts); tests that need a run of
 * their own (other flags, other input) still spawn one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { convene, fixture, type Run } from '../cli/run.js';
import { SYSTEM_TMPDIR } from './no-leftovers.js';

/** The run's exit code and output, and the folder given to `-o`. */
export type SharedRun = Run & { readonly out: string };

declare module 'vitest' {
  export interface ProvidedContext {
    exampleSchedule: SharedRun;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Outside the tests' own temp directory, which must be empty when they end; removed below.
  const root = mkdtempSync(path.join(process.env[SYSTEM_TMPDIR] ?? tmpdir(), 'convene-e2e-'));
  const out = path.join(root, 'schedule');
  // Awaited, not left running beside the first test files: alone, the solve
  // proves its optimum well within the default time limit even on a loaded
  // 2-core machine; beside other solves it once stopped at the limit, unproven.
  const run = await convene('schedule', fixture('ogp-americas'), '-o', out, '--quiet');
  project.provide('exampleSchedule', { ...run, out });
  return () => rmSync(root, { recursive: true, force: true });
}
