/**
 * Temporary folders for tests, removed when the tests that made them are
 * done, with everything written into them (a spawned binary's outputs too).
 * The suite fails if anything is left in the temp directory
 * (tests/setup/no-leftovers.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * Call at the top of a file or a `describe`; returns a function that makes a
 * fresh folder `<tmp>/<prefix>XXXXXX`. The folders are removed after each test
 * (`'each'`, the default) or after the last test of the file or describe
 * (`'all'`, for folders made in `beforeAll`).
 *
 * Not for `test.concurrent`: an `'each'` clean-up would remove the folders of
 * tests still running.
 */
export function tempDirs(prefix = 'convene-', removeAfter: 'each' | 'all' = 'each'): () => string {
  const made: string[] = [];
  (removeAfter === 'each' ? afterEach : afterAll)(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
