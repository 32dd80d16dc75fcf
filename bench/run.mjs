#!/usr/bin/env node
// The benchmark suite behind `npm run bench`: generates the instances
// (bench/generate.mjs) into bench/out/, runs `convene schedule <dir> --quiet
// --time-limit <s>` on each with each backend, several times, and prints one
// table of medians; then a scaling line, native CBC on the plain one-stage
// model when `cbc` is installed (bench/cbc.mjs), and the 10,000-registrant
// allocation (bench/allocate.mjs) and the Civil Society Day agenda
// (bench/agenda.mjs). Figures only: no test asserts a time.
//
//   node bench/run.mjs [--quick] [--runs n] [--only a,b] [--time-limit s]
//                      [--no-cbc] [--cbc-runs n] [--no-allocate] [--no-agenda] [--dist dir] [--json file]
//
// The sources are compiled once into bench/out/dist (a snapshot: dist/ may be
// rebuilt meanwhile), unless --dist names a build to use.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INSTANCES, writeInstance } from './generate.mjs';
import { cbcVersion, exportLp, hasCbc, instanceDir, runCbc, timed } from './cbc.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p)) ?? null;

// ---- options ----
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const k = argv.indexOf(name);
  return k >= 0 ? argv[k + 1] : undefined;
};
const quick = flag('--quick');
const runs = Number(value('--runs') ?? (quick ? 1 : 3));
// CBC is a reference, run once unless asked: its figures vary less than ours, and it may overrun its limit.
const cbcRuns = Number(value('--cbc-runs') ?? 1);
const limitOverride = value('--time-limit') === undefined ? null : Number(value('--time-limit'));

/**
 * What runs: instance, backend, time limit, extra flags. jslp only where it
 * could answer at all (its "no answer" is a figure too); the rest is HiGHS,
 * as `auto` picks. The limits are issue 14's: festival 10 s, regional 30 s,
 * national 60 s, global 120 s, the example 60 s, all with the default goals;
 * `committee` is fixtures/ogp-americas-committee (the example with an
 * exclusive opening and closing and favourites.csv) at 60 s;
 * `regional-rules` and `national-rules` are those instances with issue 16's
 * rules on (bench/generate.mjs withRules), at their limits. The large
 * instances also run with every soft goal off (tag `hard`), the plain model
 * native CBC is compared on.
 */
const PLAN = [
  { instance: 'tiny', backend: 'highs', limit: 10, quick: true },
  { instance: 'tiny', backend: 'jslp', limit: 10, quick: true },
  { instance: 'example', backend: 'highs', limit: 60, quick: true },
  { instance: 'committee', backend: 'highs', limit: 60, quick: false },
  { instance: 'festival', backend: 'highs', limit: 10, quick: true },
  { instance: 'regional', backend: 'highs', limit: 30, quick: true },
  { instance: 'regional', backend: 'jslp', limit: 10, quick: false },
  { instance: 'regional-rules', backend: 'highs', limit: 30, quick: false },
  { instance: 'national-rules', backend: 'highs', limit: 60, quick: false },
  { instance: 'national', backend: 'highs', limit: 60, quick: false, tag: 'hard', hard: true },
  { instance: 'national', backend: 'highs', limit: 60, quick: false },
  { instance: 'global', backend: 'highs', limit: 120, quick: false, tag: 'hard', hard: true },
  { instance: 'global', backend: 'highs', limit: 120, quick: false },
];
const only = value('--only')?.split(',');
const plan = PLAN.filter((p) => (only ? only.includes(p.instance) : !quick || p.quick)).map((p) => ({
  ...p,
  limit: limitOverride !== null && p.backend === 'highs' ? limitOverride : p.limit,
}));

