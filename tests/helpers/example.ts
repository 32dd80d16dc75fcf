/** The end-to-end layer's one solve of the bundled example (started by tests/setup/example.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { Run } from '../cli/run.js';

/**
 * `convene schedule fixtures/ogp-americas -o <out> --quiet`, once per test run:
 * its exit code and output, and the folder it wrote. Read it, never write
 * into it: other tests read it too. Only for *.e2e.test.ts files.
 */
export async function exampleSchedule(): Promise<Run & { readonly out: string }> {
  const shared = inject('exampleSchedule');
  if (!shared) throw new Error('exampleSchedule() is provided to the e2e project only (name the file *.e2e.test.ts)');
  while (!existsSync(shared.result)) await sleep(100);
  return { ...(JSON.parse(readFileSync(shared.result, 'utf8')) as Run), out: shared.out };
}
