import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { GOALS } from '../../src/model/goals/registry.js';
import { goalsTable } from '../../src/render/goals-table.js';

test('the documentation lists every soft goal as the registry has it (npm run docs rewrites it)', () => {
  const docs = readFileSync(new URL('../../docs/scheduling-model.md', import.meta.url), 'utf8');
  const table = goalsTable(GOALS);
  expect(docs).toContain(table);
  for (const goal of GOALS) expect(table).toContain(`| \`${goal.name}\` | ${goal.defaultWeight} |`);
});
