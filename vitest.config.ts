import { defineConfig } from 'vitest/config';

// The suite spawns the CLI and HiGHS worker threads, and some property tests
// search exhaustively; on a 2-core machine, test files running side by side
// starve vitest's own messaging ("Timeout calling onTaskUpdate"). One file at
// a time, each in its own process, keeps the run steady.
export default defineConfig({
  test: {
    pool: 'forks',
    fileParallelism: false,
    include: ['tests/**/*.test.ts'],
  },
});
