/**
 * The example day (fixtures/ogp-americas): the agenda keeps every rule, beats
 * the greedy agenda, stays under its own bound, leaves out only proposals whose
 * absence costs least, and its unconference.csv is what `convene allocate`
 * reads. Shuffled rows give the same bytes; a re-run on its own output moves
 * nothing; a re-run at lunch with a late proposal keeps the morning as it ran.
 * One run of each kind, shared by the tests.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkAgenda } from '../../src/agenda/check.js';
import { agendaFiles, type AgendaFiles, type AgendaFlags } from '../../src/cli/agenda.js';
import { readUnconference } from '../../src/io/allocation/unconference.js';
import { readAllocationInput } from '../../src/io/allocation/read.js';
import { seededRandom } from '../../src/domain/random.js';
import { fixture } from '../cli/run.js';

const FIXTURE = fixture('ogp-americas');
const FILES = ['registrations.csv', 'proposals.csv', 'interest.csv', 'blocks.csv', 'spaces.csv'];
const flags = (over: Partial<AgendaFlags> = {}): AgendaFlags => ({ out: 'unused', seed: '2014', timeLimit: 120, prove: 0, lang: 'es', title: 'ogp-americas', ...over });

let dir: string;
let first: AgendaFiles;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'convene-agenda-'));
  first = await agendaFiles(FIXTURE, flags());
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A copy of the example's agenda files in a folder of its own under `dir`, to change one of them. */
async function copyOfFixture(name: string): Promise<string> {
  const copy = path.join(dir, name);
  await mkdir(copy);
  for (const file of FILES) await writeFile(path.join(copy, file), await readFile(path.join(FIXTURE, file), 'utf8'));
  return copy;
}

describe('the example day', () => {
  test('keeps every rule, beats greedy, and stays under its proven bound', () => {
    const { run, input, report } = first;
    expect(checkAgenda(input, run.agenda)).toEqual([]);
    expect(run.unplacedPins).toEqual([]);
    expect(report.interest.met).toBeGreaterThan(report.interest.greedy);
    expect(report.interest.bound).not.toBeNull();
    expect(report.interest.bound!).toBeGreaterThanOrEqual(report.interest.met);
    const at = new Map(run.agenda.slots.map((s) => [s.proposal, s]));
    expect(at.get('s42')).toEqual({ proposal: 's42', block: 'A', space: 'sg' });
    expect(at.get('s45')?.block).toBe('E');
    expect(report.counts.placed + report.leftOut.length).toBe(45);
    // Every figure adds up to the interest marked.
    const i = report.interest;
    expect(i.met + i.leftOut + i.capacity + i.clash + i.running).toBe(i.total);
  });

  test('left-out proposals are the cheapest: none would meet more interest in any slot', () => {
    for (const l of first.run.analysis.left) {
      expect(l.best === null || l.best.change <= 0, l.proposal).toBe(true);
      expect(l.wantedBy.length).toBeGreaterThan(0);
    }
    expect(first.report.leftOut.length).toBe(first.run.analysis.left.length);
  });

  test('unconference.csv is what convene allocate reads, with interest.csv in place of preferences.csv', async () => {
    const text = first.files['unconference.csv']!;
    const sheet = readUnconference(text);
    expect(sheet.issues).toEqual([]);
    expect(sheet.rows.length).toBe(first.run.agenda.slots.length);
    const file = path.join(dir, 'unconference.csv');
    await writeFile(file, text);
    const input = await readAllocationInput(FIXTURE, null, { unconference: file, interest: true, tieKey: (r, s) => `${r}:${s}` });
    expect(input.sessions.length).toBe(sheet.rows.length);
    expect(input.preferences.length).toBeGreaterThan(500);
  });
});

