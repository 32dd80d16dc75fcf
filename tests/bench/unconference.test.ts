/**
 * The Civil Society Day generator (bench/unconference.mjs): the committed
 * example files are exactly what it writes, the same name always gives the
 * same files, and every generated day reads without a single issue, at the
 * sizes asked. No timing is asserted here.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generate, generateFixture, UNCONFERENCES, writeUnconference, type UnconferenceName } from '../../bench/unconference.mjs';
import { readAgendaInput } from '../../src/io/agenda/read.js';
import { fixture } from '../cli/run.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('bench/unconference.mjs', () => {
  test('fixtures/ogp-americas holds exactly what --fixture writes', async () => {
    const { files, summary } = generateFixture(fixture('ogp-americas'));
    for (const [name, text] of Object.entries(files)) expect(await readFile(path.join(fixture('ogp-americas'), name), 'utf8'), name).toBe(text);
    expect(summary).toEqual({ people: 150, proposals: 45, interestRows: 854 });
  });

  test('is deterministic: seeded from the name', () => {
    expect(generate('medium').files).toEqual(generate('medium').files);
    expect(generate('medium', { seed: 1 }).files['interest.csv']).not.toBe(generate('medium').files['interest.csv']);
    expect(() => generate('huge')).toThrow(/unknown instance "huge"/);
  });

  test.each(Object.keys(UNCONFERENCES) as UnconferenceName[])('%s reads with no issue, at its size', async (name) => {
    const dir = await mkdtemp(path.join(tmpdir(), `convene-unconf-${name}-`));
    dirs.push(dir);
    const summary = writeUnconference(name, dir);
    const input = await readAgendaInput(dir);
    const spec = UNCONFERENCES[name];
    expect(summary.people).toBe(spec.people);
    expect(input.proposals.length).toBe(spec.proposals);
    expect(input.blocks.length).toBe(spec.blocks);
    expect(input.spaces.length).toBe(spec.spaces);
    expect(new Set(input.interest.map((m) => m.registrant)).size).toBe(spec.people);
    expect(input.proposals.filter((p) => p.pinBlock !== null).length).toBe(spec.pins);
  }, 60_000);
});
