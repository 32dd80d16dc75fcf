/**
 * Writing a command's files into its output folder, all or nothing.
 *
 * Every file is written into a fresh folder beside the target; only when all
 * of them are on disk does that folder take the target's place (two renames),
 * so a failure part-way (a full disk, a name the file system refuses) leaves
 * the previous output exactly as it was. Afterwards the folder holds exactly
 * this run's files: nothing of an earlier run survives to be mistaken for
 * part of this one.
 *
 * Replacing a folder is only safe when convene owns it. Each output folder
 * gets a small manifest (MANIFEST) naming the command and the files it wrote;
 * a folder holding anything else (a file of the user's, a link, another
 * command's output) is refused unless `force`. Folders inside it that hold a
 * manifest of their own (`out/site` beside `out/schedule.csv`) are other
 * outputs and are carried over untouched. Files are created exclusively in
 * the new folder, so nothing is ever written through a symbolic link.
 */
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { errorCode } from './files.js';
import { compareText } from '../domain/compare.js';

/** The manifest convene writes into every output folder. */
export const MANIFEST = '.convene-output';

export type OutputOptions = {
  /** The command writing (`schedule`, `publish`, ...): recorded in the manifest. */
  readonly command?: string;
  /** Replace the folder even when it holds files convene did not write there. */
  readonly force?: boolean;
  /** Folders the output may never replace, even with `force` (the event folder read). */
  readonly protect?: readonly string[];
};

/** The output folder cannot be written (a user's problem, not convene's). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

type Manifest = { readonly command: string; readonly files: readonly string[] };

/**
 * Writes each file (keyed by a relative path such as `schedule.csv` or
 * `rooms/r1.ics`) as the whole content of folder `dir`. Every path is checked
 * before anything is written; an absolute path or one with `..` throws a
 * plain Error (a bug: writers make their names from ids through safe stems).
 * Throws OutputError when the folder cannot be written or may not be replaced.
 * Returns the names written, sorted.
 */
export async function writeOutputs(dir: string, files: Readonly<Record<string, string>>, options: OutputOptions = {}): Promise<readonly string[]> {
  const names = Object.keys(files).sort();
  for (const name of names) {
    const parts = name.split(/[\\/]/);
    if (name === '' || isAbsolute(name) || /^[a-zA-Z]:/.test(name) || parts.includes('..') || parts.includes('') || parts.includes('.') || name === MANIFEST) {
      throw new Error(`refusing to write ${JSON.stringify(name)}: output paths must be relative, inside the output folder`);
    }
  }
  const command = options.command ?? 'convene';
  const target = resolve(dir);
  const parent = dirname(target);
  guard(dir, target, options.protect ?? []);
  const writes = new Set(names);
  // A path, or a folder (ending in /) the run writes into.
  const writesTo = (p: string) => (p.endsWith('/') ? names.some((n) => n.startsWith(p)) : writes.has(p));
  const kept = await inspect(dir, target, writesTo, command, options.force ?? false);

  try {
    await mkdir(parent, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create ${parent}: ${reason(e)}`);
  }
  const fresh = join(parent, `.${basename(target)}.convene-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(fresh);
  } catch (e) {
    throw new OutputError(`cannot write beside ${dir}: ${reason(e)}`);
  }
  try {
    for (const name of names) {
      const path = join(fresh, name);
      try {
        await mkdir(dirname(path), { recursive: true });
        // 'wx': create, never open an existing file or follow a link.
        await writeFile(path, files[name] ?? '', { encoding: 'utf8', flag: 'wx' });
      } catch (e) {
        throw new OutputError(`cannot write ${join(dir, name)}: ${reason(e)}`);
      }
    }
    const manifest: Manifest = { command, files: names };
    await writeFile(join(fresh, MANIFEST), `${JSON.stringify({ written_by: 'convene', ...manifest }, null, 2)}\n`, { flag: 'wx' });
    await swap(dir, target, fresh, kept);
    return names;
  } catch (e) {
    await rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    if (e instanceof OutputError) throw e;
    throw new OutputError(`cannot write ${dir}: ${reason(e)}`);
  }
}

/**
 * The same refusals writeOutputs would make, before a command spends a
 * minute solving: the output is a link or a file, would replace what the
 * run reads, holds another command's output, or holds files this command
 * would not write. `mayWrite` says which paths the command could write
 * (a name, or a folder ending in `/` it writes into); writeOutputs checks
 * again with the exact list.
 */
export async function checkOutputFolder(dir: string, mayWrite: (path: string) => boolean, options: OutputOptions = {}): Promise<void> {
  const target = resolve(dir);
  guard(dir, target, options.protect ?? []);
  await inspect(dir, target, mayWrite, options.command ?? 'convene', options.force ?? false);
}

/** The output may not be, or hold, a folder the run reads, nor the folder convene runs in. */
function guard(dir: string, target: string, protect: readonly string[]): void {
  const within = (inner: string) => {
    const r = relative(target, resolve(inner));
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  for (const p of protect) {
    if (within(p)) throw new OutputError(`${dir} would replace ${p}, which this run reads; choose another output folder`);
  }
  if (within(process.cwd())) throw new OutputError(`${dir} would replace the folder convene runs in; choose a folder inside it`);
}

/**
 * What stands at the target, and the other outputs inside it to carry over.
 * Throws OutputError when the target may not be replaced.
 */
async function inspect(dir: string, target: string, writes: (path: string) => boolean, command: string, force: boolean): Promise<readonly string[]> {
  let info;
  try {
    info = await lstat(target);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return [];
    if (errorCode(e) === 'ENOTDIR') throw new OutputError(`cannot write ${dir}: part of the path is a file, not a folder`);
    throw new OutputError(`cannot write ${dir}: ${reason(e)}`);
  }
  if (info.isSymbolicLink()) throw new OutputError(`${dir} is a symbolic link; convene never writes through a link (give the folder it points to)`);
  if (!info.isDirectory()) throw new OutputError(`cannot write ${dir}: a file stands where the output folder should go`);

  const manifest = await readManifest(target);
  const owned = new Set(manifest?.command === command ? manifest.files : []);
  const foreign: string[] = [];
  const kept: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(join(target, rel), { withFileTypes: true });
    } catch (e) {
      throw new OutputError(`cannot read ${join(dir, rel)}: ${reason(e)}`);
    }
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (path === MANIFEST) continue;
      if (entry.isDirectory()) {
        const nested = (await readManifest(join(target, path))) !== null;
        if (nested && !writes(`${path}/`)) kept.push(path);
        else await walk(path);
      } else if (entry.isFile() && (owned.has(path) || writes(path))) continue;
      else foreign.push(entry.isSymbolicLink() ? `${path} (a symbolic link)` : entry.isFile() ? path : `${path} (not a file)`);
    }
  };
  await walk('');
  if (!force) {
    if (manifest !== null && manifest.command !== command) {
      throw new OutputError(`${dir} holds the output of convene ${manifest.command}; write to another folder, or use --force to replace it`);
    }
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : '');
      throw new OutputError(`${dir} holds files convene did not write there (${shown}); move them away, or use --force to replace the folder`);
    }
  }
  return kept;
}

