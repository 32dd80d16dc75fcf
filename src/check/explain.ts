/**
 * "Why not there?": for one item and a finished (or partial) schedule, every
 * place the item could take with everything else kept where it is, and what
 * blocks each of the others. Uses the same rule definitions as the model and
 * the checker: a place is blocked exactly when the checker would reject the
 * schedule with the item moved there.
 */
import type { Assignment, Item, Schedule } from '../domain/types.js';
import { formatTime } from '../domain/time.js';
import { itemLabel, speakerLabel, type Context } from '../model/context.js';
import { ceilToGrid } from '../model/grid.js';
import { PLACEMENT_RULES } from '../model/rules/placement.js';
import { checkSchedule } from './check.js';
import { byId } from '../domain/compare.js';

/** A run of consecutive starts in one room and window that share the same verdict. */
export type Option = {
  readonly room: string;
  /** '' with starts -1 when the room is ruled out at every time (its kind or size). */
  readonly date: string;
  /** First and last start of the run (equal when the run is one start). */
  readonly firstStart: number;
  readonly lastStart: number;
  /** Empty when the item could go there. */
  readonly blockers: readonly string[];
  /** Items (other than this one) whose places block it. */
  readonly blockingItems: readonly string[];
};

export type Explanation = {
  readonly item: Item;
  readonly current: Assignment | null;
  readonly options: readonly Option[];
};

export function explainItem(ctx: Context, schedule: Schedule, itemId: string, grid: number): Explanation {
  const item = ctx.items.get(itemId);
  if (!item) throw new Error(`unknown item ${itemId}`);
  const others = schedule.filter((a) => a.item !== itemId);
  const current = schedule.find((a) => a.item === itemId) ?? null;
  const rooms = [...ctx.rooms.values()].sort(byId);
  const options: Option[] = [];
  let lastKey = '';
  for (const room of rooms) {
    const first = ctx.programWindows[0];
    if (!first) break;
    const probe: Assignment = { item: item.id, room: room.id, date: first.date, start: first.start, end: first.start + item.duration };
    const roomWide = PLACEMENT_RULES.filter((r) => !r.timed)
      .map((r) => r.check(ctx, item, room, probe))
      .filter((m): m is string => m !== null)
      .map((m) => withoutSubject(m, item));
    if (roomWide.length > 0) {
      options.push({ room: room.id, date: '', firstStart: -1, lastStart: -1, blockers: roomWide, blockingItems: [] });
      continue;
    }
    for (const w of ctx.programWindows) {
      for (let start = ceilToGrid(w.start, grid); start + item.duration <= w.end; start += grid) {
        const p: Assignment = { item: item.id, room: room.id, date: w.date, start, end: start + item.duration };
        const { blockers, blockingItems, key } = verdict(ctx, item, p, others);
        const last = options[options.length - 1];
        if (last && last.room === room.id && last.date === w.date && last.lastStart + grid === start && lastKey === key) {
          options[options.length - 1] = { ...last, lastStart: start };
        } else {
          options.push({ room: room.id, date: w.date, firstStart: start, lastStart: start, blockers, blockingItems });
        }
        lastKey = key;
      }
    }
  }
  return { item, current, options };
}

function verdict(ctx: Context, item: Item, p: Assignment, others: Schedule): { blockers: string[]; blockingItems: string[]; key: string } {
  const room = ctx.rooms.get(p.room)!;
  const blockers: string[] = [];
  const keys: string[] = [];
  for (const rule of PLACEMENT_RULES) {
    const m = rule.check(ctx, item, room, p);
    if (m !== null) {
      blockers.push(withoutSubject(m, item));
      keys.push(rule.name);
    }
  }
  if (blockers.length > 0) return { blockers, blockingItems: [], key: keys.join(' ') };
  const blocking = new Set<string>();
  for (const v of checkSchedule(ctx, [...others, p])) {
    if (!v.items.includes(item.id) || v.rule === 'placed-once') continue;
    for (const id of v.items) {
      if (id === item.id || blocking.has(id)) continue;
      blocking.add(id);
      const other = others.find((a) => a.item === id)!;
      const otherItem = ctx.items.get(id)!;
      const when = `${formatTime(other.start)}-${formatTime(other.end)}`;
      if (v.rule === 'room-overlap') {
        blockers.push(`the room is taken by ${itemLabel(otherItem)} (${when})`);
      } else {
        const shared = item.speakers.filter((s) => otherItem.speakers.includes(s));
        blockers.push(`${shared.map((s) => speakerLabel(ctx, s)).join(', ')} ${shared.length > 1 ? 'are' : 'is'} in ${itemLabel(otherItem)} (${other.room}, ${when})`);
      }
    }
  }
  const blockingItems = [...blocking].sort();
  return { blockers, blockingItems, key: blockingItems.join(' ') };
}

/** Drops the leading `p05 "Title" at 2014-11-19 09:00-10:00:` of a rule's message. */
function withoutSubject(message: string, item: Item): string {
  const label = itemLabel(item);
  if (!message.startsWith(label)) return message;
  const rest = message
    .slice(label.length)
    .replace(/^ at \d{4}-\d{2}-\d{2} \d{2}:\d{2}(-\d{2}:\d{2})?:?/, '')
    .trim();
  return /^(is|expects|may|runs|does)\b/.test(rest) ? `it ${rest}` : rest;
}

/** `c1 2014-11-19 starting 09:00-09:50`, `c1 2014-11-19 at 09:00`, or `lobby (at any time)`. */
export function optionWhere(o: Option): string {
  if (o.firstStart < 0) return `${o.room} (at any time)`;
  if (o.firstStart === o.lastStart) return `${o.room} ${o.date} at ${formatTime(o.firstStart)}`;
  return `${o.room} ${o.date} starting ${formatTime(o.firstStart)}-${formatTime(o.lastStart)}`;
}

/** What keeps one item out of one place, with the rest of the schedule as it is: [] when nothing does. */
export function blockersAt(ctx: Context, schedule: Schedule, p: Assignment): readonly string[] {
  const item = ctx.items.get(p.item);
  if (!item) return [];
  if (!ctx.rooms.has(p.room)) return [`room ${p.room} no longer exists`];
  const moved = { ...p, end: p.start + item.duration };
  const blockers = verdict(ctx, item, moved, schedule.filter((a) => a.item !== p.item)).blockers;
  return moved.end !== p.end ? [`it now lasts ${item.duration} minutes`, ...blockers] : blockers;
}
