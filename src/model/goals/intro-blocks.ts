/**
 * intro-blocks (workshop levels): every program window in which workshops
 * run offers an `intro` one, as far as the intro workshops go. One occurrence
 * per window with workshops but none at intro level. With fewer intro
 * workshops than such windows some occurrences cannot be avoided; the
 * minimum then spreads the intro workshops one per window rather than
 * stacking them. Scored over workshops only, which the staged solve's core
 * always holds.
 */
import { formatSpan } from '../../domain/time.js';
import type { Context } from '../context.js';
import { makeRow } from '../mip.js';
import { addPenalty, counted, type Goal, type Occurrence } from './goal.js';

/** Whether the goal applies at all: the event has both intro and other workshops. */
export function introGoalApplies(ctx: Context): boolean {
  const levels = [...ctx.items.values()].filter((i) => i.format === 'workshop').map((i) => i.level === 'intro');
  return levels.includes(true) && levels.includes(false);
}

export const introBlocksGoal: Goal = {
  name: 'intro-blocks',
  description: 'A program window with workshops but none at intro level, while the event has intro workshops (per window).',
  defaultWeight: 50,
  /** Per program window, a column u (1 when any workshop runs in it) and a penalty column d >= u - (intro workshops in it). */
  model(parts, weight) {
    const { ctx, placements, byItem, rows } = parts;
    if (!introGoalApplies(ctx)) return 0;
    const workshops = [...byItem].filter(([id]) => ctx.items.get(id)?.format === 'workshop');
    ctx.programWindows.forEach((w, k) => {
      const inside = new Map<string, readonly number[]>();
      for (const [id, list] of workshops) {
        const here = list.filter((i) => placements[i]!.date === w.date && w.start <= placements[i]!.start && placements[i]!.end <= w.end);
        if (here.length > 0) inside.set(id, here);
      }
      if (inside.size === 0) return;
      const u = addPenalty(parts, `workshops_${k}`, 0);
      const d = addPenalty(parts, `no-intro_${k}`, weight);
      const intro: number[] = [];
      for (const [id, list] of inside) {
        // u >= sum of this workshop's placements in the window (it runs there at most once).
        rows.push(makeRow(`workshops_${k}_${id}`, 0, Infinity, [[u, 1], ...list.map((i) => [i, -1] as const)]));
        if (ctx.items.get(id)?.level === 'intro') intro.push(...list);
      }
      // d - u + sum(intro) >= 0
      rows.push(makeRow(`no-intro_${k}`, 0, Infinity, [[d, 1], [u, -1], ...intro.map((i) => [i, 1] as const)]));
    });
    return 0;
  },
  score(ctx, schedule) {
    if (!introGoalApplies(ctx)) return counted([]);
    const out: Occurrence[] = [];
    for (const w of ctx.programWindows) {
      const inside = schedule
        .filter((a) => a.date === w.date && w.start <= a.start && a.end <= w.end)
        .map((a) => ctx.items.get(a.item))
        .filter((i) => i?.format === 'workshop');
      if (inside.length > 0 && !inside.some((i) => i!.level === 'intro')) {
        const ids = inside.map((i) => i!.id).sort();
        out.push({ items: ids, message: `${formatSpan(w.date, w.start, w.end)} has workshops (${ids.join(', ')}) but none at intro level` });
      }
    }
    return counted(out);
  },
  maxUnits: (ctx) => ctx.programWindows.length,
};
