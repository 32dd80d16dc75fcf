import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MANIFEST, OutputError, writeOutputs } from '../../src/io/output.js';

const root = mkdtempSync(join(tmpdir(), 'convene-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh parent folder per test, so "nothing beside the output" can be checked. */
const place = () => {
  const parent = join(root, `t${++n}`);
  mkdirSync(parent);
  return { parent, out: join(parent, 'out') };
};

/** Every file under `dir` with its text (links shown as links), for before/after comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const info = lstatSync(p);
      if (info.isSymbolicLink()) out[relative(dir, p)] = '<link>';
      else if (info.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const SCHEDULE = { command: 'schedule' } as const;

describe('writeOutputs', () => {
  test('writes the files and a manifest naming them; nothing is left beside the folder', async () => {
    const { parent, out } = place();
    await writeOutputs(out, { 'b.csv': 'b\n', 'sub/a.md': 'a\n' }, SCHEDULE);
    expect(snapshot(out)).toEqual({ [MANIFEST]: expect.any(String), 'b.csv': 'b\n', 'sub/a.md': 'a\n' });
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'))).toEqual({ written_by: 'convene', command: 'schedule', files: ['b.csv', 'sub/a.md'] });
    expect(readdirSync(parent)).toEqual(['out']);
  });

  test('a re-run leaves exactly its own files: those of an earlier run are gone', async () => {
    const { out } = place();
    await writeOutputs(out, { 'schedule.csv': '1\n', 'unscheduled.csv': 'x\n', 'ics/a.ics': 'a' }, SCHEDULE);
    await writeOutputs(out, { 'schedule.csv': '2\n' }, SCHEDULE);
    expect(Object.keys(snapshot(out)).sort()).toEqual([MANIFEST, 'schedule.csv']);
    expect(readFileSync(join(out, 'schedule.csv'), 'utf8')).toBe('2\n');
  });

  test('an empty folder, or one holding only files this run writes (an older convene), is replaced', async () => {
    const { out } = place();
    mkdirSync(out);
    await writeOutputs(out, { 'a.csv': 'a' }, SCHEDULE);
    const legacy = place().out;
    mkdirSync(legacy);
    writeFileSync(join(legacy, 'a.csv'), 'old');
    await writeOutputs(legacy, { 'a.csv': 'new' }, SCHEDULE);
    expect(readFileSync(join(legacy, 'a.csv'), 'utf8')).toBe('new');
  });

  test('a folder holding a file convene did not write is refused, unchanged, unless forced', async () => {
    const { parent, out } = place();
    await writeOutputs(out, { 'a.csv': 'a' }, SCHEDULE);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const before = snapshot(out);
    await expect(writeOutputs(out, { 'a.csv': 'b' }, SCHEDULE)).rejects.toThrow(/holds files convene did not write there \(notes\.txt\).*--force/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
    await writeOutputs(out, { 'a.csv': 'b' }, { ...SCHEDULE, force: true });
    expect(Object.keys(snapshot(out)).sort()).toEqual([MANIFEST, 'a.csv']);
  });

  test("another command's output is not replaced unless forced", async () => {
    const { out } = place();
    await writeOutputs(out, { 'teams.csv': 't' }, { command: 'teams' });
    await expect(writeOutputs(out, { 'schedule.csv': 's' }, SCHEDULE)).rejects.toThrow('holds the output of convene teams');
    expect(readFileSync(join(out, 'teams.csv'), 'utf8')).toBe('t');
  });

  test('an output folder inside it (its own manifest) is carried over untouched', async () => {
    const { out } = place();
    await writeOutputs(out, { 'schedule.csv': '1' }, SCHEDULE);
    await writeOutputs(join(out, 'site'), { 'index.html': 'h' }, { command: 'publish' });
    await writeOutputs(out, { 'schedule.csv': '2' }, SCHEDULE);
    expect(readFileSync(join(out, 'site', 'index.html'), 'utf8')).toBe('h');
    expect(readFileSync(join(out, 'schedule.csv'), 'utf8')).toBe('2');
  });

  test('a symbolic link planted inside is never written through', async () => {
    const { parent, out } = place();
    const victim = join(parent, 'victim.txt');
    writeFileSync(victim, 'precious');
    await writeOutputs(out, { 'a.csv': 'a' }, SCHEDULE);
    rmSync(join(out, 'a.csv'));
    symlinkSync(victim, join(out, 'a.csv'));
    await expect(writeOutputs(out, { 'a.csv': 'evil' }, SCHEDULE)).rejects.toThrow('a.csv (a symbolic link)');
    await writeOutputs(out, { 'a.csv': 'evil' }, { ...SCHEDULE, force: true });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(out, 'a.csv')).isFile()).toBe(true);
  });

  test('the output folder itself may not be a link or a file', async () => {
    const { parent, out } = place();
    mkdirSync(join(parent, 'real'));
    symlinkSync(join(parent, 'real'), out);
    await expect(writeOutputs(out, { 'a.csv': 'a' }, SCHEDULE)).rejects.toThrow('is a symbolic link');
    const file = join(parent, 'file');
    writeFileSync(file, 'x');
    await expect(writeOutputs(file, { 'a.csv': 'a' }, SCHEDULE)).rejects.toThrow('a file stands where the output folder should go');
    await expect(writeOutputs(join(file, 'out'), { 'a.csv': 'a' }, SCHEDULE)).rejects.toThrow('part of the path is a file, not a folder');
    expect(readdirSync(join(parent, 'real'))).toEqual([]);
  });

  test('a failure while writing leaves the previous output exactly as it was, and nothing beside it', async () => {
    const { parent, out } = place();
    await writeOutputs(out, { 'a.csv': 'a', 'rosters/u1.md': 'u' }, SCHEDULE);
    const before = snapshot(out);
    const files = { 'a.csv': 'new', 'b.csv': 'b', [`rosters/${'x'.repeat(300)}.md`]: 'too long a name' };
    const error = await writeOutputs(out, files, SCHEDULE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toContain('a file name is too long for the file system');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  test('never replaces the folder it reads, even forced', async () => {
    const { parent } = place();
    const event = join(parent, 'event');
    mkdirSync(event);
    await expect(writeOutputs(parent, { 'a.csv': 'a' }, { ...SCHEDULE, force: true, protect: [event] })).rejects.toThrow('which this run reads');
    expect(existsSync(event)).toBe(true);
  });

  test('a path that could leave the folder is a bug, refused before anything is written', async () => {
    const { parent, out } = place();
    for (const name of ['../x', '/etc/x', 'a//b', 'C:x', MANIFEST]) {
      await expect(writeOutputs(out, { [name]: 'x' }, SCHEDULE)).rejects.toThrow('refusing to write');
    }
    expect(readdirSync(parent)).toEqual([]);
  });
});
