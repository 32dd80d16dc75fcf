#!/usr/bin/env node
// Times `convene schedule` on an event folder (default: the bundled example)
// and prints the median of N runs with the model size. A figure, not a test.
//   node bench/schedule.mjs [event-dir] [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? path.join(root, 'fixtures', 'ogp-americas');
const runs = Number(process.argv[3] ?? 3);
const times = [];
let report = null;
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(path.join(tmpdir(), 'convene-bench-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'convene.js'), 'schedule', dir, '-o', out, '--quiet', '--time-limit', '120'], {
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  times.push(seconds);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`event           ${path.relative(root, dir) || dir}`);
console.log(`runs            ${runs} (${times.map((t) => t.toFixed(2)).join(', ')} s)`);
console.log(`median wall     ${median.toFixed(2)} s (whole command: start-up, read, build, solve, check, write)`);
console.log(`status          ${report.status}, objective ${report.objective}, gap ${report.gap}`);
console.log(`model           ${report.model.variables} variables, ${report.model.rows} rows, ${report.model.nonzeros} non-zeros, grid ${report.model.grid} min`);
console.log(`last run        build ${report.timing.buildSeconds} s, solve ${report.timing.solveSeconds} s (${report.solver})`);
