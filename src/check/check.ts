/**
 * The independent checker: evaluates a finished schedule against every hard
 * rule, using the very rule definitions the model is built from (placement
 * rules on each row, conflict rules counted over the schedule's own rows), so
 * the solver and the checker cannot drift apart. Knows nothing of any solver.
 */
import type { Schedule } from '../domain/types.js';
import { isViolated } from '../model/constraint.js';
import type { Context } from '../model/context.js';
import { CONFLICT_RULES } from '../model/rules/conflicts.js';
import { PLACEMENT_RULES } from '../model/rules/placement.js';

export type Violation = {
  readonly rule: string;
  /** Ids of the items involved, sorted. */
  readonly items: readonly string[];
  readonly message: string;
};

export function checkSchedule(ctx: Context, schedule: Schedule): readonly Violation[] {
  const out: Violation[] = [];
  for (const a of schedule) {
    const item = ctx.items.get(a.item);
    const room = ctx.rooms.get(a.room);
    if (!item) {
      out.push({ rule: 'unknown-id', items: [a.item], message: `unknown item ${a.item}` });
      continue;
    }
    if (!room) {
      out.push({ rule: 'unknown-id', items: [a.item], message: `${a.item} is in unknown room ${a.room}` });
      continue;
    }
    for (const rule of PLACEMENT_RULES) {
      const message = rule.check(ctx, item, room, a);
      if (message !== null) out.push({ rule: rule.name, items: [a.item], message });
    }
  }
  for (const rule of CONFLICT_RULES) {
    const found: { members: ReadonlySet<number>; v: Violation }[] = [];
    for (const c of rule.build(ctx, schedule)) {
      if (!isViolated(c, c.members.length)) continue;
      const chosen = c.members.map((i) => schedule[i]!);
      found.push({
        members: new Set(c.members),
        v: { rule: rule.name, items: [...new Set([...(c.items ?? []), ...chosen.map((a) => a.item)])].sort(), message: c.describe(chosen) },
      });
    }
    // The same clash seen at several moments is reported once, at its largest.
    for (const f of found) {
      const contained = found.some(
        (g) => g !== f && g.members.size > f.members.size && [...f.members].every((m) => g.members.has(m)),
      );
      if (!contained) out.push(f.v);
    }
  }
  const order = new Map([...PLACEMENT_RULES, ...CONFLICT_RULES].map((r, i) => [r.name, i]));
  return out
    .map((v, i) => ({ v, i }))
    .sort((x, y) => (order.get(x.v.rule) ?? -1) - (order.get(y.v.rule) ?? -1) || x.i - y.i)
    .map(({ v }) => v);
}
