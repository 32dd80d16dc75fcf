/** The file system, kept to these few functions so everything else in io stays pure. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { InputError } from '../domain/issues.js';
import { decodeText } from './decode.js';
import type { FileText } from './rows/sheet.js';

/**
 * The text of a file; undefined when there is no such file; an issue (named
 * `file`) when it exists but cannot be read or decoded.
 */
export async function readText(path: string, file: string): Promise<FileText> {
  try {
    return decodeText(await readFile(path), file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    return { file, line: 0, column: 0, columnName: '', message: `cannot read this file (${errorCode(error)})` };
  }
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

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
