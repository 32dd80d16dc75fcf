/**
 * Global setup of every run: the tests get a temp directory of their own
 * (TMPDIR, which os.tmpdir() follows, in the test workers and in the binaries
 * and browsers they start), and the run fails if a test left anything in it.
 * The folder is removed either way, so what a failing test leaves behind does
 * not pile up in the system's temp directory.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The temp directory the run started with, for files that outlive the tests. */
export const SYSTEM_TMPDIR = 'CONVENE_SYSTEM_TMPDIR';

export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const dir = mkdtempSync(path.join(tmpdir(), 'convene-test-run-'));
  // For global setups that keep files of their own until the run's end.
  process.env[SYSTEM_TMPDIR] = tmpdir();
  // Test processes are started after every global setup, with this environment.
  process.env['TMPDIR'] = dir;
  return () => {
    const left = readdirSync(dir).sort();
    rmSync(dir, { recursive: true, force: true });
    delete process.env[SYSTEM_TMPDIR];
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    if (left.length > 0) {
      console.error(`\nThe tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temp directory (removed now): ${left.join(', ')}`);
      console.error('A test that makes a temp folder removes it: see tests/helpers/tmp.ts.');
      process.exitCode = 1;
    }
  };
}
