import { defineConfig } from 'vitest/config';

// Two layers (STYLE habit 15), told apart by file name:
// - unit: every tests/**/*.test.ts but the e2e ones: modules, rules, property
//   tests and small fixtures, in-process;
// - e2e: tests/**/*.e2e.test.ts: the real binary, full solves of the bundled
//   example, the browser. The example is solved once for the whole layer
//   (tests/setup/example.ts).
// `npm test` runs both; `npm run test:unit` and `npm run test:e2e` one each.
//
// Test files run in child processes, one at a time: the suite spawns the CLI
// and HiGHS worker threads, and some property tests search exhaustively; on a
// 2-core machine, test files running side by side starve vitest's own
// messaging ("Timeout calling onTaskUpdate").
const layer = { pool: 'forks' } as const;

export default defineConfig({
  test: {
    pool: 'forks',
    fileParallelism: false,
    // Runs once for either layer or both: the tests' own TMPDIR, which must be empty at the end.
    globalSetup: ['tests/setup/no-leftovers.ts'],
    projects: [
      { test: { ...layer, name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.e2e.test.ts'] } },
      { test: { ...layer, name: 'e2e', include: ['tests/**/*.e2e.test.ts'], globalSetup: ['tests/setup/example.ts'] } },
    ],
  },
});
