/**
 * The benchmark generator (bench/generate.mjs): the same name always gives the
 * same files, every folder reads without a single issue, its witness schedule
 * passes the checker (feasible by construction), and the sizes are as asked.
 * No timing is asserted here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { GAP, generate, INSTANCES, writeInstance, type InstanceName } from '../../bench/generate.mjs';
import { checkSchedule } from '../../src/check/check.js';
import { formatIssue, InputError } from '../../src/domain/issues.js';
import { readEvent } from '../../src/io/event.js';
import { readSchedule } from '../../src/io/schedule.js';
import { buildContext } from '../../src/model/context.js';

const NAMES = Object.keys(INSTANCES) as InstanceName[];
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Items, rooms and days each instance must have. */
const SIZES: Record<InstanceName, { items: [number, number]; rooms: number; days: number }> = {
  regional: { items: [90, 115], rooms: 7, days: 2 },
  national: { items: [230, 275], rooms: 10, days: 3 },
  global: { items: [550, 650], rooms: 25, days: 3 },
  festival: { items: [98, 98], rooms: 3, days: 3 },
  // Fewer: what overlapped the exclusive opening and closing in the witness is taken out.
  'regional-rules': { items: [70, 100], rooms: 7, days: 2 },
  'national-rules': { items: [200, 260], rooms: 10, days: 3 },
};
const WITH_RULES = new Set<InstanceName>(['regional-rules', 'national-rules']);

async function readEventOf(name: InstanceName) {
  const dir = await mkdtemp(join(tmpdir(), `convene-gen-${name}-`));
  dirs.push(dir);
  writeInstance(name, dir);
  return readEvent(dir);
}

describe('bench/generate.mjs', () => {
  test('is deterministic: seeded from the name', () => {
    for (const name of NAMES) expect(generate(name).files).toEqual(generate(name).files);
    expect(generate('regional', { seed: 1 }).files['themes.csv']).not.toBe(generate('regional').files['themes.csv']);
    expect(generate('regional', { seed: 1 }).files).toEqual(generate('regional', { seed: 1 }).files);
  });

  test('refuses an unknown instance', () => {
    expect(() => generate('huge')).toThrow(/unknown instance "huge"/);
  });

  test.each(NAMES)('%s: reads with no issue, its witness passes the checker, sizes as asked', async (name) => {
    const dir = await mkdtemp(join(tmpdir(), `convene-gen-${name}-`));
    dirs.push(dir);
    const summary = writeInstance(name, dir);
    let event;
    try {
      event = await readEvent(dir);
    } catch (error) {
      if (error instanceof InputError) throw new Error(error.issues.map(formatIssue).join('\n'));
      throw error;
    }
    const witness = await readSchedule(join(dir, 'witness.csv'), event);
    expect(witness).toHaveLength(event.items.length);
    expect(checkSchedule(buildContext(event, { gap: GAP }), witness)).toEqual([]);

    const size = SIZES[name];
    expect(event.items.length).toBe(summary.items);
    expect(event.items.length).toBeGreaterThanOrEqual(size.items[0]);
    expect(event.items.length).toBeLessThanOrEqual(size.items[1]);
    expect(event.rooms).toHaveLength(size.rooms);
    expect(new Set(event.calendar.map((w) => w.date)).size).toBe(size.days);
    expect(summary.sharedSpeakers).toBeGreaterThan(0);
    expect(event.availability.length).toBeGreaterThan(0);
    expect(new Set(event.items.flatMap((i) => i.themes)).size).toBeGreaterThan(1);
    // Realistic load on the rooms that are not classrooms (a workshop cannot use the short evening window);
    // with the rules, less (nothing beside the opening and the closing).
    for (const [kind, load] of Object.entries(summary.load)) {
      if (kind !== 'classroom') expect(load, kind).toBeGreaterThanOrEqual(WITH_RULES.has(name) ? 0.6 : 0.7);
      expect(load, kind).toBeLessThanOrEqual(0.86);
    }
  });

  test.each(['regional', 'national'] as const)('%s-rules: its base instance with every rule of issue 16 used, the rest as drawn', async (base) => {
    const dir = await mkdtemp(join(tmpdir(), `convene-gen-${base}-rules-`));
    dirs.push(dir);
    writeInstance(`${base}-rules`, dir);
    const event = await readEvent(dir);
    const witness = await readSchedule(join(dir, 'witness.csv'), event);
    const at = new Map(witness.map((a) => [a.item, a]));
    const exclusive = event.items.filter((i) => i.exclusive);
    expect(exclusive).toHaveLength(2);
    for (const x of exclusive) {
      const a = at.get(x.id)!;
      const beside = witness.filter((b) => b.item !== x.id && b.date === a.date && b.start < a.end && a.start < b.end);
      expect(beside, x.id).toEqual([]);
    }
    const workshops = event.items.filter((i) => i.format === 'workshop');
    expect(workshops.filter((i) => i.setup > 0).length).toBeGreaterThan(0);
    expect(workshops.filter((i) => i.teardown > 0).length).toBeGreaterThan(0);
    expect(workshops.filter((i) => i.after.length > 0).length).toBeGreaterThan(0);
    expect(event.items.filter((i) => i.needs.length > 0).length).toBeGreaterThan(0);
    expect(event.favourites.length).toBeGreaterThan(event.items.length);
    expect(event.members.length).toBeGreaterThan(0);
    // The other items are the base instance's, as drawn: same ids, durations and themes.
    const drawn = new Map((await readEventOf(base)).items.map((i) => [i.id, i]));
    for (const i of event.items) expect([i.duration, i.themes], i.id).toEqual([drawn.get(i.id)?.duration, drawn.get(i.id)?.themes]);
  });

  test('festival: plenary talks on main-hall stages with interpretation, a 10-minute grid, per-talk windows', () => {
    const { files, summary } = generate('festival');
    expect(summary.plenary).toBe(98);
    expect(summary.grid).toBe(10);
    const rows = (file: string) => (files[file] ?? '').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows('rooms.csv').every((r) => r[2] === 'main_hall' && r[4] === 'yes')).toBe(true);
    const onGrid = (hhmm: string | undefined) => Number(hhmm?.slice(3)) % 10 === 0;
    expect(rows('calendar.csv').every((r) => onGrid(r[1]) && onGrid(r[2]))).toBe(true);
    const windows = rows('availability.csv').filter((r) => /^t\d+$/.test(r[0] ?? ''));
    expect(windows.length).toBeGreaterThanOrEqual(49);
    expect(windows.every((r) => r[4] === 'available' && onGrid(r[2]) && onGrid(r[3]))).toBe(true);
  });
});
