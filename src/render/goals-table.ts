/**
 * The soft goals as a Markdown table, from the registry: the table in
 * docs/scheduling-model.md is this text (a test holds them equal;
 * `npm run docs` writes it).
 */
import type { Goal } from '../model/goals/goal.js';
import { formatNumber, inlineText, tableRow } from './text.js';

export function goalsTable(goals: readonly Goal[]): string {
  return [
    tableRow(['goal', 'default weight', 'one occurrence']),
    tableRow(['---', '---:', '---']),
    ...goals.map((g) => tableRow([`\`${g.name}\``, formatNumber(g.defaultWeight), inlineText(g.description)])),
  ].join('\n');
}
