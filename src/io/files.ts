/** The file system, kept to these few functions so everything else in io stays pure. */
import { constants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type InputIssue } from '../domain/issues.js';
import { decodeText } from './decode.js';
import type { FileText } from './rows/sheet.js';

/** 100 MB: far above any real event (the bundled one is under 200 KB), far below what exhausts memory. */
export const DEFAULT_MAX_INPUT_MB = 100;

/** The most --max-input-mb allows: JavaScript cannot hold a text much longer (2^29 characters). */
export const MAX_INPUT_MB = 500;

let maxInputBytes = DEFAULT_MAX_INPUT_MB * 1024 * 1024;

/**
 * Sets the largest input file convene reads, in MB (the CLI's global
 * `--max-input-mb`). One setting per process: it is how the program is run,
 * like the working folder, not a property of any file.
 */
export function setMaxInputMb(mb: number): void {
  maxInputBytes = mb * 1024 * 1024;
}

/**
 * The text of a file; undefined when there is no such file; an issue (named
 * `file`) when it exists but cannot be read or decoded. Only regular files
 * are read: a named pipe would wait forever for a writer, and a device such
 * as /dev/zero never ends. The file is opened without blocking (a pipe opens
 * at once) and checked before a byte is read; a file larger than the limit
 * is refused rather than read into memory.
 */
export async function readText(path: string, file: string): Promise<FileText> {
  const problem = (message: string): InputIssue => ({ file, line: 0, column: 0, columnName: '', message });
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    return problem(`cannot read this file (${errorCode(error)})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return problem(`not a regular file (${whatIs(info)}); convene reads only regular files`);
    if (info.size > maxInputBytes) return problem(tooLarge(info.size));
    // Read to the end, but never past the limit: the file can grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = info.size + 1; ; want = 1 << 16) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxInputBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxInputBytes) return problem(tooLarge(null));
    }
    return decodeText(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total), file);
  } catch (error) {
    if (error instanceof RangeError) return problem('the file is too large to hold as text');
    return problem(`cannot read this file (${errorCode(error)})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(bytes: number | null): string {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  const size = bytes === null ? '' : ` (${mb(bytes)})`;
  return `the file is larger than the ${mb(maxInputBytes)} convene reads${size}; raise the limit with --max-input-mb if it is really an input`;
}

function whatIs(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** The names in a folder; an InputError naming `dir` when it is missing or not a folder. */
export async function listFolder(dir: string): Promise<readonly string[]> {
  const problem = (message: string) => new InputError([{ file: dir, line: 0, column: 0, columnName: '', message }]);
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch (error) {
    throw problem(errorCode(error) === 'ENOENT' ? 'no such folder' : `cannot read this folder (${errorCode(error)})`);
  }
  if (!isFolder) throw problem('not a folder');
  return [...(await readdir(dir))].sort();
}

/**
 * The files of a folder by the names convene gives them: `Calendar.CSV` is
 * read as calendar.csv (spreadsheets and file systems disagree about case);
 * messages name each file as convene spells it, without the folder. Each file
 * is read at most once.
 */
export type Folder = {
  readonly dir: string;
  /** Whether the folder holds the file (in any case). */
  has(file: string): boolean;
  text(file: string): Promise<FileText>;
};

export async function openFolder(dir: string): Promise<Folder> {
  const names = await listFolder(dir);
  const actual = (file: string) => names.find((n) => n === file) ?? names.find((n) => n.toLowerCase() === file);
  const read = new Map<string, Promise<FileText>>();
  return {
    dir,
    has: (file) => actual(file) !== undefined,
    text: (file) => {
      let text = read.get(file);
      if (text === undefined) {
        const name = actual(file);
        text = name === undefined ? Promise.resolve(undefined) : readText(join(dir, name), file);
        read.set(file, text);
      }
      return text;
    },
  };
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
