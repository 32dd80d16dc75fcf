/** What one solver call of a step is given: its share of the time, never past the run's limit. */
import { expect, test } from 'vitest';
import { solveOptions } from '../../src/pipeline/step.js';

const at = (left: number) => ({ backend: 'highs' as const, left: () => left });

test('a solve gets the time left less what later steps keep, at least a second while a second is left', () => {
  expect(solveOptions(at(60), null, 45).timeLimitSeconds).toBe(15);
  expect(solveOptions(at(60), null).timeLimitSeconds).toBe(60);
  // Keeping more than is left: a second all the same, when there is one.
  expect(solveOptions(at(3), null, 2.5).timeLimitSeconds).toBe(1);
});

test('near the end of the run a solve gets what is left, not a second more: the run keeps its limit', () => {
  expect(solveOptions(at(0.4), null).timeLimitSeconds).toBe(0.4);
  expect(solveOptions(at(0.4), null, 5).timeLimitSeconds).toBe(0.4);
  // With nothing left the backends still need a positive limit.
  expect(solveOptions(at(0), null).timeLimitSeconds).toBe(0.1);
});
