/**
 * theme-spread: a theme with enough sessions appears on every day. Counts
 * plenaries and workshops only (lightning talks are drop-in): for each theme
 * with at least as many such sessions as there are days, one occurrence per
 * day without any of them. The staged solve's core holds every counted item,
 * so its score of this goal is the whole event's.
 */
import type { Item, Schedule } from '../../domain/types.js';
import type { Context } from '../context.js';
import { byId, byKey } from '../../domain/compare.js';

export const THEME_SPREAD_TERM = {
  name: 'theme-spread',
  description: 'A theme with at least one plenary or workshop per day has a day without any (per theme and day).',
} as const;

/** Themes to spread, with their counted items, by theme. */
export function spreadThemes(ctx: Context): ReadonlyMap<string, readonly Item[]> {
  const map = new Map<string, Item[]>();
  for (const item of [...ctx.items.values()].sort(byId)) {
    if (item.format === 'lightning') continue;
    for (const t of new Set(item.themes)) map.set(t, [...(map.get(t) ?? []), item]);
  }
  return new Map([...map.entries()].filter(([, items]) => items.length >= ctx.dates.length && ctx.dates.length > 1).sort(byKey));
}

export function scoreThemeSpread(ctx: Context, schedule: Schedule): readonly string[] {
  const at = new Map(schedule.map((a) => [a.item, a]));
  const out: string[] = [];
  for (const [theme, items] of spreadThemes(ctx)) {
    const days = new Set(items.flatMap((i) => (at.has(i.id) ? [at.get(i.id)!.date] : [])));
    for (const date of ctx.dates) {
      if (!days.has(date)) {
        out.push(`theme ${theme} has no plenary or workshop on ${date} (its ${items.length} sessions: ${items.map((i) => i.id).join(', ')})`);
      }
    }
  }
  return out;
}
