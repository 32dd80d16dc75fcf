/**
 * "Why not there?": for one item and a finished (or partial) schedule, every
 * place the item could take with everything else kept where it is, and what
 * blocks each of the others. Uses the same rule definitions as the model and
 * the checker: a place is blocked exactly when the checker would reject the
 * schedule with the item moved there.
 */
import type { PlacementFinding } from '../domain/findings.js';
import type { Assignment, Item, Schedule } from '../domain/types.js';
import { formatTime } from '../domain/time.js';
import { itemLabel, speakerLabel, type Context } from '../model/context.js';
import { ceilToGrid } from '../model/grid.js';
import { PLACEMENT_RULES } from '../model/rules/placement.js';
import { compareText } from '../domain/compare.js';
import { checkSchedule } from './check.js';
import { placementBlockerWords } from './words.js';

/**
 * What keeps an item out of one place, as data: one of its own placement
 * rules, another item holding the room or one of its speakers, or (against a
 * previous schedule) a room gone or a new length.
 */
export type Blocker =
  | { readonly kind: 'rule'; readonly finding: PlacementFinding }
  | { readonly kind: 'room-taken'; readonly by: Assignment }
  | { readonly kind: 'speaker-busy'; readonly speakers: readonly string[]; readonly by: Assignment }
  /** `exclusive` is the exclusive item: `by` itself, or the moved item (then `by` runs while it would). */
  | { readonly kind: 'exclusive'; readonly exclusive: string; readonly by: Assignment }
  /** The moved item must come after `by` (`after`), or `by` after it (`before`). */
  | { readonly kind: 'order'; readonly direction: 'after' | 'before'; readonly by: Assignment }
  | { readonly kind: 'room-gone'; readonly room: string }
  | { readonly kind: 'new-duration'; readonly minutes: number };

/** A blocker in words, said of the item being moved. */
export function blockerWords(ctx: Context, b: Blocker): string {
  const when = (a: Assignment) => `${formatTime(a.start)}-${formatTime(a.end)}`;
  const label = (id: string) => {
    const item = ctx.items.get(id);
    return item ? itemLabel(item) : id;
  };
  switch (b.kind) {
    case 'rule':
      return placementBlockerWords(ctx, b.finding);
    case 'room-taken':
      return `the room is taken by ${label(b.by.item)} (${when(b.by)})`;
    case 'speaker-busy':
      return `${b.speakers.map((s) => speakerLabel(ctx, s)).join(', ')} ${b.speakers.length > 1 ? 'are' : 'is'} in ${label(b.by.item)} (${b.by.room}, ${when(b.by)})`;
    case 'exclusive':
      return b.exclusive === b.by.item
        ? `${label(b.by.item)} (${b.by.room}, ${when(b.by)}) is exclusive: nothing else runs then`
        : `it is exclusive, and ${label(b.by.item)} (${b.by.room}, ${when(b.by)}) runs then`;
    case 'order':
      return b.direction === 'after'
        ? `it must come after ${label(b.by.item)} (${b.by.room}, ${b.by.date} ${when(b.by)})`
        : `${label(b.by.item)} (${b.by.room}, ${b.by.date} ${when(b.by)}) must come after it`;
    case 'room-gone':
      return `room ${b.room} no longer exists`;
    case 'new-duration':
      return `it now lasts ${b.minutes} minutes`;
  }
}
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
  readonly blockers: readonly Blocker[];
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
      .filter((f): f is PlacementFinding => f !== null)
      .map((finding): Blocker => ({ kind: 'rule', finding }));
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

function verdict(ctx: Context, item: Item, p: Assignment, others: Schedule): { blockers: Blocker[]; blockingItems: string[]; key: string } {
  const room = ctx.rooms.get(p.room)!;
  const blockers: Blocker[] = [];
  const keys: string[] = [];
  for (const rule of PLACEMENT_RULES) {
    const finding = rule.check(ctx, item, room, p);
    if (finding !== null) {
      blockers.push({ kind: 'rule', finding });
      keys.push(rule.name);
    }
  }
  if (blockers.length > 0) return { blockers, blockingItems: [], key: keys.join(' ') };
  const blocking = new Set<string>();
  for (const v of checkSchedule(ctx, [...others, p])) {
    const f = v.finding;
    if (f.rule !== 'room-overlap' && f.rule !== 'speaker-overlap' && f.rule !== 'exclusive' && f.rule !== 'order') continue;
    if (!f.placements.some((a) => a.item === item.id)) continue;
    for (const by of [...f.placements].sort((a, b) => compareText(a.item, b.item))) {
      if (by.item === item.id || blocking.has(by.item)) continue;
      blocking.add(by.item);
      if (f.rule === 'room-overlap') {
        blockers.push({ kind: 'room-taken', by });
      } else if (f.rule === 'speaker-overlap') {
        const other = ctx.items.get(by.item)!;
        blockers.push({ kind: 'speaker-busy', speakers: item.speakers.filter((s) => other.speakers.includes(s)), by });
      } else if (f.rule === 'exclusive') {
        blockers.push({ kind: 'exclusive', exclusive: f.item, by });
      } else if (f.rule === 'order') {
        blockers.push({ kind: 'order', direction: f.item === item.id ? 'after' : 'before', by });
      }
    }
  }
  const blockingItems = [...blocking].sort();
  return { blockers, blockingItems, key: blockingItems.join(' ') };
}

/** `c1 2014-11-19 starting 09:00-09:50`, `c1 2014-11-19 at 09:00`, or `lobby (at any time)`. */
export function optionWhere(o: Option): string {
  if (o.firstStart < 0) return `${o.room} (at any time)`;
  if (o.firstStart === o.lastStart) return `${o.room} ${o.date} at ${formatTime(o.firstStart)}`;
  return `${o.room} ${o.date} starting ${formatTime(o.firstStart)}-${formatTime(o.lastStart)}`;
}

/** What keeps one item out of one place, with the rest of the schedule as it is: [] when nothing does. */
export function blockersAt(ctx: Context, schedule: Schedule, p: Assignment): readonly Blocker[] {
  const item = ctx.items.get(p.item);
  if (!item) return [];
  if (!ctx.rooms.has(p.room)) return [{ kind: 'room-gone', room: p.room }];
  const moved = { ...p, end: p.start + item.duration };
  const blockers = verdict(ctx, item, moved, schedule.filter((a) => a.item !== p.item)).blockers;
  return moved.end !== p.end ? [{ kind: 'new-duration', minutes: item.duration }, ...blockers] : blockers;
}
