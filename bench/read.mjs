#!/usr/bin/env node
// Reading large input files: for each file any command reads, a seeded
// 200,000-row version of it beside small versions of the others, checked by
// `convene validate` (which reads every file with the commands' own readers).
// Prints, per file: its size, the wall time of the whole command, its peak
// resident memory and that memory over the file's size. No test asserts these.
//   npm run build && node bench/read.mjs [rows] [file ...]
// Files: calendar rooms themes speakers availability favourites members weights registrations
// unconference preferences projects (default: all). CONVENE_DIST=<folder> runs
// another build (default: dist).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ROWS = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 200_000;
const id6 = (p, i) => `${p}${String(i).padStart(6, '0')}`;

const REG_HEADER = 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact,profile,skills,languages,project,team_with';
const SECTORS = ['government', 'civil_society', 'irm', 'academia', 'private', 'multilateral', 'other', ''];
const PROFILES = ['journalist', 'activist', 'developer', 'designer', 'data_analyst', 'other'];

/** Each generator returns the file's text, with `n` data rows; `rand` is seeded by the file's name. */
const GENERATORS = {
  calendar: (n) => rows('date,start,end,kind,label', n, (i) => `${day(i)},09:00,17:00,program,Día ${i}`),
  rooms: (n, rand) => rows('id,name,kind,capacity,interpretation', n, (i) => {
    const kind = ['main_hall', 'lobby', 'classroom', 'classroom'][Math.floor(rand() * 4)];
    return `${id6('room', i)},Sala ${i},${kind},${1 + Math.floor(rand() * 400)},${kind === 'main_hall' ? 'yes' : rand() < 0.5 ? 'no' : ''}`;
  }),
  themes: (n, rand) => rows('id,title,format,duration,speakers,themes,language,level,audience,country,source,score', n, (i) => {
    const format = ['plenary', 'lightning', 'workshop'][Math.floor(rand() * 3)];
    const duration = { plenary: 60, lightning: 10, workshop: 120 }[format];
    const speakers = rand() < 0.1 ? '' : `sp-00${1 + Math.floor(rand() * 8)}`;
    const level = format === 'workshop' && rand() < 0.8 ? 'intro' : '';
    return `${id6('x', i)},"Título, número ${i}",${format},${duration},${speakers},t${i % 50};t${i % 7},${rand() < 0.9 ? 'es' : ''},${level},${rand() < 0.8 ? 1 + Math.floor(rand() * 20) : ''},Chile,call,${rand() < 0.5 ? '7,5' : ''}`;
  }),
  speakers: (n, rand) => rows('id,name,organization,sector,country,languages', n, (i) => `sp-${String(i).padStart(3, '0')},Persona ${i},Org ${i % 100},${SECTORS[Math.floor(rand() * SECTORS.length)]},Perú,es;en`),
  availability: (n, rand) => rows('who,date,start,end,status', n, (i) => {
    const start = 9 * 60 + 5 * Math.floor(rand() * 60);
    return `sp-00${1 + (i % 8)},2014-06-01,${clock(start)},${clock(start + 5)},${['unavailable', 'preferred', 'avoid'][i % 3]}`;
  }),
  favourites: (n) => rows('registrant,item', n, (i) => `${id6('r', Math.floor(i / 5))},${['p01', 'p02', 'l01', 'l02', 'w01'][i % 5]}`),
  members: (n) => rows('country,name', n, (i) => `País ${i},`),
  weights: (n) => rows('term,weight', n, (i) => `${['theme-clash', 'speaker-days', 'room-size'][i % 3]},${i % 10}`),
  registrations: (n, rand) => rows(REG_HEADER, n, (i) => registrant(i, rand)),
  unconference: (n, rand) => rows('id,title,block,capacity,room,facilitator,note_taker', n, (i) => `${id6('u', i)},Sesión ${i},${['A', 'B', 'C', 'D'][i % 4]},${10 + Math.floor(rand() * 40)},Sala ${i % 40},,`),
  preferences: (n, rand) => rows('registrant,session,rank', n, (i) => `${id6('r', Math.floor(i / 5))},u00000${1 + (i % 5)},${1 + (i % 5)}`),
  projects: (n) => rows('id,title,pitched_by,needs', n, (i) => `${id6('p', i)},Proyecto ${i},${id6('r', i)},developer;journalist`),
};

