/**
 * weights.csv (optional, in the event folder): `term,weight`, one soft goal a
 * row, overriding the default weights; and `--weight term=value` flags, which
 * override the file. Unknown terms, bad numbers and a term given twice are
 * input errors; an empty weight cell keeps the default.
 */
import { z } from 'zod';
import { InputError, type InputIssue } from '../domain/issues.js';
import { GOAL_NAMES, isGoalName, type Weights } from '../model/goals/registry.js';
import { cell, digits, found, LIMITS, parseDecimal, Unreadable } from './cells.js';
import { openFolder, type Folder } from './files.js';
import { cellIssue, readSheet, type FileText } from './rows/sheet.js';

export type WeightOverrides = Weights;

export const WEIGHTS_FILE = 'weights.csv';

const RANGE = `from 0 to ${digits(LIMITS.weight)}`;

const termCell = cell((text): string | Unreadable => {
  const term = text.toLowerCase();
  if (isGoalName(term)) return term;
  const known = `one of ${GOAL_NAMES.join(', ')}`;
  return new Unreadable(text === '' ? `expected a soft goal (${known}), ${found(text)}` : `unknown soft goal ${JSON.stringify(term)} (${known})`);
});

/** A weight from 0 to LIMITS.weight; an empty cell (null) keeps the default. */
const weightCell = cell((text): number | null | Unreadable => {
  if (text === '') return null;
  const w = parseDecimal(text);
  return w !== null && w >= 0 && w <= LIMITS.weight ? w : new Unreadable(`expected a number ${RANGE} (like 2 or 0.5), or an empty cell for the default, ${found(text)}`);
});

type Row = { readonly term: string; readonly weight: number | null; readonly line: number };

/** The overrides weights.csv gives (none when it is missing), and every problem with it. */
export function checkWeights(text: FileText): { readonly overrides: WeightOverrides; readonly issues: readonly InputIssue[] } {
  const sheet = readSheet(
    {
      file: WEIGHTS_FILE,
      columns: ['term', 'weight'],
      required: false,
      schema: z.object({ term: termCell, weight: weightCell }),
      build: (v, row): Row => ({ term: v.term, weight: v.weight, line: row.line }),
      order: (a, b) => a.line - b.line,
    },
    text,
  );
  const issues = [...sheet.issues];
  const out: Record<string, number> = {};
  const first = new Map<string, number>();
  for (const row of sheet.rows) {
    const before = first.get(row.term);
    if (before !== undefined && sheet.table) {
      issues.push(cellIssue(sheet.table, row.line, 'term', `${row.term} is already given on line ${before}`));
      continue;
    }
    first.set(row.term, row.line);
    if (row.weight !== null) out[row.term] = row.weight;
  }
  return { overrides: out, issues };
}

/** weights.csv's text -> overrides; throws InputError. */
export function parseWeights(text: string): WeightOverrides {
  const { overrides, issues } = checkWeights(text);
  if (issues.length > 0) throw new InputError(issues);
  return overrides;
}

/** The event folder's weights.csv, or no overrides when there is none. */
export async function readWeights(dir: string | Folder): Promise<WeightOverrides> {
  const folder = typeof dir === 'string' ? await openFolder(dir) : dir;
  const { overrides, issues } = checkWeights(await folder.text(WEIGHTS_FILE));
  if (issues.length > 0) throw new InputError(issues);
  return overrides;
}

/** `--weight speaker-days=0` → { 'speaker-days': 0 }; null when malformed or out of range. */
export function parseWeightFlag(text: string): WeightOverrides | null {
  const m = /^([a-z-]+)=(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m || !isGoalName(m[1]!)) return null;
  const weight = Number(m[2]);
  return weight <= LIMITS.weight ? { [m[1]!]: weight } : null;
}

/** How --weight is written, for its error message. */
export const WEIGHT_FLAG_FORM = `term=number (${RANGE})`;
