#!/usr/bin/env node
// The Civil Society Day benchmark: `convene agenda` on the example day
// (fixtures/ogp-americas) and on generated unconferences (bench/unconference.mjs:
// medium, 500 people; large, 2,000 people, 300 proposals, 6 blocks, 50 spaces),
// beside the greedy agenda of open-space tools (most wanted first, each into
// the block where it clashes least; the report's `greedy` figure, computed by
// src/agenda/greedy.ts). Each run's unconference.csv is read back and checked
// here with the independent checker. Prints one table and the floors of
// issue 13; no test asserts these figures.
//
//   npm run build && node bench/agenda.mjs [--runs n] [--only example,large] [--prove s] [--dist dir] [--json file]
//
// Columns: interest met by the greedy agenda and by `agenda`, how much more,
// the upper bound agenda proves (and by which method) and the gap to it, wall
// seconds and peak memory of the whole command (/usr/bin/time), and the
// checker's verdict on the written file. Medians over the runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeUnconference } from './unconference.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const argv = process.argv.slice(2);
const value = (name) => {
  const k = argv.indexOf(name);
  return k >= 0 ? argv[k + 1] : undefined;
};
const runs = Number(value('--runs') ?? 3);
const dist = path.resolve(value('--dist') ?? path.join(root, 'dist'));
const only = value('--only')?.split(',');
const proveSeconds = Number(value('--prove') ?? 30);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** What runs, and the floors of issue 13. */
const PLAN = [
  { instance: 'example', limit: 60, floor: { aboveGreedy: 0.03, gap: 0.15, seconds: 5 } },
  { instance: 'example', tag: 'prove', limit: 60, prove: proveSeconds },
  { instance: 'medium', limit: 60 },
  { instance: 'large', limit: 50, floor: { aboveGreedy: 0, seconds: 60, mib: 1024, gapReported: true } },
].filter((p) => !only || only.includes(p.instance));

const out = path.join(here, 'out');
const dirOf = (instance) => (instance === 'example' ? path.join(root, 'fixtures', 'ogp-americas') : path.join(out, `unconference-${instance}`));
for (const p of PLAN) if (p.instance !== 'example' && !existsSync(path.join(dirOf(p.instance), 'proposals.csv'))) writeUnconference(p.instance, dirOf(p.instance));

const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { readAgendaInput } = await load('io/agenda/read.js');
const { readAgendaBaseline } = await load('io/agenda/baseline.js');
const { checkAgenda } = await load('agenda/check.js');

/** Reads the written unconference.csv back and checks it against the day's rules, roles included. */
async function verdict(dir, file) {
  const input = await readAgendaInput(dir);
  const baseline = await readAgendaBaseline(file, input, []);
  const violations = checkAgenda(input, { slots: baseline.slots, roles: baseline.roles });
  return violations.length === 0 ? 'valid' : `${violations.length} violations: ${violations[0].message}`;
}

function runOnce(p) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'convene-bench-agenda-'));
  const outDir = path.join(tmp, 'out');
  const inner = [process.execPath, path.join(here, 'cli.mjs'), 'agenda', dirOf(p.instance), '-o', outDir, '--quiet', '--time-limit', String(p.limit), ...(p.prove ? ['--prove', String(p.prove)] : [])];
  const timeFile = path.join(tmp, 'time');
  const rssFile = path.join(tmp, 'rss');
  const [cmd, ...args] = TIME ? [TIME, '-f', '%e %M', '-o', timeFile, ...inner] : inner;
  const started = Date.now();
  const r = spawnSync(cmd, args, { env: { ...process.env, CONVENE_DIST: dist, ...(TIME ? {} : { BENCH_RSS_FILE: rssFile }) }, encoding: 'utf8' });
  const wall = (Date.now() - started) / 1000;
  const measured = TIME && existsSync(timeFile) ? /^([0-9.]+) ([0-9]+)$/.exec(readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '') : null;
  const seconds = measured ? Number(measured[1]) : wall;
  const kib = measured ? Number(measured[2]) : existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  const reportFile = path.join(outDir, 'agenda-report.json');
  const report = r.status === 0 && existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null;
  return { status: r.status, stderr: r.stderr, seconds, mib: kib / 1024, report, tmp, file: path.join(outDir, 'unconference.csv') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '' : `${(x * 100).toFixed(1)} %`);