async function readManifest(folder: string): Promise<Manifest | null> {
  try {
    const info = await lstat(join(folder, MANIFEST));
    if (!info.isFile() || info.size > 16 * 1024 * 1024) return null;
    const data = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as unknown;
    const m = data as { written_by?: unknown; command?: unknown; files?: unknown };
    if (m.written_by !== 'convene' || typeof m.command !== 'string' || !Array.isArray(m.files)) return null;
    return { command: m.command, files: m.files.filter((f): f is string => typeof f === 'string') };
  } catch {
    return null;
  }
}

/**
 * Puts `fresh` in the target's place: carries the other outputs over, moves
 * the old folder aside, renames the new one in, and only then deletes the
 * old one. Undoes every step done so far when one fails.
 */
async function swap(dir: string, target: string, fresh: string, kept: readonly string[]): Promise<void> {
  let exists = true;
  try {
    await lstat(target);
  } catch {
    exists = false;
  }
  if (!exists) {
    await rename(fresh, target).catch((e: unknown) => {
      throw new OutputError(`cannot create ${dir}: ${reason(e)}`);
    });
    return;
  }
  const moved: string[] = [];
  const moveBack = async () => {
    for (const k of moved.reverse()) await rename(join(fresh, k), join(target, k)).catch(() => undefined);
  };
  const old = join(dirname(target), `.${basename(target)}.convene-old-${randomBytes(6).toString('hex')}`);
  try {
    for (const k of kept) {
      await mkdir(dirname(join(fresh, k)), { recursive: true });
      await rename(join(target, k), join(fresh, k));
      moved.push(k);
    }
    await rename(target, old);
  } catch (e) {
    await moveBack();
    throw new OutputError(`cannot replace ${dir}: ${reason(e)}`);
  }
  try {
    await rename(fresh, target);
  } catch (e) {
    await rename(old, target).catch(() => undefined);
    await moveBack();
    throw new OutputError(`cannot replace ${dir}: ${reason(e)}`);
  }
  await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

function reason(e: unknown): string {
  const code = errorCode(e);
  return OUTPUT_REASONS[code] ?? code;
}

const OUTPUT_REASONS: Readonly<Record<string, string>> = {
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'a folder stands where the file should go',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EEXIST: 'a file stands where a folder should go',
  ENAMETOOLONG: 'a file name is too long for the file system',
  EMFILE: 'too many open files',
  EBUSY: 'the folder is in use',
};
