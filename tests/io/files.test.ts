import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_MAX_INPUT_MB, openFolder, readText, setMaxInputMb } from '../../src/io/files.js';

const root = mkdtempSync(join(tmpdir(), 'convene-files-'));
afterAll(() => {
  setMaxInputMb(DEFAULT_MAX_INPUT_MB);
  rmSync(root, { recursive: true, force: true });
});

const unix = process.platform !== 'win32';

describe('readText reads regular files only, up to a size', () => {
  test('a regular file is its text; a missing one is undefined', async () => {
    writeFileSync(join(root, 'a.csv'), 'id\nx\n');
    expect(await readText(join(root, 'a.csv'), 'a.csv')).toBe('id\nx\n');
    expect(await readText(join(root, 'none.csv'), 'none.csv')).toBeUndefined();
  });

  test('a folder is an issue naming the file', async () => {
    mkdirSync(join(root, 'dir.csv'));
    expect(await readText(join(root, 'dir.csv'), 'rooms.csv')).toMatchObject({ file: 'rooms.csv', message: expect.stringContaining('not a regular file (a folder)') });
  });

  test.runIf(unix)('a named pipe nobody writes to is refused at once, not waited on', async () => {
    const fifo = join(root, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(await readText(fifo, 'themes.csv')).toMatchObject({ message: expect.stringContaining('a named pipe') });
  });

  test.runIf(unix)('a link to /dev/zero is refused, not read until memory runs out', async () => {
    const link = join(root, 'zero.csv');
    symlinkSync('/dev/zero', link);
    expect(await readText(link, 'speakers.csv')).toMatchObject({ message: expect.stringContaining('a device') });
  });

  test('a link to a regular file is read', async () => {
    writeFileSync(join(root, 'target.csv'), 'id\n');
    symlinkSync(join(root, 'target.csv'), join(root, 'link.csv'));
    expect(await readText(join(root, 'link.csv'), 'link.csv')).toBe('id\n');
  });

  test('a file over the limit is refused with the way to raise it', async () => {
    writeFileSync(join(root, 'big.csv'), Buffer.alloc(1024 * 1024 + 1, 0x61));
    setMaxInputMb(1);
    try {
      const issue = await readText(join(root, 'big.csv'), 'themes.csv');
      expect(issue).toMatchObject({ file: 'themes.csv', line: 0 });
      expect((issue as { message: string }).message).toMatch(/larger than the 1 MB .*--max-input-mb/);
      writeFileSync(join(root, 'fits.csv'), Buffer.alloc(1024 * 1024, 0x61));
      expect(typeof (await readText(join(root, 'fits.csv'), 'fits.csv'))).toBe('string');
    } finally {
      setMaxInputMb(DEFAULT_MAX_INPUT_MB);
    }
  });
});

test('openFolder finds files whatever their case, and reads each once', async () => {
  const dir = join(root, 'event');
  mkdirSync(dir);
  writeFileSync(join(dir, 'Rooms.CSV'), 'id\n');
  const folder = await openFolder(dir);
  expect(folder.has('rooms.csv')).toBe(true);
  expect(folder.has('themes.csv')).toBe(false);
  expect(await folder.text('rooms.csv')).toBe('id\n');
  expect(await folder.text('themes.csv')).toBeUndefined();
  await expect(openFolder(join(root, 'nope'))).rejects.toThrow('no such folder');
});
