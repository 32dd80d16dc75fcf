/**
 * What a re-run changed against its baseline, item by item, with why: the
 * rows of changes.csv and the summary line ("3 items moved, 1 changed room").
 */
import { blockersAt, blockerWords } from '../check/explain.js';
import type { Assignment, Schedule } from '../domain/types.js';
import { formatSpan } from '../domain/time.js';
import type { Context } from '../model/context.js';

export type Change = {
  readonly item: string;
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly why: string;
};

const where = (a: Assignment | undefined) => (a ? `${a.room} ${formatSpan(a.date, a.start, a.end)}` : '');

export function changesAgainst(ctx: Context, baseline: Schedule, schedule: Schedule, unscheduled: ReadonlySet<string>): readonly Change[] {
  const before = new Map(baseline.map((a) => [a.item, a]));
  const after = new Map(schedule.map((a) => [a.item, a]));
  const ids = [...new Set([...before.keys(), ...after.keys(), ...unscheduled])].sort();
  const out: Change[] = [];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    const title = ctx.items.get(id)?.title ?? '';
    if (!ctx.items.has(id)) {
      out.push({ item: id, title, from: where(b), to: '', why: 'no longer in themes.csv' });
    } else if (!b) {
      out.push({ item: id, title, from: '', to: where(a), why: 'new item, not in the baseline' });
    } else if (!a) {
      out.push({ item: id, title, from: where(b), to: '', why: 'could not be placed (see unscheduled.csv)' });
    } else if (a.date !== b.date || a.start !== b.start || a.room !== b.room) {
      const blockers = blockersAt(ctx, schedule, b);
      const why = blockers.length > 0 ? `its old place no longer works: ${blockers.map((x) => blockerWords(ctx, x)).join('; ')}` : 'moved to make room for other items that had to move';
      out.push({ item: id, title, from: where(b), to: where(a), why });
    }
  }
  return out;
}

/** "3 items moved, 1 changed room" (a room change keeps the time). */
export function changesSummary(changes: readonly Change[], baseline: Schedule, schedule: Schedule): string {
  const before = new Map(baseline.map((a) => [a.item, a]));
  const after = new Map(schedule.map((a) => [a.item, a]));
  let moved = 0;
  let room = 0;
  for (const c of changes) {
    const b = before.get(c.item);
    const a = after.get(c.item);
    if (!a || !b) continue;
    if (a.date !== b.date || a.start !== b.start) moved++;
    else if (a.room !== b.room) room++;
  }
  const added = changes.filter((c) => c.from === '' && c.to !== '').length;
  const dropped = changes.filter((c) => c.to === '').length;
  const parts = [`${moved} item${moved === 1 ? '' : 's'} moved`, `${room} changed room`];
  if (added > 0) parts.push(`${added} new`);
  if (dropped > 0) parts.push(`${dropped} dropped`);
  return parts.join(', ');
}
