import { defineConfig } from 'vitest/config';

// Two layers (STYLE habit 15), told apart by file name:
// - unit: every tests/**/*.test.ts but the e2e ones: modules, rules, property
//   tests and small fixtures, in-process;
// - e2e: tests/**/*.e2e.test.ts: the real binary, full solves of the bundled
//   example, the browser. The example is solved once for the whole layer
//   (tests/setup/example.ts).
// `npm test` runs both; `npm run test:unit` and `npm run test:e2e` one each.
//
// How they run, measured on a 2-core machine: the unit layer in one worker
// thread that keeps its modules (and HiGHS workers) from file to file
// (isolate: false; re-importing them for each file cost more than the tests);
// the e2e layer in two child processes at a time, mostly waiting on the
// binaries they start; the two layers side by side (103 s in all, against
// 117 s with one e2e file at a time).
// A slow machine must not fail a test: timeouts are generous, and no test
// asserts a wall-clock time (habit 10).
const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    poolOptions: { threads: { isolate: false, singleThread: true }, forks: { maxForks: 2, minForks: 1 } },
    // Runs once for either layer or both: the tests' own TMPDIR, which must be empty at the end.
    globalSetup: ['tests/setup/no-leftovers.ts'],
    projects: [
      { test: { ...timeouts, name: 'unit', pool: 'threads', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.e2e.test.ts'] } },
      {
        test: {
          ...timeouts,
          name: 'e2e',
          pool: 'forks',
          include: ['tests/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/example.ts'],
          // tests/cli/run.ts starts the binary only for this layer.
          env: { CONVENE_TEST_LAYER: 'e2e' },
        },
      },
    ],
  },
});