const fmt = (n) => (n === null || n === undefined ? '' : String(n).replace(/\B(?=(\d{3})+$)/g, ','));

const started = new Date().toISOString();
const rows = [];
for (const p of PLAN) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const res = runOnce(p);
    res.verdict = res.status === 0 ? await verdict(dirOf(p.instance), res.file) : `exit ${res.status}: ${res.stderr.trim().split('\n')[0]}`;
    rmSync(res.tmp, { recursive: true, force: true });
    results.push(res);
  }
  rows.push({ ...p, results });
}

console.log(`convene agenda benchmark, started ${started.slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${runs} run${runs === 1 ? '' : 's'} each (medians)`);
console.log('');
console.log('| instance | people | proposals | slots | limit s | greedy | agenda | above greedy | bound (method) | gap | wall s | peak MiB | checked |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |');
const floors = [];
for (const row of rows) {
  const ok = row.results.filter((r) => r.report);
  const first = ok[0]?.report;
  const met = median(ok.map((r) => r.report.interest.met));
  const greedy = first?.interest.greedy;
  const bound = median(ok.map((r) => r.report.interest.bound ?? NaN));
  const gap = median(ok.map((r) => r.report.interest.gap ?? NaN));
  const above = median(ok.map((r) => r.report.interest.aboveGreedy ?? NaN));
  const seconds = median(row.results.map((r) => r.seconds));
  const mib = median(row.results.map((r) => r.mib));
  const verdicts = [...new Set(row.results.map((r) => r.verdict))].join('; ');
  const name = `${row.instance}${row.tag ? ` (--prove ${row.prove})` : ''}`;
  console.log(
    `| ${name} | ${fmt(first?.counts.people)} | ${fmt(first?.counts.proposals)} | ${fmt(first?.counts.slots)} | ${row.limit} | ${fmt(greedy)} | ${fmt(met)} | ${pct(above)} | ${fmt(bound)} (${first?.interest.boundMethod ?? ''}) | ${pct(gap)} | ${seconds.toFixed(1)} | ${Math.round(mib)} | ${verdicts} |`,
  );
  const f = row.floor;
  if (!f) continue;
  const checks = [
    ['valid (checked)', verdicts === 'valid', verdicts],
    ['above greedy', above > (f.aboveGreedy ?? 0) || (f.aboveGreedy === 0 && met > greedy), `${pct(above)} (floor ${f.aboveGreedy ? `>= ${pct(f.aboveGreedy)}` : '> 0'})`],
    f.gap !== undefined ? ['gap', gap < f.gap, `${pct(gap)} (floor < ${pct(f.gap)})`] : ['gap reported', !Number.isNaN(gap), pct(gap)],
    ['whole command', seconds < f.seconds, `${seconds.toFixed(1)} s (floor < ${f.seconds} s)`],
    ...(f.mib ? [['memory', mib < f.mib, `${Math.round(mib)} MiB (floor < ${f.mib} MiB)`]] : []),
  ];
  for (const [what, met_, text] of checks) floors.push(`${row.instance}: ${what}: ${text}: ${met_ ? 'met' : 'MISSED'}`);
}
console.log('');
console.log('Floors of issue 13:');
for (const f of floors) console.log(`- ${f}`);

const jsonFile = value('--json');
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ started, runs, rows: rows.map((r) => ({ ...r, results: r.results.map(({ tmp: _tmp, file: _file, ...x }) => x) })) }, null, 2));
