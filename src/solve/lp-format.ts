/**
 * A MipModel as CPLEX LP text, so that the very same model can be handed to
 * another solver (native CBC in bench/cbc.mjs, HiGHS's own LP reader in the
 * tests). Pure: no solver package, no files.
 *
 * The dialect is the common subset that CBC (CoinLpIO), HiGHS and CPLEX all
 * read: names of letters, digits and `_` only (our column names hold `-` and
 * `:`, which LP text reads as operators), one bound per row (a ranged row
 * becomes two rows), at most a few terms per line, and no infinities written
 * as numbers.
 */
import type { MipColumn, MipModel } from '../model/mip.js';

export type LpOptions = {
  /**
   * `readable` (default): `c<index>_<sanitised name>`, cut to a length every
   * reader accepts; `index`: plain `c<index>` and `r<index>`.
   */
  readonly names?: 'readable' | 'index';
};

/** Terms per line: CPLEX reads lines of up to 510 characters. */
const TERMS_PER_LINE = 8;
/** Carries the model's constant offset; every other name starts with `c` or `r` and a digit follows. */
export const OFFSET_COLUMN = 'k_offset';
/** CoinLpIO refuses names longer than 100 characters. */
const MAX_NAME = 60;

/** The LP names of the columns, in column order: what a solver's solution is keyed by. */
export function lpColumnNames(model: MipModel, options: LpOptions = {}): readonly string[] {
  return model.columns.map((c, i) => lpName('c', i, c.name, options));
}

export function toLpFormat(model: MipModel, options: LpOptions = {}): string {
  return [...lpLines(model, options), ''].join('\n');
}

/**
 * The same text line by line, for models whose LP text is longer than one
 * JavaScript string may be (about 512 MiB): write each line as it comes.
 */
export function* lpLines(model: MipModel, options: LpOptions = {}): Generator<string> {
  const cols = lpColumnNames(model, options);
  yield '\\ written by convene: the schedule model as CPLEX LP';
  yield 'Minimize';
  const objective: (readonly [number, string])[] = model.columns.flatMap((c, i) => (c.cost === 0 ? [] : [[c.cost, cols[i]!] as const]));
  // The objective's constant, as a column fixed at 1: not every LP reader takes a constant term.
  const offset = model.offset ?? 0;
  if (offset !== 0) objective.push([offset, OFFSET_COLUMN]);
  // A model with no costs still needs an objective line that names a column.
  const first = cols[0];
  yield* expression(' obj:', objective.length > 0 || first === undefined ? objective : [[0, first]]);

  yield 'Subject To';
  for (let k = 0; k < model.rows.length; k++) {
    const r = model.rows[k]!;
    const terms = r.indices.map((i, j) => [r.values[j]!, cols[i]!] as const);
    const body = terms.length > 0 || first === undefined ? terms : [[0, first] as const];
    const name = lpName('r', k, r.name, options);
    const lower = r.lower > -Infinity;
    const upper = r.upper < Infinity;
    if (lower && upper && r.lower === r.upper) yield* expression(` ${name}:`, body, `= ${num(r.lower)}`);
    else if (lower && upper) {
      yield* expression(` ${name}_lo:`, body, `>= ${num(r.lower)}`);
      yield* expression(` ${name}_hi:`, body, `<= ${num(r.upper)}`);
    } else if (lower) yield* expression(` ${name}:`, body, `>= ${num(r.lower)}`);
    else if (upper) yield* expression(` ${name}:`, body, `<= ${num(r.upper)}`);
    // A row free on both sides constrains nothing and is left out.
  }

  yield 'Bounds';
  if (offset !== 0) yield ` ${OFFSET_COLUMN} = 1`;
  for (let i = 0; i < model.columns.length; i++) {
    const c = model.columns[i]!;
    if (!isBinary(c)) yield ` ${bound(c, cols[i]!)}`;
  }
  const generals = cols.filter((_, i) => model.columns[i]!.integer && !isBinary(model.columns[i]!));
  const binaries = cols.filter((_, i) => isBinary(model.columns[i]!));
  if (generals.length > 0) yield* ['Generals', ...wrap(generals)];
  if (binaries.length > 0) yield* ['Binaries', ...wrap(binaries)];
  yield 'End';
}

function isBinary(c: MipColumn): boolean {
  return c.integer && c.lower === 0 && c.upper === 1;
}

function bound(c: MipColumn, name: string): string {
  const lower = c.lower > -Infinity;
  const upper = c.upper < Infinity;
  if (lower && upper && c.lower === c.upper) return `${name} = ${num(c.lower)}`;
  if (lower && upper) return `${num(c.lower)} <= ${name} <= ${num(c.upper)}`;
  // Without a Bounds line a column is [0, inf): say so explicitly for every other case.
  if (lower) return `${name} >= ${num(c.lower)}`;
  if (upper) return `-inf <= ${name} <= ${num(c.upper)}`;
  return `${name} free`;
}

function expression(head: string, terms: readonly (readonly [number, string])[], tail = ''): string[] {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += TERMS_PER_LINE) {
    const chunk = terms.slice(k, k + TERMS_PER_LINE).map(([v, n], j) => term(v, n, k + j === 0));
    lines.push(`${k === 0 ? head : '   '} ${chunk.join(' ')}`);
  }
  if (lines.length === 0) lines.push(head);
  if (tail !== '') lines[lines.length - 1] += ` ${tail}`;
  return lines;
}

function term(v: number, name: string, first: boolean): string {
  const sign = v < 0 ? '-' : '+';
  const abs = Math.abs(v);
  const coef = abs === 1 ? '' : `${num(abs)} `;
  return first && sign === '+' ? `${coef}${name}` : `${sign} ${coef}${name}`;
}

/** Shortest text that reads back as the same double; never `Infinity` or `NaN`. */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`LP text cannot hold ${v}`);
  return String(v);
}

function wrap(names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let k = 0; k < names.length; k += TERMS_PER_LINE * 2) lines.push(` ${names.slice(k, k + TERMS_PER_LINE * 2).join(' ')}`);
  return lines;
}

/** Unique by the index prefix, readable by the rest; starts with a letter, so never a number or keyword. */
function lpName(prefix: string, index: number, name: string, options: LpOptions): string {
  if (options.names === 'index') return `${prefix}${index}`;
  const clean = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_NAME);
  return clean === '' ? `${prefix}${index}` : `${prefix}${index}_${clean}`;
}
