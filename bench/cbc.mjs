#!/usr/bin/env node
// Native CBC on the plain one-stage model, for comparison: the model that
// buildModel (dist/model/build.js) makes of an event folder, written as CPLEX
// LP text by dist/solve/lp-format.js to bench/out/<instance>.lp, then
// `cbc <file>.lp sec <limit> solve`, timed (wall and peak memory). Nothing in
// convene needs CBC: without `cbc` on PATH (Debian: coinor-cbc) the LP files
// are still written and the CBC column is left out.
//   npm run build && node bench/cbc.mjs [instance ...] [--time-limit s]
// An instance is a name known to bench/generate.mjs, `example`, `tiny`, or a folder.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p)) ?? null;

/** The last line of a `/usr/bin/time -f "%e %M"` file: wall seconds and peak KiB, or null. */
export function timed(text) {
  const m = /^([0-9.]+) ([0-9]+)$/.exec(text.trim().split('\n').pop() ?? '');
  return m ? { seconds: Number(m[1]), kib: Number(m[2]) } : null;
}

/** Whether a `cbc` binary answers on PATH. */
export function hasCbc() {
  const r = spawnSync('cbc', ['-quit'], { encoding: 'utf8' });
  return r.status === 0 && /CBC/i.test(r.stdout ?? '');
}

/** CBC's version line, or null. */
export function cbcVersion() {
  const r = spawnSync('cbc', ['-quit'], { encoding: 'utf8' });
  return r.status === 0 ? (/Version:\s*(\S+)/.exec(r.stdout ?? '')?.[1] ?? 'unknown') : null;
}

/**
 * Builds the one-stage model of `dir` with the build in `dist` and writes it
 * to `lpFile`, in a child process (a big model is not held by the caller).
 * Returns {variables, rows, nonzeros, grid, buildSeconds, writeSeconds} or {error}.
 */
export function exportLp(dir, lpFile, { dist = path.join(root, 'dist'), gap = 10 } = {}) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--export', dir, lpFile, String(gap)], {
    encoding: 'utf8',
    env: { ...process.env, CONVENE_DIST: dist },
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) return { error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function exportInProcess(dir, lpFile, gap) {
  const dist = path.resolve(process.env.CONVENE_DIST ?? path.join(root, 'dist'));
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const { readEvent } = await load('io/event.js');
  const { buildContext } = await load('model/context.js');
  const { buildModel } = await load('model/build.js');
  const { modelSize } = await load('model/mip.js');
  const { lpLines } = await load('solve/lp-format.js');
  const event = await readEvent(dir);
  const t0 = process.hrtime.bigint();
  const built = buildModel(buildContext(event, { gap }));
  const t1 = process.hrtime.bigint();
  if (!built.ok) throw new Error(`no model: items with no placement (${[...built.rejected.keys()].join(', ')})`);
  // Index names keep big files small; the readable ones are for looking at small models.
  // Written line by line: a big model's text is longer than one JavaScript string may be.
  const fd = openSync(lpFile, 'w');
  let bytes = 0;
  let chunk = [];
  let size = 0;
  const flush = () => {
    const text = chunk.join('');
    writeSync(fd, text);
    bytes += Buffer.byteLength(text);
    chunk = [];
    size = 0;
  };
  for (const line of lpLines(built.model.mip, { names: built.model.mip.columns.length > 20000 ? 'index' : 'readable' })) {
    chunk.push(line, '\n');
    size += line.length + 1;
    if (size > 1 << 22) flush();
  }
  flush();
  closeSync(fd);
  const t2 = process.hrtime.bigint();
  const s = (a, b) => Number(b - a) / 1e9;
  return { ...modelSize(built.model.mip), grid: built.model.grid, buildSeconds: s(t0, t1), writeSeconds: s(t1, t2), bytes };
}

/**
 * `cbc <lpFile> sec <limit> solve`: status (optimal, feasible, infeasible,
 * no answer), objective, gap, wall seconds, peak MiB. CBC may overrun its
 * limit inside the root LP; it is killed at 3x the limit plus a minute.
 */
export function runCbc(lpFile, limit) {
  const args = [lpFile, 'sec', String(limit), 'solve'];
  const rssFile = `${lpFile}.time`;
  rmSync(rssFile, { force: true });
  const deadline = limit * 3 + 60;
  // coreutils `timeout` stops cbc itself (killing /usr/bin/time would leave cbc running); else spawnSync's own timeout.
  const inner = TIMEOUT ? [TIMEOUT, '-s', 'KILL', String(deadline), 'cbc', ...args] : ['cbc', ...args];
  const [cmd, ...argv] = TIME ? [TIME, '-f', '%e %M', '-o', rssFile, ...inner] : inner;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: (deadline + 30) * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 26 });
  let wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let peakMiB = null;
  const measured = TIME && existsSync(rssFile) ? timed(readFileSync(rssFile, 'utf8')) : null;
  if (measured) {
    wall = measured.seconds;
    peakMiB = measured.kib / 1024;
  }
  const killed = r.error || r.signal || r.status === 137 || /signal 9/.test(existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : '');
  const out = r.stdout ?? '';
  const result = /Result - (.*)/.exec(out)?.[1]?.trim() ?? '';
  const number = (label) => {
    const m = new RegExp(`${label}:\\s*(-?[0-9.eE+-]+)`).exec(out);
    return m ? Number(m[1]) : null;
  };
  let objective = number('Objective value');
  let status;
  if (killed) status = 'no answer (killed)';
  else if (/Optimal solution found/i.test(result)) status = 'optimal';
  else if (/infeasible/i.test(result)) status = 'infeasible';
  else if (/No feasible solution found/i.test(out) || objective === null || objective > 1e49) {
    status = 'no answer';
    objective = null;
  } else status = 'feasible';
  const bound = number('Lower bound');
  const gap = status === 'optimal' ? 0 : objective !== null && bound !== null && objective > 0 ? Math.max(0, (objective - bound) / objective) : null;
  return { status, objective, gap, wall, peakMiB, result };
}