describe('determinism and re-runs', () => {
  test('shuffled rows (and CRLF line ends) give byte-identical files', async () => {
    const shuffled = path.join(dir, 'shuffled');
    await mkdir(shuffled);
    const random = seededRandom('shuffle');
    for (const name of FILES) {
      const [header, ...rows] = (await readFile(path.join(FIXTURE, name), 'utf8')).trimEnd().split('\n');
      await writeFile(path.join(shuffled, name), [header, ...random.shuffled(rows)].join('\r\n') + '\r\n');
    }
    const again = await agendaFiles(shuffled, flags());
    expect(Object.keys(again.files).sort()).toEqual(Object.keys(first.files).sort());
    for (const name of Object.keys(first.files)) expect(again.files[name], name).toBe(first.files[name]);
  }, 180_000);

  test('a re-run on its own output with nothing new moves nothing', async () => {
    const baseline = path.join(dir, 'baseline.csv');
    await writeFile(baseline, first.files['unconference.csv']!);
    const again = await agendaFiles(FIXTURE, flags({ baseline, done: ['A', 'B'] }));
    expect(again.run.moves).toEqual([]);
    expect(again.run.agenda.slots).toEqual(first.run.agenda.slots);
    expect(again.run.agenda.roles).toEqual(first.run.agenda.roles);
  }, 180_000);

  test('rain: a space taken away moves its sessions (out, when no slot is free), and says why', async () => {
    const wet = await copyOfFixture('wet');
    const spaces = (await readFile(path.join(FIXTURE, 'spaces.csv'), 'utf8')).split('\n').filter((l) => !l.startsWith('te,')).join('\n');
    await writeFile(path.join(wet, 'spaces.csv'), spaces);
    const baseline = path.join(dir, 'baseline-wet.csv');
    await writeFile(baseline, first.files['unconference.csv']!);
    const again = await agendaFiles(wet, flags({ baseline, done: ['A'] }));
    const onTerrace = first.run.agenda.slots.filter((s) => s.space === 'te').map((s) => s.proposal);
    expect(onTerrace.length).toBeGreaterThan(0);
    const moved = (again.run.moves ?? []).filter((m) => m.kind !== 'added');
    expect(moved.map((m) => m.proposal).sort()).toEqual(expect.arrayContaining(onTerrace));
    for (const m of moved.filter((x) => onTerrace.includes(x.proposal))) expect(m.why).toBe('its old space "Terraza" is no longer in spaces.csv');
    // Everything else published stays where it was.
    const before = new Map(first.run.agenda.slots.map((s) => [s.proposal, s]));
    for (const s of again.run.agenda.slots) if (!onTerrace.includes(s.proposal) && before.has(s.proposal) && !moved.some((m) => m.proposal === s.proposal)) expect(s).toEqual(before.get(s.proposal));
    expect(checkAgenda(again.input, again.run.agenda)).toEqual([]);
  }, 180_000);

  test('at lunch, with a late proposal: blocks held stay as they ran, published sessions stay put', async () => {
    const late = await copyOfFixture('late');
    await writeFile(path.join(late, 'proposals.csv'), (await readFile(path.join(FIXTURE, 'proposals.csv'), 'utf8')) + 's46,Datos abiertos y elecciones,r283,es,,,,,,,\n');
    const wanting = first.input.interest.filter((m) => m.proposal === 's11').map((m) => m.registrant).slice(0, 25);
    await writeFile(path.join(late, 'interest.csv'), (await readFile(path.join(FIXTURE, 'interest.csv'), 'utf8')) + wanting.map((r) => `${r},s46,2\n`).join(''));
    const baseline = path.join(dir, 'baseline-late.csv');
    await writeFile(baseline, first.files['unconference.csv']!);
    const again = await agendaFiles(late, flags({ baseline, done: ['A', 'B'] }));
    const held = (slots: readonly { block: string }[]) => slots.filter((s) => s.block === 'A' || s.block === 'B');
    expect(held(again.run.agenda.slots)).toEqual(held(first.run.agenda.slots));
    const moved = (again.run.moves ?? []).filter((m) => m.kind !== 'added');
    for (const m of moved) expect(m.why, m.proposal).not.toMatch(/no rule forced it/);
    expect(checkAgenda(again.input, again.run.agenda)).toEqual([]);
  }, 180_000);
});
