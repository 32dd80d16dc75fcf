/**
 * intro-blocks (workshop levels): every program window in which workshops
 * run offers an `intro` one, as far as the intro workshops go. One occurrence
 * per window with workshops but none at intro level. With fewer intro
 * workshops than such windows some occurrences cannot be avoided; the
 * minimum then spreads the intro workshops one per window rather than
 * stacking them. Scored over workshops only, which the staged solve's core
 * always holds.
 */
import type { Schedule } from '../../domain/types.js';
import { formatSpan } from '../../domain/time.js';
import type { Context } from '../context.js';

export const INTRO_BLOCKS_TERM = {
  name: 'intro-blocks',
  description: 'A program window with workshops but none at intro level, while the event has intro workshops (per window).',
} as const;

/** Whether the goal applies at all: the event has both intro and other workshops. */
export function introGoalApplies(ctx: Context): boolean {
  const levels = [...ctx.items.values()].filter((i) => i.format === 'workshop').map((i) => i.level === 'intro');
  return levels.includes(true) && levels.includes(false);
}

export function scoreIntroBlocks(ctx: Context, schedule: Schedule): readonly string[] {
  if (!introGoalApplies(ctx)) return [];
  const out: string[] = [];
  for (const w of ctx.programWindows) {
    const inside = schedule
      .filter((a) => a.date === w.date && w.start <= a.start && a.end <= w.end)
      .map((a) => ctx.items.get(a.item))
      .filter((i) => i?.format === 'workshop');
    if (inside.length > 0 && !inside.some((i) => i!.level === 'intro')) {
      out.push(`${formatSpan(w.date, w.start, w.end)} has workshops (${inside.map((i) => i!.id).sort().join(', ')}) but none at intro level`);
    }
  }
  return out;
}
