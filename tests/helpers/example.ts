/** The end-to-end layer's one solve of the bundled example (made by tests/setup/example.ts). */
import { inject } from 'vitest';
import type { SharedRun } from '../setup/example.js';

/**
 * `convene schedule fixtures/ogp-americas -o <out> --quiet`, once per test run:
 * its exit code and output, and the folder it wrote. Read it, never write
 * into it: other tests read it too. Only for *.e2e.test.ts files.
 */
export function exampleSchedule(): SharedRun {
  const shared = inject('exampleSchedule');
  if (!shared) throw new Error('exampleSchedule() is provided to the e2e project only (name the file *.e2e.test.ts)');
  return shared;
}