// ---- build a snapshot and generate the instances ----
mkdirSync(out, { recursive: true });
let dist = value('--dist') ? path.resolve(value('--dist')) : null;
const buildNotes = [];
if (dist === null) {
  dist = path.join(out, 'dist');
  rmSync(dist, { recursive: true, force: true });
  // Its own build-info file: with dist/'s (tsconfig.build.json's), tsc finds the sources built already and writes nothing here.
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', dist, '--tsBuildInfoFile', path.join(dist, '.tsbuildinfo')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) {
    const errors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
    buildNotes.push(`the sources had ${errors} type error(s) when compiled (tsc still emitted JavaScript, which was timed)`);
  }
  if (!existsSync(path.join(dist, 'cli', 'main.js'))) {
    console.error(tsc.stdout, tsc.stderr);
    process.exit(1);
  }
  // The CLI reads its version from ../../package.json relative to its module.
  copyFileSync(path.join(root, 'package.json'), path.join(out, 'package.json'));
}
// Every soft goal the build knows, off: taken from the build, so a goal added later is never left on.
const { GOAL_NAMES } = await import(pathToFileURL(path.join(dist, 'model', 'goals', 'registry.js')).href);
const HARD = GOAL_NAMES.flatMap((t) => ['--weight', `${t}=0`]);
const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
const commit = git(['rev-parse', '--short', 'HEAD']);
const dirty = git(['status', '--porcelain', '--', 'src']).length > 0;

const instances = [...new Set(plan.map((p) => p.instance))];
const sizes = new Map();
for (const name of instances) {
  if (INSTANCES[name]) sizes.set(name, writeInstance(name, path.join(out, name)));
}
const itemsOf = (name) => {
  const s = sizes.get(name);
  if (s) return s.items;
  const text = readFileSync(path.join(instanceDir(name, out), 'themes.csv'), 'utf8');
  return text.trim().split('\n').length - 1; // the fixtures have no line breaks inside cells
};

// ---- run ----
const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

function runOnce(p, k) {
  const dir = instanceDir(p.instance, out);
  mkdirSync(path.join(out, 'runs'), { recursive: true });
  const target = path.join(out, 'runs', `${p.instance}-${p.backend}${p.tag ? `-${p.tag}` : ''}-${k}`);
  rmSync(target, { recursive: true, force: true });
  const timeFile = `${target}.time`;
  const rssFile = `${target}.rss`;
  rmSync(timeFile, { force: true });
  rmSync(rssFile, { force: true });
  const cli = [path.join(here, 'cli.mjs'), 'schedule', dir, '-o', target, '--quiet', '--time-limit', String(p.limit), '--solver', p.backend, ...(p.hard ? HARD : [])];
  const env = { ...process.env, CONVENE_DIST: dist, ...(TIME ? {} : { BENCH_RSS_FILE: rssFile }) };
  // A run that overruns its limit by far is stopped (by coreutils `timeout`, so that /usr/bin/time still reports): "no answer".
  const deadline = p.limit + 300;
  const inner = TIMEOUT ? [TIMEOUT, '-s', 'KILL', String(deadline), process.execPath, ...cli] : [process.execPath, ...cli];
  const [cmd, ...args] = TIME ? [TIME, '-f', '%e %M', '-o', timeFile, ...inner] : inner;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: (deadline + 30) * 1000, killSignal: 'SIGKILL' });
  let wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let peakKiB = null;
  const measured = TIME && existsSync(timeFile) ? timed(readFileSync(timeFile, 'utf8')) : null;
  if (measured) {
    wall = measured.seconds;
    peakKiB = measured.kib;
  } else if (existsSync(rssFile)) peakKiB = Number(readFileSync(rssFile, 'utf8')) || null;
  const reportFile = path.join(target, 'report.json');
  const report = r.status === 0 && existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null;
  let status;
  if (report) status = report.status;
  else if (r.signal || r.status === 137) status = 'no answer (killed)';
  else if (/heap out of memory|Last few GCs/.test(r.stdout + r.stderr)) status = 'out of memory';
  else if (/within the \d+(\.\d+)?-second time limit/.test(r.stdout + r.stderr)) status = 'no answer';
  else if (r.status === 1) status = 'infeasible?';
  else status = `error (exit ${r.status})`;
  return { wall, peakMiB: peakKiB === null ? null : peakKiB / 1024, status, report, stderr: report ? '' : (r.stdout + r.stderr).trim() };
}

