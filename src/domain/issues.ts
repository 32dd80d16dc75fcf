import { compareText } from './compare.js';
/**
 * Problems with the user's input. Every problem found is collected (never only
 * the first) and thrown together as one InputError, so a committee member fixes
 * a spreadsheet in one pass. Formatting is kept apart from the data.
 */

/** One problem, located in a file. `line` and `column` are 1-based; 0 means "the whole file" / "the whole row". */
export type InputIssue = {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The header name of the column, lower-case, or '' when the issue is not about one column. */
  readonly columnName: string;
  readonly message: string;
};

export class InputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super([...new Set(issues.map(formatIssue))].join('\n'));
    this.name = 'InputError';
    // Two readers of one file may find the same problem: say it once.
    const unique = new Map(issues.map((i) => [formatIssue(i), i]));
    this.issues = sortIssues([...unique.values()]);
  }
}

/** Compiler-style: `rooms.csv:7:4 capacity: expected a whole number above 0, got "forty"`. */
export function formatIssue(issue: InputIssue): string {
  if (issue.line === 0 && !issue.columnName) return `${issue.file}: ${issue.message}`;
  let where = issue.file;
  if (issue.line > 0) where += `:${issue.line}`;
  if (issue.line > 0 && issue.column > 0) where += `:${issue.column}`;
  const col = issue.columnName ? ` ${issue.columnName}:` : '';
  return `${where}${col} ${issue.message}`;
}

/** At most this many problems of one kind are printed; the rest are counted. */
export const SHOWN_PER_KIND = 20;

/**
 * The lines a person reads: every issue formatted, in order, but of each
 * kind (one column of one file, or one file as a whole) only the first
 * `limit`, followed by one line counting the rest, such as
 * `preferences.csv session: and 180 more like these`. 200,000 rows with the
 * same mistake should not bury the one line that says something else.
 */
export function formatIssues(issues: readonly InputIssue[], limit = SHOWN_PER_KIND): readonly string[] {
  const kindOf = (issue: InputIssue) => `${issue.file}\u0000${issue.columnName}`;
  const total = new Map<string, number>();
  for (const issue of issues) total.set(kindOf(issue), (total.get(kindOf(issue)) ?? 0) + 1);
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const issue of issues) {
    const kind = kindOf(issue);
    const n = (shown.get(kind) ?? 0) + 1;
    shown.set(kind, n);
    if (n > limit) continue;
    lines.push(formatIssue(issue));
    const all = total.get(kind) ?? 0;
    if (n === limit && all > limit) {
      lines.push(`${issue.file}${issue.columnName ? ` ${issue.columnName}:` : ':'} and ${all - limit} more like these`);
    }
  }
  return lines;
}

/** Stable order: by file, line, column, then message. */
export function sortIssues(issues: readonly InputIssue[]): readonly InputIssue[] {
  return [...issues].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message),
  );
}

