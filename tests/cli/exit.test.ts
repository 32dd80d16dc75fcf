import { expect, test } from 'vitest';
import { EXIT, exitCodeOf } from '../../src/cli/exit.js';

test('a command’s ending decides its exit code in one place: 0 done, 1 no schedule, partial or broken rules', () => {
  expect(exitCodeOf('done')).toBe(EXIT.ok);
  expect(['no-schedule', 'partial', 'rules-broken'].map((e) => exitCodeOf(e as 'partial'))).toEqual([1, 1, 1]);
});
