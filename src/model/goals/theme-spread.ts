/**
 * theme-spread: a theme with enough sessions appears on every day. Counts
 * plenaries and workshops only (lightning talks are drop-in): for each theme
 * with at least as many such sessions as there are days, one occurrence per
 * day without any of them. The staged solve's core holds every counted item,
 * so its score of this goal is the whole event's.
 */
import type { Item } from '../../domain/types.js';
import { byId, byKey } from '../../domain/compare.js';
import type { Context } from '../context.js';
import { makeRow } from '../mip.js';
import { addPenalty, counted, type Goal, type Occurrence } from './goal.js';

/** Themes to spread, with their counted items, by theme. */
export function spreadThemes(ctx: Context): ReadonlyMap<string, readonly Item[]> {
  const map = new Map<string, Item[]>();
  for (const item of [...ctx.items.values()].sort(byId)) {
    if (item.format === 'lightning') continue;
    for (const t of new Set(item.themes)) map.set(t, [...(map.get(t) ?? []), item]);
  }
  return new Map([...map.entries()].filter(([, items]) => items.length >= ctx.dates.length && ctx.dates.length > 1).sort(byKey));
}

export const themeSpreadGoal: Goal = {
  name: 'theme-spread',
  description: 'A theme with at least one plenary or workshop per day has a day without any (per theme and day).',
  defaultWeight: 50,
  /** A column per theme and day that must be 1 when none of the theme's sessions runs that day. */
  model(parts, weight) {
    const { ctx, placements, byItem, rows } = parts;
    for (const [theme, items] of spreadThemes(ctx)) {
      const ids = new Set(items.map((i) => i.id));
      for (const date of ctx.dates) {
        const v = addPenalty(parts, `spread_${theme}_${date}`, weight);
        const on = [...ids].flatMap((id) => (byItem.get(id) ?? []).filter((i) => placements[i]!.date === date));
        // v + sum(on) >= 1
        rows.push(makeRow(`spread_${theme}_${date}`, 1, Infinity, [[v, 1], ...on.map((i) => [i, 1] as const)]));
      }
    }
    return 0;
  },
  score(ctx, schedule) {
    const at = new Map(schedule.map((a) => [a.item, a]));
    const out: Occurrence[] = [];
    for (const [theme, items] of spreadThemes(ctx)) {
      const days = new Set(items.flatMap((i) => (at.has(i.id) ? [at.get(i.id)!.date] : [])));
      for (const date of ctx.dates) {
        if (days.has(date)) continue;
        out.push({
          items: items.map((i) => i.id),
          message: `theme ${theme} has no plenary or workshop on ${date} (its ${items.length} sessions: ${items.map((i) => i.id).join(', ')})`,
        });
      }
    }
    return counted(out);
  },
  maxUnits: (ctx) => ctx.dates.length * new Set([...ctx.items.values()].flatMap((i) => i.themes)).size,
  // The days on which none of a theme's sessions can go at all.
  minUnits: (ctx, candidates) => {
    const datesOf = new Map<string, Set<string>>();
    for (const p of candidates.placements) datesOf.set(p.item, (datesOf.get(p.item) ?? new Set()).add(p.date));
    let units = 0;
    for (const items of spreadThemes(ctx).values()) units += ctx.dates.filter((d) => !items.some((i) => datesOf.get(i.id)?.has(d))).length;
    return units;
  },
};
