/**
 * theme-clash: two items sharing a theme run at the same time, weighted by
 * the smaller of the two expected audiences (the people who would have
 * wanted both and must choose). The report lists the clashes in a section of
 * their own (scoreThemeClashes), not as occurrences.
 */
import type { ThemeClash } from '../../domain/report.js';
import { weighedAudience, type Item, type Schedule } from '../../domain/types.js';
import { byId, compareText } from '../../domain/compare.js';
import type { Context } from '../context.js';
import type { Candidates } from '../candidates.js';
import { forcedPairCost } from './bounds.js';
import { crowdingRelaxation, type ClashFamily } from './crowding.js';
import { forcedClashCuts } from './clash-cuts.js';
import type { Goal } from './goal.js';
import { overlapColumns, overlapping } from './overlap.js';

export type ThemePair = {
  readonly a: Item;
  readonly b: Item;
  readonly themes: readonly string[];
  readonly weight: number;
};

// Built once per context: the model, the scoring and the move weights all ask.
const pairCache = new WeakMap<Context, readonly ThemePair[]>();

/** Every pair of items sharing at least one theme, by ids. */
export function themePairs(ctx: Context): readonly ThemePair[] {
  const cached = pairCache.get(ctx);
  if (cached) return cached;
  const items = [...ctx.items.values()].sort(byId);
  const pairs: ThemePair[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const themes = a.themes.filter((t) => b.themes.includes(t));
      if (themes.length > 0) pairs.push({ a, b, themes: [...new Set(themes)].sort(), weight: pairWeight(a, b) });
    }
  }
  pairCache.set(ctx, pairs);
  return pairs;
}

export function pairWeight(a: Item, b: Item): number {
  return Math.max(1, Math.min(weighedAudience(a), weighedAudience(b)));
}

/** The clashes a finished schedule has, in a stable order. */
export function scoreThemeClashes(ctx: Context, schedule: Schedule): readonly ThemeClash[] {
  return overlapping(schedule, themePairs(ctx))
    .map((p): ThemeClash => ({ a: p.a.id, b: p.b.id, themes: p.themes, date: p.date, start: p.start, end: p.end, cost: p.weight }))
    .sort((p, q) => compareText(p.date, q.date) || p.start - q.start || compareText(p.a, q.a) || compareText(p.b, q.b));
}

const familyCache = new WeakMap<Candidates, readonly ClashFamily[]>();

/**
 * Per theme, its items and their pairs, each pair's weight shared among its
 * themes (so the themes' bounds add up), and what they cost at least by
 * counting (forcedPairCost): the bound and its relaxation both read it.
 */
function themeFamilies(ctx: Context, candidates: Candidates): readonly ClashFamily[] {
  const cached = familyCache.get(candidates);
  if (cached) return cached;
  const families = [...new Set([...ctx.items.values()].flatMap((i) => i.themes))].sort().map((theme): ClashFamily => {
    const items = [...ctx.items.values()].filter((i) => i.themes.includes(theme));
    const pairs = themePairs(ctx)
      .filter((p) => p.themes.includes(theme))
      .map((p) => ({ a: p.a, b: p.b, cost: p.weight / p.themes.length }));
    return { key: theme, items, pairs, floor: forcedPairCost(ctx, items, candidates, pairs) };
  });
  familyCache.set(candidates, families);
  return families;
}

export const themeClashGoal: Goal = {
  name: 'theme-clash',
  description: 'Pairs of items sharing a theme at the same time, each weighted by the smaller expected audience.',
  defaultWeight: 1,
  model(parts, weight) {
    const keys = parts.lazyKeys;
    const pairs = themePairs(parts.ctx).filter((p) => !keys || p.themes.some((t) => keys.has(t)));
    const first = parts.columns.length;
    const { modelled, settled, offset } = overlapColumns(parts, 'clash', pairs, (p) => weight * p.weight);
    parts.rows.push(...forcedClashCuts(parts.ctx, parts.placements, modelled, first, keys, settled));
    return offset;
  },
  score(ctx, schedule) {
    const clashes = scoreThemeClashes(ctx, schedule);
    return { count: clashes.length, units: clashes.reduce((n, c) => n + c.cost, 0), occurrences: [] };
  },
  maxUnits: (ctx) => themePairs(ctx).reduce((n, p) => n + p.weight, 0),
  minUnits: (ctx, candidates) => themeFamilies(ctx, candidates).reduce((n, f) => n + f.floor, 0),
  relaxation: (ctx, candidates) => crowdingRelaxation(ctx, candidates, themeFamilies(ctx, candidates)),
  lazy: { keysOf: (ctx, schedule) => [...new Set(scoreThemeClashes(ctx, schedule).flatMap((c) => c.themes))].sort() },
};
