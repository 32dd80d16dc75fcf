#!/usr/bin/env node
// Times `convene allocate` on a generated event: 10,000 registrants, 4 blocks
// of 40 simultaneous unconference sessions, 5 ranked sessions per person per
// block with skewed popularity, 10 % volunteers, 8,000 places. Seeded, so
// every run times the same instance. Prints figures; no test asserts them.
//   npm run build && node bench/allocate.mjs [registrants] [runs]   (runs 0: only write the CSVs and print their folder)
// CONVENE_DIST=<folder> times another build of src (default: dist).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rng } from './generate.mjs'; // mulberry32, seeded: the instance never changes

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.CONVENE_DIST ?? path.join(root, 'dist');
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { readAllocationInput, lotteryKey, inputsSha256 } = await load('io/allocation/read.js');
const { allocate } = await load('allocate/allocate.js');
const { allocationOutputs } = await load('allocate/render/index.js');
const { tableToCsv } = await load('io/write.js');
const { DEFAULT_TIERS } = await load('domain/allocation.js');

const N = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const BLOCKS = ['A', 'B', 'C', 'D'];
const PER_BLOCK = 40;
const CHOICES = 5;
const PLACES = Math.round(N * 0.8);

const rand = rng(20141119);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const SECTORS = ['civil_society', 'civil_society', 'civil_society', 'government', 'irm', 'academia', 'private', 'multilateral', 'other'];
const COUNTRIES = ['Argentina', 'Brasil', 'Canada', 'Chile', 'Colombia', 'Costa Rica', 'México', 'Perú', 'Uruguay', 'United States'];

function generate(dir) {
  const id = (i) => `r${String(i).padStart(5, '0')}`;
  const regs = ['id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact'];
  for (let i = 1; i <= N; i++) {
    const sector = pick(SECTORS);
    const roles = rand() < 0.1 ? pick(['facilitator', 'note_taker', 'facilitator;note_taker']) : '';
    const poc = sector === 'government' && rand() < 0.2 ? 'yes' : 'no';
    const events = ['civil_society_day', 'regional_meeting', ...(rand() < 0.05 ? ['focal_point'] : [])].join(';');
    regs.push([id(i), `Persona ${i}`, `p${i}@example.org`, 'Org', sector, pick(COUNTRIES), '2014-10-01', events, roles, poc].join(','));
  }
  const sessions = ['id,title,block,capacity,room'];
  const byBlock = new Map();
  let k = 0;
  for (const b of BLOCKS) {
    const ids = [];
    for (let j = 0; j < PER_BLOCK; j++) {
      const sid = `u${String(++k).padStart(3, '0')}`;
      ids.push(sid);
      sessions.push([sid, `Session ${sid}`, b, 120 + Math.floor(rand() * 160), `room-${j}`].join(','));
    }
    byBlock.set(b, ids);
  }
  // Popularity falls off like 1/(j+1): a few sessions are wanted by many.
  const weights = Array.from({ length: PER_BLOCK }, (_, j) => 1 / (j + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const draw = (ids, taken) => {
    for (;;) {
      let x = rand() * total;
      let j = 0;
      while (j < PER_BLOCK - 1 && (x -= weights[j]) > 0) j++;
      if (!taken.has(ids[j])) return ids[j];
    }
  };
  const prefs = ['registrant,session,rank'];
  for (let i = 1; i <= N; i++) {
    for (const b of BLOCKS) {
      const taken = new Set();
      for (let r = 1; r <= CHOICES; r++) {
        const s = draw(byBlock.get(b), taken);
        taken.add(s);
        prefs.push(`${id(i)},${s},${r}`);
      }
    }
  }
  writeFileSync(path.join(dir, 'registrations.csv'), regs.join('\n') + '\n');
  writeFileSync(path.join(dir, 'unconference.csv'), sessions.join('\n') + '\n');
  writeFileSync(path.join(dir, 'preferences.csv'), prefs.join('\n') + '\n');
  return prefs.length - 1;
}

const dir = mkdtempSync(path.join(tmpdir(), 'convene-alloc-bench-'));
const rows = generate(dir);
if (runs === 0) {
  // Generate only: leave the folder for a look (node bench/allocate.mjs 10000 0).
  console.log(dir);
  process.exit(0);
}
console.log(`${N} registrants, ${BLOCKS.length} blocks x ${PER_BLOCK} sessions, ${rows} preference rows, ${PLACES} places`);
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const mechanism of ['da', 'rank-maximal']) {
  const t = { read: [], allocate: [], render: [] };
  let report = null;
  for (let i = 0; i < runs; i++) {
    // The same steps as `convene allocate`, timed apart; writing the files is left out.
    let t0 = process.hrtime.bigint();
    const input = await readAllocationInput(dir, null);
    t.read.push(seconds(t0));
    t0 = process.hrtime.bigint();
    const allocation = allocate(input, { places: PLACES, tiers: DEFAULT_TIERS, mechanism, lotteryKey: lotteryKey('2014') });
    t.allocate.push(seconds(t0));
    t0 = process.hrtime.bigint();
    const meta = { version: 'bench', seed: '2014', inputsSha256: inputsSha256(input), mechanism, places: PLACES, tiers: DEFAULT_TIERS, schedule: null };
    const outputs = allocationOutputs(allocation, input.registrants, meta);
    for (const table of Object.values(outputs.tables)) tableToCsv(table);
    t.render.push(seconds(t0));
    report = outputs.report;
  }
  const total = median(t.read.map((r, i) => r + t.allocate[i] + t.render[i]));
  const u = report.unconference;
  console.log(
    `${mechanism.padEnd(12)} median of ${runs}: ${total.toFixed(2)} s (read ${median(t.read).toFixed(2)}, allocate ${median(t.allocate).toFixed(2)}, render ${median(t.render).toFixed(2)})` +
      ` | 1st choice ${(u.firstChoiceShare * 100).toFixed(1)} %, top 3 ${(u.top3Share * 100).toFixed(1)} %, profile ${u.profile.byRank.join('/')}, unassigned ${u.profile.unassigned}` +
      ` | justified envy ${u.groups.reduce((n, g) => n + g.justifiedEnvy.count, 0)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
