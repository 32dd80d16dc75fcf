/**
 * Seeded damage to event folders, and what every command must do with it
 * (issue 15): exit 0, 1 or 2 only, never a stack trace; every exit-2 message
 * names its file (and a line for a fault in a row); nothing written outside
 * the output folder; the output folder unchanged after a failure, and holding
 * exactly the run's files after a success.
 *
 * Shared by the unit layer (hostile.test.ts: commands run in-process, a few
 * hundred cases on tiny events) and the end-to-end layer (hostile.e2e.test.ts:
 * the real binary, more cases, the bundled example too).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { mulberry32 } from '../../src/domain/random.js';

/** The same seed gives the same damage on every machine. */
export const rng = mulberry32;

export type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Cells a hostile or careless sheet may hold. */
const CELLS = [
  '', ' ', '0', '-1', '1.5', '7,5', '99999999999999999999999', '9'.repeat(400), 'NaN', '1e9', 'Infinity',
  '=HYPERLINK("http://x")', '+1', '@SUM(A1)', '<script>alert(1)</script>', '</td><b>', '&amp;',
  '../../etc/passwd', '/abs/path', '..', '.', 'CON', 'a;b', 'a|b', '"', '"unclosed', 'x"y', '""',
  '\u0000', '\u202e', 'é\u0301', '👩🏽‍💻', 'line\nbreak', 'yes', 'no', 'maybe', '2014-02-30', '24:00', '25:61',
  'sp-999', 'p01', 'w01', 'mh', 'lobby', 'c1', 'r1', 'u1', 'a1', 'r05', 'p1', 'civil_society', 'workshop', 'intro',
];

/** What was done to the folder, for messages and for what the output must then say. */
export type Damage = { readonly kind: 'none' | 'cell' | 'row' | 'file' | 'output'; readonly what: string; readonly file?: string };

/** Splits CSV text into lines of cells, naively (good enough to damage: the damage may itself break quoting). */
function cellsOf(text: string): string[][] {
  return text.split(/\r?\n/).filter((l, i, all) => l !== '' || i < all.length - 1).map((l) => l.split(','));
}

function joinCells(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map((c) => (/[,\n]/.test(c) && !c.startsWith('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\n`;
}

const unix = process.platform !== 'win32';

/**
 * Damages one file of `dir` (or none), in place. `big` sets the size of the
 * longest cell written (a 1 MB cell end to end, less in the unit layer).
 */
export function damage(dir: string, r: Random, big: number): Damage {
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
  if (files.length === 0 || r() < 0.06) return { kind: 'none', what: 'nothing' };
  const file = pick(r, files);
  const full = path.join(dir, file);
  const rows = cellsOf(readFileSync(full, 'utf8'));
  const roll = r();
  if (roll < 0.5 && rows.length > 0) {
    const line = r() < 0.1 ? 0 : 1 + Math.floor(r() * Math.max(1, rows.length - 1));
    const row = rows[Math.min(line, rows.length - 1)] ?? [];
    const col = Math.floor(r() * Math.max(1, row.length));
    const value = r() < 0.05 ? 'T'.repeat(big) : pick(r, CELLS);
    row[col] = value;
    writeFileSync(full, joinCells(rows));
    return { kind: 'cell', what: `${file} line ${line + 1} cell ${col + 1} = ${JSON.stringify(value.slice(0, 40))}`, file };
  }
  if (roll < 0.75 && rows.length > 1) {
    const i = 1 + Math.floor(r() * (rows.length - 1));
    const op = pick(r, ['delete', 'duplicate', 'blank', 'short', 'long', 'swap-header']);
    if (op === 'delete') rows.splice(i, 1);
    if (op === 'duplicate') rows.splice(i, 0, [...(rows[i] ?? [])]);
    if (op === 'blank') rows.splice(i, 0, ['']);
    if (op === 'short') rows[i] = (rows[i] ?? []).slice(0, 1);
    if (op === 'long') rows[i] = [...(rows[i] ?? []), 'extra', 'cells'];
    if (op === 'swap-header') rows[0] = [...(rows[0] ?? [])].reverse();
    writeFileSync(full, joinCells(rows));
    return { kind: op === 'swap-header' ? 'file' : 'row', what: `${file}: ${op} row ${i + 1}`, file };
  }
  const op = pick(r, ['remove', 'empty', 'header-only', 'binary', 'utf16', 'folder', ...(unix ? ['fifo', 'dev-zero', 'link'] : []), 'bom-semicolons']);
  rmSync(full, { force: true });
  if (op === 'empty') writeFileSync(full, '');
  if (op === 'header-only') writeFileSync(full, joinCells(rows.slice(0, 1)));
  if (op === 'binary') writeFileSync(full, Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x9f, 0x80, 0x0a]));
  if (op === 'utf16') writeFileSync(full, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(joinCells(rows), 'utf16le')]));
  if (op === 'folder') mkdirSync(full);
  if (op === 'fifo') execFileSync('mkfifo', [full]);
  if (op === 'dev-zero') symlinkSync('/dev/zero', full);
  if (op === 'link') {
    const other = pick(r, files.filter((f) => f !== file)) ?? file;
    if (other !== file) symlinkSync(path.join(dir, other), full);
    else writeFileSync(full, '');
  }
  if (op === 'bom-semicolons') writeFileSync(full, `\uFEFF${rows.map((row) => row.join(';')).join('\r\n')}\r\n`);
  return { kind: 'file', what: `${file}: ${op}`, file };
}