/** bench/out/<name> for a generated instance, the fixture folder for `example` and `tiny`, else the path itself. */
export function instanceDir(name, out = path.join(here, 'out')) {
  if (name === 'example') return path.join(root, 'fixtures', 'ogp-americas');
  if (name === 'tiny') return path.join(root, 'fixtures', 'tiny');
  if (name === 'committee') return path.join(root, 'fixtures', 'ogp-americas-committee');
  return existsSync(path.join(out, name)) ? path.join(out, name) : path.resolve(name);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--export') {
    const [, dir, lpFile, gap] = args;
    console.log(JSON.stringify(await exportInProcess(dir, lpFile, Number(gap ?? 10))));
  } else {
    let limit = 120;
    const names = [];
    for (let k = 0; k < args.length; k++) {
      if (args[k] === '--time-limit') limit = Number(args[++k]);
      else names.push(args[k]);
    }
    const { writeInstance, INSTANCES } = await import('./generate.mjs');
    const out = path.join(here, 'out');
    mkdirSync(out, { recursive: true });
    const cbc = hasCbc();
    if (!cbc) console.log('cbc is not on PATH (Debian: apt-get install coinor-cbc): writing the LP files only');
    for (const name of names.length > 0 ? names : ['example', ...Object.keys(INSTANCES)]) {
      if (INSTANCES[name]) writeInstance(name, path.join(out, name));
      const lp = path.join(out, `${name}.lp`);
      const size = exportLp(instanceDir(name, out), lp);
      if (size.error) {
        console.log(`${name}: ${size.error}`);
        continue;
      }
      const line = `${name}: ${size.variables} variables, ${size.rows} rows, ${size.nonzeros} non-zeros (build ${size.buildSeconds.toFixed(2)} s) -> ${path.relative(root, lp)}`;
      if (!cbc) {
        console.log(line);
        continue;
      }
      const c = runCbc(lp, limit);
      console.log(`${line}; CBC ${cbcVersion()}: ${c.status}, objective ${c.objective ?? '-'}, gap ${c.gap === null ? '-' : (c.gap * 100).toFixed(1) + ' %'}, ${c.wall.toFixed(1)} s, ${c.peakMiB === null ? '?' : c.peakMiB.toFixed(0)} MiB`);
    }
  }
}
