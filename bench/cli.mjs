#!/usr/bin/env node
// bin/convene.js for the benchmark: loads the CLI from the build named by
// CONVENE_DIST (default: dist), so a run times one fixed snapshot of the
// sources even while dist/ is being rebuilt. With BENCH_RSS_FILE set it also
// writes the process's peak resident memory (KiB, worker threads included)
// there on exit: bench/run.mjs uses that when /usr/bin/time is missing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.env.CONVENE_DIST ?? path.join(root, 'dist'));
if (process.env.BENCH_RSS_FILE) {
  const file = process.env.BENCH_RSS_FILE;
  process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
const { main } = await import(pathToFileURL(path.join(dist, 'cli', 'main.js')).href);
process.exitCode = await main(process.argv);
