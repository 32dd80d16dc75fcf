/** Spawns the real binary, as a user would, and strips colour codes from what it prints. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'convene.js');

export type Run = { readonly code: number; readonly stdout: string; readonly stderr: string };

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * Asynchronous on purpose: a synchronous spawn blocks the test process for the
 * whole run, and vitest's own messages time out on a busy machine.
 */
export function convene(...args: string[]): Promise<Run> {
  // In a test, only the e2e layer starts the binary: the unit layer does not build dist/ first, and must stay fast.
  if (process.env['VITEST_WORKER_ID'] !== undefined && process.env['CONVENE_TEST_LAYER'] !== 'e2e') {
    return Promise.reject(new Error('this test starts bin/convene.js, which makes it an end-to-end test: name its file *.e2e.test.ts'));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: stdout.replace(ANSI, ''), stderr: stderr.replace(ANSI, '') }));
  });
}

export function fixture(name: string): string {
  return path.join(ROOT, 'fixtures', name);
}