/** Every file under `dir` with its bytes (links and other non-files by what they are), for before/after comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  if (!lstatSync(dir).isDirectory()) return { '.': lstatSync(dir).isFile() ? readFileSync(dir).toString('base64') : '<other>' };
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const info = lstatSync(p);
      const key = path.relative(dir, p);
      if (info.isSymbolicLink()) out[key] = '<link>';
      else if (info.isDirectory()) {
        out[key] = '<folder>';
        walk(p);
      } else if (info.isFile()) out[key] = readFileSync(p).toString('base64');
      else out[key] = '<other>';
    }
  };
  walk(dir);
  return out;
}

/** Prepares the output folder a case writes to: absent, or a previous output, maybe tampered with. Returns what was done. */
export function prepareOutput(out: string, previous: string | null, event: string, r: Random): { out: string; damage: Damage | null } {
  const roll = r();
  if (previous === null || roll < 0.35) return { out, damage: null };
  cpSync(previous, out, { recursive: true });
  if (roll < 0.7) return { out, damage: null };
  const op = pick(r, ['foreign-file', 'symlink', 'is-a-file', 'under-a-file', 'event-folder']);
  if (op === 'foreign-file') writeFileSync(path.join(out, 'my-notes.txt'), 'mine');
  if (op === 'symlink' && unix) {
    const victim = path.join(path.dirname(out), 'victim.txt');
    writeFileSync(victim, 'precious');
    const entries = readdirSync(out).filter((f) => f.endsWith('.csv') || f.endsWith('.md'));
    const name = entries[0] ?? 'x.csv';
    rmSync(path.join(out, name), { force: true });
    symlinkSync(victim, path.join(out, name));
  }
  if (op === 'is-a-file') {
    rmSync(out, { recursive: true, force: true });
    writeFileSync(out, 'a file');
  }
  if (op === 'under-a-file') {
    rmSync(out, { recursive: true, force: true });
    writeFileSync(out, 'a file');
    return { out: path.join(out, 'inner'), damage: { kind: 'output', what: op } };
  }
  if (op === 'event-folder') return { out: event, damage: { kind: 'output', what: op } };
  return { out, damage: { kind: 'output', what: op } };
}

export type Outcome = { readonly code: number; readonly stdout: string; readonly stderr: string };

const SUMMARY = /^\d+ problems? found in the input; nothing was written\.$/;

/** Every file a command reads from an event folder or beside it. */
const INPUT_FILES = ['calendar.csv', 'rooms.csv', 'themes.csv', 'speakers.csv', 'availability.csv', 'weights.csv', 'registrations.csv', 'unconference.csv', 'preferences.csv', 'projects.csv', 'schedule.csv', 'rosters.csv'];

/**
 * What every run must satisfy, whatever the damage. `known` are the names a
 * message may start with (input files, paths given on the command line).
 */
export function expectSound(o: Outcome, damageDone: Damage, known: readonly string[], context: string): void {
  const where = `${context}\n--- stderr ---\n${o.stderr.slice(0, 3000)}`;
  expect([0, 1, 2], where).toContain(o.code);
  expect(o.stderr, where).not.toMatch(/^\s+at .+(:\d+:\d+\)?|<anonymous>\)?)$/m);
  expect(o.stderr, where).not.toContain('internal error');
  if (o.code !== 2) return;
  const lines = o.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length, where).toBeGreaterThan(0);
  const names = (l: string) => [...INPUT_FILES, ...known].some((k) => l.startsWith(k) || l.toLowerCase().startsWith(k.toLowerCase()));
  const issueLines = lines.filter((l) => !SUMMARY.test(l) && !l.startsWith('error:') && !l.startsWith('(run convene'));
  for (const l of issueLines) expect(names(l), `a message that names no file: ${l}\n${where}`).toBe(true);
  for (const l of lines.filter((x) => x.startsWith('error:'))) {
    expect(known.some((k) => l.includes(k)) || /--\w|usage/.test(l), `an error that names nothing: ${l}\n${where}`).toBe(true);
  }
  if (damageDone.kind === 'cell' || damageDone.kind === 'row') {
    // A fault in a row is located: some message gives a line (the row's, or one that refers to it).
    if (issueLines.length > 0) expect(issueLines.some((l) => /^[^\s]+?:\d+/.test(l)), `no line number for a row fault\n${where}`).toBe(true);
  }
}

/** The folder a successful run leaves: exactly the files its manifest names (and other outputs nested in it). */
export function expectExactlyItsFiles(out: string, context: string): void {
  const manifest = JSON.parse(readFileSync(path.join(out, '.convene-output'), 'utf8')) as { files: string[] };
  const files = Object.entries(snapshot(out))
    .filter(([, v]) => v !== '<folder>')
    .map(([k]) => k.split(path.sep).join('/'))
    .filter((k) => k !== '.convene-output');
  const nested = new Set(files.filter((f) => f.endsWith('/.convene-output')).map((f) => f.slice(0, -'/.convene-output'.length)));
  const own = files.filter((f) => ![...nested].some((n) => f.startsWith(`${n}/`)));
  expect(own.sort(), context).toEqual([...manifest.files].sort());
}