const rows = [];
const started = Date.now();
console.log(
  `convene bench: ${runs} run(s) each, ${value('--dist') ? `build ${path.relative(root, dist)} (given; the tree is now at ${commit})` : `commit ${commit}${dirty ? ' with uncommitted changes in src/' : ''}`}, ` +
    `node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
);
for (const note of buildNotes) console.log(`note: ${note}`);
for (const p of plan) {
  const results = [];
  for (let k = 1; k <= runs; k++) {
    const r = runOnce(p, k);
    results.push(r);
    process.stderr.write(`  ${p.instance}${p.tag ? ` (${p.tag})` : ''}/${p.backend} run ${k}: ${r.status}, ${r.wall.toFixed(1)} s${r.report ? `, objective ${r.report.objective}` : ''}\n`);
    if (!r.report && r.stderr) process.stderr.write(`    ${r.stderr.split('\n').slice(0, 2).join(' | ')}\n`);
  }
  rows.push({ ...p, items: itemsOf(p.instance), results });
}

// Model size for runs without a report (no answer): the one-stage model, built apart, with its LP file for CBC.
// Only where CBC runs or a run wrote no report: building global's one-stage model alone takes over ten minutes.
const wantCbc = !flag('--no-cbc');
const cbc = wantCbc && hasCbc();
const plain = new Map();
for (const name of instances) {
  const unreported = rows.some((row) => row.instance === name && row.results.some((r) => !r.report));
  if (cbc || unreported) plain.set(name, exportLp(instanceDir(name, out), path.join(out, `${name}.lp`), { dist }));
}
const cbcResults = new Map();
if (cbc) {
  for (const name of instances) {
    if (!plain.has(name) || plain.get(name).error) continue;
    const limit = Math.max(...plan.filter((p) => p.instance === name && p.backend === 'highs' && !p.tag).map((p) => p.limit), 10);
    const walls = [];
    let last = null;
    for (let k = 1; k <= cbcRuns; k++) {
      last = runCbc(path.join(out, `${name}.lp`), limit);
      walls.push(last.wall);
      process.stderr.write(`  ${name}/cbc run ${k}: ${last.status}, ${last.wall.toFixed(1)} s\n`);
    }
    cbcResults.set(name, { ...last, wall: median(walls), limit });
  }
}

// ---- print ----
const fmt = (v, d = 1) => (v === null || v === undefined ? '-' : v.toFixed(d));
/** The median over the runs of the best cost known `seconds` into the run ('-' when none was yet). */
function costAt(reports, seconds) {
  const costs = reports.map((r) => (r.timing.trace ?? []).filter((t) => t.seconds <= seconds).at(-1)?.cost).filter((c) => c !== undefined);
  return costs.length === 0 ? '-' : String(Math.round(median(costs)));
}
const table = [];
for (const row of rows) {
  const reports = row.results.map((r) => r.report).filter(Boolean);
  const statuses = row.results.map((r) => r.status);
  const distinct = [...new Set(statuses)];
  const status = distinct.length === 1 ? distinct[0] : distinct.map((s) => `${s} ${statuses.filter((x) => x === s).length}/${statuses.length}`).join(', ');
  const objectives = [...new Set(reports.map((r) => r.objective))].sort((a, b) => a - b);
  const gaps = reports.map((r) => r.gap).filter((g) => g !== null);
  const model = reports[0]?.model ?? plain.get(row.instance);
  const fromPlain = !reports[0] && model && !model.error;
  // CBC solves the plain model with the default soft goals: it sits beside the run that has them.
  const c = row.backend === 'highs' && !row.tag ? cbcResults.get(row.instance) : undefined;
  table.push({
    instance: `${row.instance}${row.tag ? ` ${row.tag}` : ''} (${row.items})`,
    backend: row.backend,
    'limit s': String(row.limit),
    'build s': reports.length > 0 ? fmt(median(reports.map((r) => r.timing.buildSeconds)), 2) : fromPlain ? `${fmt(model.buildSeconds, 2)}*` : '-',
    'solve s': fmt(median(reports.map((r) => r.timing.solveSeconds))),
    'wall s': fmt(median(row.results.map((r) => r.wall))),
    status,
    // The anytime curve: the best cost known after 10 s and 30 s of the run (report.json timing.trace), then at the end.
    'cost 10 s': costAt(reports, 10),
    'cost 30 s': row.limit > 10 ? costAt(reports, 30) : '',
    objective: objectives.length === 0 ? '-' : objectives.length === 1 ? String(objectives[0]) : `${objectives[0]}-${objectives[objectives.length - 1]}`,
    gap: gaps.length === 0 ? '-' : `${fmt(median(gaps) * 100)} %`,
    'peak MiB': fmt(median(row.results.map((r) => r.peakMiB)), 0),
    variables: model && !model.error ? `${model.variables}${fromPlain ? '*' : ''}` : '-',
    rows: model && !model.error ? `${model.rows}${fromPlain ? '*' : ''}` : '-',
    nonzeros: model && !model.error ? `${model.nonzeros}${fromPlain ? '*' : ''}` : '-',
    ...(cbc ? { CBC: c ? `${c.status}${c.objective !== null ? ` ${c.objective}` : ''}, ${fmt(c.wall)} s, ${fmt(c.peakMiB, 0)} MiB` : '' } : {}),
  });
}
const columns = Object.keys(table[0] ?? {});
const widths = columns.map((col) => Math.max(col.length, ...table.map((t) => t[col].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log('');
console.log(line(columns));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const t of table) console.log(line(columns.map((c) => t[c])));
console.log('');
console.log('Medians of the runs. wall s: the whole command (start-up, read, build, solve, check, write); build s and solve s from report.json;');
console.log('cost 10 s, cost 30 s: the best cost known that far into the run (report.json timing.trace), then objective at the end;');
console.log('peak MiB: maximum resident memory of the command (worker threads included). A run with no report (no answer) has no solve time.');
if (table.some((t) => t.variables.endsWith('*'))) console.log('*: size and build time of the plain one-stage model, built apart in its own process (the run wrote no report).');
if (cbc) console.log(`CBC: native CBC ${cbcVersion()} on the plain one-stage model (bench/out/<instance>.lp), same time limit, wall time and peak memory of the cbc process (median wall of ${cbcRuns}).`);
else if (wantCbc) console.log('CBC: not on PATH; column left out (Debian: apt-get install coinor-cbc). The LP files are in bench/out/.');

const scaling = rows
  .filter((r) => r.backend === 'highs')
  .map((r) => {
    const wall = median(r.results.map((x) => x.wall));
    return `${r.instance}${r.tag ? ` ${r.tag}` : ''} ${(wall / r.items).toFixed(3)} s/item (${r.items} items, ${r.results[0].status})`;
  });
console.log(`Scaling (median wall seconds per item, HiGHS): ${scaling.join('; ')}`);
const witness = [...sizes.values()].map((s) => s.name);
if (witness.length > 0) {
  const costs = witness.map((name) => {
    const r = spawnSync(process.execPath, [path.join(here, 'cli.mjs'), 'check', path.join(out, name), path.join(out, name, 'witness.csv')], {
      env: { ...process.env, CONVENE_DIST: dist },
      encoding: 'utf8',
    });
    const m = /cost (\d+(?:\.\d+)?)/.exec(r.stdout);
    return `${name} ${r.status === 0 ? (m ? m[1] : '0') : 'FAILS THE CHECK'}`;
  });
  console.log(`Witness schedules (feasible by construction), objective: ${costs.join('; ')}`);
}

// ---- allocation ----
let allocation = null;
if (!flag('--no-allocate')) {
  const r = spawnSync(process.execPath, [path.join(here, 'allocate.mjs'), '10000', String(runs)], {
    env: { ...process.env, CONVENE_DIST: dist },
    encoding: 'utf8',
  });
  allocation = (r.stdout + (r.status === 0 ? '' : r.stderr)).trim();
  console.log('');
  console.log('Allocation (bench/allocate.mjs, read + allocate + render, files not written):');
  console.log(allocation);
}
// ---- the Civil Society Day agenda ----
let agenda = null;
if (!flag('--no-agenda')) {
  const r = spawnSync(process.execPath, [path.join(here, 'agenda.mjs'), '--runs', String(runs), '--dist', dist], { encoding: 'utf8' });
  agenda = (r.stdout + (r.status === 0 ? '' : r.stderr)).trim();
  console.log('');
  console.log('Civil Society Day agenda (bench/agenda.mjs):');
  console.log(agenda);
}
console.log('');
console.log(`Suite took ${((Date.now() - started) / 60000).toFixed(1)} min; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}.`);

const jsonFile = value('--json');
if (jsonFile) {
  writeFileSync(
    jsonFile,
    JSON.stringify({ commit, dirty, runs, node: process.version, rows: rows.map((r) => ({ ...r, results: r.results.map(({ report, ...x }) => ({ ...x, report })) })), table, plain: Object.fromEntries(plain), cbc: Object.fromEntries(cbcResults), allocation, agenda }, null, 2),
  );
}
