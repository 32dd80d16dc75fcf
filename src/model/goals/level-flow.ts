/**
 * level-flow: on one theme, an `intro` item comes before an `advanced` one,
 * so newcomers meet a subject before the experts' session on it. One
 * occurrence per pair sharing a theme where the advanced item starts first
 * (on an earlier day, or earlier the same day). In the model, per pair a
 * penalty column z and, per start t of the advanced item,
 *   z >= [advanced starts at t] + [intro starts after t] - 1.
 */
import type { Assignment, Item, Schedule } from '../../domain/types.js';
import { byId, compareText } from '../../domain/compare.js';
import { formatMoment } from '../../domain/time.js';
import { itemLabel, type Context } from '../context.js';
import { makeRow } from '../mip.js';
import { addPenalty, counted, type Goal, type Occurrence } from './goal.js';

type LevelPair = { readonly intro: Item; readonly advanced: Item; readonly themes: readonly string[] };

const cache = new WeakMap<Context, readonly LevelPair[]>();

function levelPairs(ctx: Context): readonly LevelPair[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const items = [...ctx.items.values()].sort(byId);
  const pairs: LevelPair[] = [];
  for (const intro of items.filter((i) => i.level === 'intro')) {
    for (const advanced of items.filter((i) => i.level === 'advanced')) {
      const themes = [...new Set(intro.themes.filter((t) => advanced.themes.includes(t)))].sort(compareText);
      if (themes.length > 0) pairs.push({ intro, advanced, themes });
    }
  }
  cache.set(ctx, pairs);
  return pairs;
}

/** Whether `p` starts strictly after `q`. */
const later = (p: Assignment, q: Assignment) => p.date > q.date || (p.date === q.date && p.start > q.start);

export const levelFlowGoal: Goal = {
  name: 'level-flow',
  description: 'An advanced item starts before an intro item on a theme they share (per pair).',
  defaultWeight: 30,
  model(parts, weight) {
    const { ctx, placements, byItem, rows } = parts;
    for (const { intro, advanced } of levelPairs(ctx)) {
      const own = byItem.get(advanced.id) ?? [];
      const after = byItem.get(intro.id) ?? [];
      if (own.length === 0 || after.length === 0) continue;
      const starts = new Map<string, number[]>();
      for (const i of own) {
        const key = `${placements[i]!.date}\u0000${placements[i]!.start}`;
        starts.set(key, [...(starts.get(key) ?? []), i]);
      }
      const groups = [...starts.values()].map((group) => ({ group, late: after.filter((j) => later(placements[j]!, placements[group[0]!]!)) })).filter((g) => g.late.length > 0);
      if (groups.length === 0) continue;
      const z = addPenalty(parts, `flow_${intro.id}_${advanced.id}`, weight);
      groups.forEach(({ group, late }, k) => rows.push(makeRow(`flow_${intro.id}_${advanced.id}_${k}`, -1, Infinity, [[z, 1], ...[...group, ...late].map((i) => [i, -1] as const)])));
    }
    return 0;
  },
  score(ctx, schedule) {
    const at = new Map<string, Assignment>();
    for (const a of schedule) if (!at.has(a.item)) at.set(a.item, a);
    const out: Occurrence[] = [];
    for (const { intro, advanced, themes } of levelPairs(ctx)) {
      const i = at.get(intro.id);
      const a = at.get(advanced.id);
      if (!i || !a || !later(i, a)) continue;
      out.push({
        items: [intro.id, advanced.id],
        message: `${itemLabel(advanced)} (advanced, ${formatMoment(a.date, a.start)}) comes before ${itemLabel(intro)} (intro, ${formatMoment(i.date, i.start)}) on ${themes.join(', ')}`,
      });
    }
    return counted(out);
  },
  maxUnits: (ctx) => levelPairs(ctx).length,
};
