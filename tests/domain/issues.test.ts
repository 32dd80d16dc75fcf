import { expect, test } from 'vitest';
import { InputError, formatIssue } from '../../src/domain/issues.js';

test('an InputError says each problem once, sorted, even when two readers of one file both found it', () => {
  const bad = { file: 'registrations.csv', line: 2, column: 1, columnName: '', message: 'malformed CSV: unclosed quote' };
  const other = { file: 'calendar.csv', line: 3, column: 2, columnName: 'start', message: 'expected a time' };
  const e = new InputError([bad, other, { ...bad }]);
  expect(e.issues.map(formatIssue)).toEqual(['calendar.csv:3:2 start: expected a time', 'registrations.csv:2:1 malformed CSV: unclosed quote']);
  expect(e.message.split('\n')).toHaveLength(2);
});
