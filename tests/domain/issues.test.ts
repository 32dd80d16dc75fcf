import { expect, test } from 'vitest';
import { InputError, formatIssue, formatIssues } from '../../src/domain/issues.js';

test('an InputError says each problem once, sorted, even when two readers of one file both found it', () => {
  const bad = { file: 'registrations.csv', line: 2, column: 1, columnName: '', message: 'malformed CSV: unclosed quote' };
  const other = { file: 'calendar.csv', line: 3, column: 2, columnName: 'start', message: 'expected a time' };
  const e = new InputError([bad, other, { ...bad }]);
  expect(e.issues.map(formatIssue)).toEqual(['calendar.csv:3:2 start: expected a time', 'registrations.csv:2:1 malformed CSV: unclosed quote']);
  expect(e.message.split('\n')).toHaveLength(2);
});

test('of each kind (one column of one file) the first 20 problems are printed, then how many more', () => {
  const unknown = (line: number) => ({ file: 'preferences.csv', line, column: 2, columnName: 'session', message: `unknown session "u${line}"` });
  const other = { file: 'preferences.csv', line: 30, column: 3, columnName: 'rank', message: 'expected a whole number' };
  const issues = [...Array.from({ length: 200 }, (_, i) => unknown(i + 2)), other];
  const lines = formatIssues(new InputError(issues).issues);
  expect(lines).toHaveLength(22);
  expect(lines[19]).toBe('preferences.csv:21:2 session: unknown session "u21"');
  expect(lines[20]).toBe('preferences.csv session: and 180 more like these');
  expect(lines[21]).toBe('preferences.csv:30:3 rank: expected a whole number');
  expect(formatIssues([other])).toEqual(['preferences.csv:30:3 rank: expected a whole number']);
});