/** The small files every case starts from: fixtures/tiny, plus a few registrants, sessions, preferences and a project. */
function baseFolder(dir) {
  cpSync(path.join(root, 'fixtures', 'tiny'), dir, { recursive: true });
  rmSync(path.join(dir, 'README.md'));
  const rand = rng(1);
  writeFileSync(path.join(dir, 'registrations.csv'), rows(REG_HEADER, 10, (i) => registrant(i, rand)));
  writeFileSync(path.join(dir, 'unconference.csv'), rows('id,title,block,capacity,room', 5, (i) => `u00000${i + 1},Sesión ${i},A,20,Sala`));
  writeFileSync(path.join(dir, 'preferences.csv'), rows('registrant,session,rank', 5, (i) => `${id6('r', 0)},u00000${i + 1},${i + 1}`));
  writeFileSync(path.join(dir, 'projects.csv'), rows('id,title,pitched_by,needs', 1, () => `${id6('p', 0)},Proyecto,${id6('r', 0)},developer`));
  writeFileSync(path.join(dir, 'weights.csv'), 'term,weight\ntheme-clash,2\n');
}

function registrant(i, rand, everyone = false) {
  const datacamp = everyone || i < 10 || rand() < 0.3;
  const events = ['civil_society_day', 'regional_meeting', ...(datacamp ? ['datacamp'] : [])].join(';');
  const profile = datacamp ? PROFILES[Math.floor(rand() * PROFILES.length)] : '';
  return `${id6('r', i)},Persona ${i},p${i}@example.org,Org ${i % 300},${SECTORS[Math.floor(rand() * 7)]},Perú,2014-10-01,${events},,no,${profile},,${datacamp ? 'es' : ''},${i < 1 || everyone ? id6('p', i) : ''},`;
}

function rows(header, n, row) {
  const out = [header];
  for (let i = 0; i < n; i++) out.push(row(i));
  return `${out.join('\n')}\n`;
}

function day(i) {
  const d = new Date(Date.UTC(2014, 0, 1) + i * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function clock(m) {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const seedOf = (name) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const chosen = args.length > 0 ? args : Object.keys(GENERATORS);
const work = mkdtempSync(path.join(tmpdir(), 'convene-read-'));
const results = [];
try {
  for (const name of chosen) {
    const make = GENERATORS[name];
    if (!make) throw new Error(`unknown file ${name}; one of ${Object.keys(GENERATORS).join(', ')}`);
    const dir = path.join(work, name);
    mkdirSync(dir);
    baseFolder(dir);
    const file = path.join(dir, `${name}.csv`);
    // Preferences need their registrants, and projects their pitchers, registered (for the Datacamp).
    if (name === 'preferences') writeFileSync(path.join(dir, 'registrations.csv'), GENERATORS.registrations(Math.ceil(ROWS / 5), rng(seedOf('registrations'))));
    if (name === 'projects') writeFileSync(path.join(dir, 'registrations.csv'), rows(REG_HEADER, ROWS, (i) => registrant(i, rng(i), true)));
    writeFileSync(file, make(ROWS, rng(seedOf(name))));
    const bytes = statSync(file).size;
    const rssFile = path.join(work, `${name}.rss`);
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(root, 'bench', 'cli.mjs'), 'validate', dir], {
      env: { ...process.env, BENCH_RSS_FILE: rssFile, FORCE_COLOR: '0' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let rss = NaN;
    try {
      rss = Number(readFileSync(rssFile, 'utf8').trim()) * 1024;
    } catch {}
    const last = `${run.stdout}${run.stderr}`.trim().split('\n').at(-1) ?? '';
    results.push({ name, bytes, seconds, rss, code: run.status ?? run.signal, last });
    console.error(`${name}: ${seconds.toFixed(1)} s, exit ${run.status ?? run.signal}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const mb = (n) => (n / 1024 / 1024).toFixed(1);
console.log(`| file (${ROWS.toLocaleString('en-US')} rows) | size MB | validate s | peak MB | peak / size | exit | last line |`);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of results) {
  console.log(`| ${r.name}.csv | ${mb(r.bytes)} | ${r.seconds.toFixed(1)} | ${mb(r.rss)} | ${(r.rss / r.bytes).toFixed(1)} | ${r.code} | ${r.last.slice(0, 90)} |`);
}
