/**
 * weights.csv (optional, in the event folder): `term,weight`, one soft goal a
 * row, overriding the default weights; and `--weight term=value` flags, which
 * override the file. Unknown terms and bad numbers are input errors.
 */
import { join } from 'node:path';
import { InputError, type InputIssue } from '../domain/issues.js';
import { GOAL_NAMES, isGoalName, type Weights } from '../model/goals/registry.js';
import { parseDecimal } from './cells.js';
import { parseCsvTable } from './csv.js';
import { readText } from './files.js';

export type WeightOverrides = Weights;

const FILE = 'weights.csv';

export function parseWeights(text: string, file = FILE): WeightOverrides {
  const table = parseCsvTable(text, file);
  if (Array.isArray(table)) throw new InputError(table as readonly InputIssue[]);
  const t = table as Exclude<ReturnType<typeof parseCsvTable>, readonly InputIssue[]>;
  const issues: InputIssue[] = [];
  for (const column of ['term', 'weight']) {
    if (t.col(column) === 0) issues.push({ file, line: 1, column: 0, columnName: column, message: 'missing column' });
  }
  if (issues.length > 0) throw new InputError(issues);
  const out: Record<string, number> = {};
  for (const row of t.rows) {
    const term = row.get('term').trim().toLowerCase();
    const weight = parseDecimal(row.get('weight'));
    if (!isGoalName(term)) {
      issues.push({ file, line: row.line, column: row.col('term'), columnName: 'term', message: `unknown soft goal ${JSON.stringify(term)} (one of ${GOAL_NAMES.join(', ')})` });
    } else if (weight === null || weight < 0) {
      issues.push({ file, line: row.line, column: row.col('weight'), columnName: 'weight', message: `expected a number of 0 or more, got ${JSON.stringify(row.get('weight'))}` });
    } else {
      out[term] = weight;
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

/** The event folder's weights.csv, or no overrides when there is none. */
export async function readWeights(dir: string): Promise<WeightOverrides> {
  const text = await readText(join(dir, FILE), FILE);
  if (text === undefined) return {};
  if (typeof text !== 'string') throw new InputError([text]);
  return parseWeights(text);
}

/** `--weight speaker-days=0` → { 'speaker-days': 0 }; null when malformed. */
export function parseWeightFlag(text: string): WeightOverrides | null {
  const m = /^([a-z-]+)=(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m || !isGoalName(m[1]!)) return null;
  return { [m[1]!]: Number(m[2]) };
}
