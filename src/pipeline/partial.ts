/**
 * When not every item fits: the elastic model (every item may be left out,
 * at a cost above any clash) finds the fewest items that must give, and each
 * one left out gets its reason in the committee's terms: what blocks every
 * place its own rules allow, naming the items that hold those places.
 */
import type { Schedule } from '../domain/types.js';
import { explainItem, optionWhere } from '../check/explain.js';
import { unplaceableItems } from '../check/diagnose.js';
import { findingMessage, subjectWords } from '../check/words.js';
import type { Finding } from '../check/diagnose.js';
import type { BuiltModel } from '../model/build.js';
import { itemLabel, type Context } from '../model/context.js';

export type Unscheduled = { readonly item: string; readonly reason: string };

export function whyLeftOut(ctx: Context, schedule: Schedule, items: readonly string[], model: BuiltModel): readonly Unscheduled[] {
  const byRules = new Map(unplaceableItems(ctx, model.rejected).map((f) => [f.ids[0]!, f.message]));
  return [...items].sort().map((id) => {
    const direct = byRules.get(id);
    if (direct) return { item: id, reason: direct };
    const item = ctx.items.get(id)!;
    const { options } = explainItem(ctx, schedule, id, model.grid);
    // Places its own rules allow, but others hold.
    const held = options.filter((o) => o.blockingItems.length > 0);
    const holders = [...new Set(held.flatMap((o) => o.blockingItems))].sort().map((other) => {
      const it = ctx.items.get(other)!;
      const pinned = it.pin.date !== undefined || it.pin.start !== undefined || it.pin.room !== undefined;
      return `${other}${pinned ? ' (pinned)' : ''}`;
    });
    const where = held.slice(0, 4).map(optionWhere);
    const more = held.length > 4 ? ` and ${held.length - 4} more` : '';
    const speakersBusy = held.some((o) => o.blockers.some((b) => b.kind === 'speaker-busy'));
    return {
      item: id,
      reason:
        `${itemLabel(item)} cannot be placed together with the rest: every place its own rules allow ` +
        `(${where.join('; ')}${more}) is taken by ${holders.join(', ')}` +
        (speakersBusy ? ', in that room or by one of its speakers' : ''),
    };
  });
}

/**
 * The rules an elastic solution with rule slacks let give, each as a finding:
 * what the room or speaker would have to do, naming the items.
 */
export function rulesThatGive(ctx: Context, model: BuiltModel, values: ArrayLike<number>): readonly Finding[] {
  const out: Finding[] = [];
  for (const s of model.ruleSlack) {
    if ((values[s.column] ?? 0) <= 0.5) continue;
    const broken = s.constraints
      .map((c) => ({ c, chosen: c.members.filter((i) => (values[i] ?? 0) > 0.5).map((i) => model.placements[i]!) }))
      .filter(({ chosen }) => chosen.length > 1);
    if (broken.length === 0) continue;
    // The largest overbooking says it all; the smaller ones are parts of it.
    const worst = broken.reduce((a, b) => (b.chosen.length > a.chosen.length ? b : a));
    out.push({
      check: 'rule-must-give',
      ids: [...new Set(broken.flatMap((b) => b.chosen.map((a) => a.item)))].sort(),
      message: `every item fits only if ${subjectWords(ctx, s.subject)} is overbooked, which the rules forbid: ${findingMessage(ctx, worst.c.finding(worst.chosen))}`,
    });
  }
  return out;
}
