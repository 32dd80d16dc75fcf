/**
 * The independent checker: evaluates a finished schedule against every hard
 * rule, using the very rule definitions the model is built from (placement
 * rules on each row, conflict rules counted over the schedule's own rows), so
 * the solver and the checker cannot drift apart. Knows nothing of any solver.
 */
import type { RuleFinding } from '../domain/findings.js';
import type { Schedule } from '../domain/types.js';
import { isViolated } from '../model/constraint.js';
import type { Context } from '../model/context.js';
import { CONFLICT_RULES } from '../model/rules/conflicts.js';
import { PLACEMENT_RULES } from '../model/rules/placement.js';
import { findingMessage } from './words.js';

export type Violation = {
  readonly rule: RuleFinding['rule'];
  /** Ids of the items involved, sorted. */
  readonly items: readonly string[];
  /** What is wrong, as data. */
  readonly finding: RuleFinding;
  /** The same in words (check/words.ts). */
  readonly message: string;
};

export function checkSchedule(ctx: Context, schedule: Schedule): readonly Violation[] {
  const out: Violation[] = [];
  const violation = (finding: RuleFinding, items: readonly string[]): Violation => ({ rule: finding.rule, items, finding, message: findingMessage(ctx, finding) });
  for (const a of schedule) {
    const item = ctx.items.get(a.item);
    const room = ctx.rooms.get(a.room);
    if (!item) {
      out.push(violation({ rule: 'unknown-id', item: a.item }, [a.item]));
      continue;
    }
    if (!room) {
      out.push(violation({ rule: 'unknown-id', item: a.item, room: a.room }, [a.item]));
      continue;
    }
    for (const rule of PLACEMENT_RULES) {
      const finding = rule.check(ctx, item, room, a);
      if (finding !== null) out.push(violation(finding, [a.item]));
    }
  }
  for (const rule of CONFLICT_RULES) {
    const found: { members: ReadonlySet<number>; v: Violation }[] = [];
    for (const c of rule.build(ctx, schedule)) {
      if (!isViolated(c, c.members.length)) continue;
      const chosen = c.members.map((i) => schedule[i]!);
      const items = [...new Set([...(c.items ?? []), ...chosen.map((a) => a.item)])].sort();
      found.push({ members: new Set(c.members), v: violation(c.finding(chosen), items) });
    }
    // The same clash seen at several moments is reported once, at its largest.
    for (const f of found) {
      const contained = found.some(
        (g) => g !== f && g.members.size > f.members.size && [...f.members].every((m) => g.members.has(m)),
      );
      if (!contained) out.push(f.v);
    }
  }
  const order = new Map<string, number>([...PLACEMENT_RULES, ...CONFLICT_RULES].map((r, i) => [r.name, i]));
  return out
    .map((v, i) => ({ v, i }))
    .sort((x, y) => (order.get(x.v.rule) ?? -1) - (order.get(y.v.rule) ?? -1) || x.i - y.i)
    .map(({ v }) => v);
}
