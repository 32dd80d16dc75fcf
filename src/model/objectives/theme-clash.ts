/**
 * The objective for now: fewest pairs of items sharing a theme that run at the
 * same time, each pair weighted by the smaller of the two audiences (the people
 * who would have wanted both and must choose). Scored here from a finished
 * schedule by plain code, and modelled for the solver from the same pair list.
 */
import { weighedAudience, type Assignment, type Item, type Schedule } from '../../domain/types.js';
import type { ThemeClash } from '../../domain/report.js';
import type { Context } from '../context.js';

export type ThemePair = {
  readonly a: Item;
  readonly b: Item;
  readonly themes: readonly string[];
  readonly weight: number;
};

export const THEME_CLASH_TERM = {
  name: 'theme-clash',
  description: 'Pairs of items sharing a theme at the same time, each weighted by the smaller expected audience.',
} as const;

/** Every pair of items sharing at least one theme, by ids. */
// Built once per context: the model, the scoring and the move weights all ask.
const pairCache = new WeakMap<Context, readonly ThemePair[]>();

export function themePairs(ctx: Context): readonly ThemePair[] {
  const cached = pairCache.get(ctx);
  if (cached) return cached;
  const items = [...ctx.items.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
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
  const at = new Map<string, Assignment>();
  for (const a of schedule) if (!at.has(a.item)) at.set(a.item, a);
  const out: ThemeClash[] = [];
  for (const pair of themePairs(ctx)) {
    const x = at.get(pair.a.id);
    const y = at.get(pair.b.id);
    if (!x || !y || x.date !== y.date) continue;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ a: pair.a.id, b: pair.b.id, themes: pair.themes, date: x.date, start, end, cost: pair.weight });
  }
  return out.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : p.start - q.start || cmp(p.a, q.a) || cmp(p.b, q.b)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * For the model: for each pair, one penalty column z (0..1, cost = weight) and,
 * for each distinct start t of the item with fewer starts, the row
 *   z >= [a starts at t] + [b placed so that it overlaps a started at t] - 1,
 * which forces z to 1 exactly when the two overlap. Pairs that cannot overlap
 * (no two candidates meet, or both are confined to one and the same room) get
 * nothing.
 */
export function themeClashRows(
  ctx: Context,
  placements: readonly Assignment[],
  roomsOf: (i: number) => readonly string[] = (i) => [placements[i]!.room],
  include: (pair: ThemePair) => boolean = () => true,
): readonly { readonly pair: ThemePair; readonly rows: readonly (readonly number[])[] }[] {
  return overlapRows(placements, themePairs(ctx).filter(include), roomsOf);
}

/**
 * For any list of pairs of items: per pair, the rows of the form above that
 * force its penalty column to 1 exactly when the two overlap. Pairs that
 * cannot overlap get nothing.
 */
export function overlapRows<P extends { readonly a: Item; readonly b: Item }>(
  placements: readonly Assignment[],
  pairs: readonly P[],
  roomsOf: (i: number) => readonly string[] = (i) => [placements[i]!.room],
): readonly { readonly pair: P; readonly rows: readonly (readonly number[])[] }[] {
  const byItem = new Map<string, number[]>();
  placements.forEach((p, i) => {
    const list = byItem.get(p.item);
    if (list) list.push(i);
    else byItem.set(p.item, [i]);
  });
  const out: { pair: P; rows: number[][] }[] = [];
  for (const pair of pairs) {
    let as = byItem.get(pair.a.id) ?? [];
    let bs = byItem.get(pair.b.id) ?? [];
    if (as.length === 0 || bs.length === 0) continue;
    const rooms = new Set([...as, ...bs].flatMap((i) => roomsOf(i)));
    if (rooms.size === 1) continue;
    const startsOf = (list: readonly number[]) => groupByStart(placements, list);
    let aStarts = startsOf(as);
    let bStarts = startsOf(bs);
    if (bStarts.size < aStarts.size) {
      [as, bs] = [bs, as];
      [aStarts, bStarts] = [bStarts, aStarts];
    }
    const rows: number[][] = [];
    for (const group of aStarts.values()) {
      const first = placements[group[0]!]!;
      const meets = bs.filter((j) => {
        const q = placements[j]!;
        return q.date === first.date && q.start < first.end && first.start < q.end;
      });
      if (meets.length > 0) rows.push([...group, ...meets]);
    }
    if (rows.length > 0) out.push({ pair, rows });
  }
  return out;
}

function groupByStart(placements: readonly Assignment[], list: readonly number[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const i of list) {
    const p = placements[i]!;
    const k = `${p.date} ${p.start}`;
    const g = m.get(k);
    if (g) g.push(i);
    else m.set(k, [i]);
  }
  return m;
}
