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
import { forcedPairCost, type CostedPair } from './bounds.js';
import { crowdingRelaxation, familiesFor, rateLevel, type ClashFamily } from './crowding.js';
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

/**
 * How a pair sharing several themes is charged to them, so that the themes'
 * bounds add up: `shared`, its weight split equally among them; `whole`,
 * all of it to the theme with the most items. Counting does better with the
 * first (a theme's pairs all listed), the crowding relaxation with the
 * second (where items crowd, the pair's whole weight counts): on the
 * regional instance 1,243 rather than 1,091, while counting there gives 293
 * shared and 290 whole.
 */
type Split = 'shared' | 'whole';

const familyCache = new WeakMap<Candidates, Map<Split, readonly ClashFamily[]>>();

/** Per theme, its items, the pairs it is charged, and what they cost at least by counting (forcedPairCost). */
function themeFamilies(ctx: Context, candidates: Candidates, split: Split): readonly ClashFamily[] {
  return familiesFor(familyCache, candidates, split, () => {
    const size = new Map<string, number>();
    for (const i of ctx.items.values()) for (const t of i.themes) size.set(t, (size.get(t) ?? 0) + 1);
    const biggest = (themes: readonly string[]) => [...themes].sort((a, b) => size.get(b)! - size.get(a)! || compareText(a, b))[0]!;
    // Each pair to its themes (shared) or to its biggest (whole), in one pass.
    const charged = new Map<string, CostedPair[]>([...size.keys()].map((t) => [t, []]));
    for (const p of themePairs(ctx)) {
      if (split === 'shared') for (const t of p.themes) charged.get(t)!.push({ a: p.a, b: p.b, cost: p.weight / p.themes.length });
      else charged.get(biggest(p.themes))!.push({ a: p.a, b: p.b, cost: p.weight });
    }
    return [...size.keys()].sort().map((theme): ClashFamily => {
      const items = [...ctx.items.values()].filter((i) => i.themes.includes(theme));
      const pairs = charged.get(theme)!;
      return { key: theme, items, pairs, floor: forcedPairCost(ctx, items, candidates, pairs), profile: (i) => String(audienceLevel(i)) };
    });
  });
}

/** Audiences within a quarter of each other, at one level (the crowding relaxation takes such items together). */
const audienceLevel = (i: Item) => rateLevel(Math.max(1, weighedAudience(i)));

const floors = (families: readonly ClashFamily[]) => families.reduce((n, f) => n + f.floor, 0);

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
  minUnits: (ctx, candidates) => Math.max(floors(themeFamilies(ctx, candidates, 'shared')), floors(themeFamilies(ctx, candidates, 'whole'))),
  relaxation: (ctx, candidates) => crowdingRelaxation(ctx, candidates, themeFamilies(ctx, candidates, 'whole')),
  lazy: { keysOf: (ctx, schedule) => [...new Set(scoreThemeClashes(ctx, schedule).flatMap((c) => c.themes))].sort() },
};
