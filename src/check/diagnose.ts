/**
 * Direct checks that explain an impossible program in the committee's terms,
 * before (or instead of) asking a solver. Each finding names the item,
 * speaker, room or window at fault. Every check is a proof: when it reports
 * something, no valid schedule exists.
 */
import type { Format, Item } from '../domain/types.js';
import { formatRooms, usableRooms } from '../model/rooms.js';
import { formatMoment, formatSpan, formatTime } from '../domain/time.js';
import { freeParts } from '../model/availability.js';
import type { Rejections } from '../model/candidates.js';
import { findingMessage } from './words.js';
import { availabilityFor, gapAfter, itemLabel, occupiedFrom, occupiedUntil, roomLabel, speakerBusyUntil, speakerLabel, type Context } from '../model/context.js';
import { byId, byKey } from '../domain/compare.js';

export type Finding = {
  readonly check: string;
  /** Ids of the items, speakers or rooms at fault. */
  readonly ids: readonly string[];
  readonly message: string;
};

const RULE_WORDS: Readonly<Record<string, string>> = {
  'room-kind': 'no allowed room of the right kind',
  'room-features': 'no room with everything it needs',
  capacity: 'too large an audience for the room',
  'program-window': 'outside the program windows',
  pin: 'against its pin',
  availability: 'someone or something unavailable',
};

/** Why each item without a single admissible placement has none. */
export function unplaceableItems(ctx: Context, rejected: ReadonlyMap<string, Rejections>): readonly Finding[] {
  return [...rejected.keys()].sort().map((id) => {
    const item = ctx.items.get(id)!;
    const tally = rejected.get(id)!;
    if (tally.size === 0) {
      const longest = ctx.programWindows.reduce((m, w) => Math.max(m, w.end - w.start), 0);
      return {
        check: 'no-place',
        ids: [id],
        message: `${itemLabel(item)} cannot be placed: it lasts ${item.duration} minutes and the longest program window is ${longest} minutes`,
      };
    }
    const reasons = [...tally.entries()]
      .sort(([, a], [, b]) => b.count - a.count)
      .map(([rule, r]) => `${RULE_WORDS[rule] ?? rule} (e.g. ${findingMessage(ctx, r.example)})`);
    return { check: 'no-place', ids: [id], message: `${itemLabel(item)} cannot be placed anywhere: ${reasons.join('; ')}` };
  });
}

/** A speaker whose items last longer than all the program time they are free. */
export function overbookedSpeakers(ctx: Context): readonly Finding[] {
  const out: Finding[] = [];
  const itemsOf = new Map<string, Item[]>();
  for (const item of [...ctx.items.values()].sort(byId)) {
    for (const s of item.speakers) {
      const list = itemsOf.get(s);
      if (list) list.push(item);
      else itemsOf.set(s, [item]);
    }
  }
  for (const [speaker, items] of [...itemsOf.entries()].sort(byKey)) {
    if (items.length < 2) continue;
    const need = items.reduce((n, i) => n + i.duration, 0);
    const free = ctx.programWindows.flatMap((w) => freeParts(availabilityFor(ctx, speaker), w));
    const have = free.reduce((n, p) => n + p.end - p.start, 0);
    if (need > have) {
      out.push({
        check: 'speaker-time',
        ids: [speaker, ...items.map((i) => i.id)],
        message:
          `${speakerLabel(ctx, speaker)} has ${items.length} items (${items.map((i) => i.id).join(', ')}) lasting ${need} minutes in all ` +
          `but is free only ${have} minutes of program time` +
          (free.length > 0 && free.length <= 4 ? ` (${free.map((p) => formatSpan(p.date, p.start, p.end)).join(', ')})` : ''),
      });
    }
  }
  return out;
}

/**
 * More minutes demanded of a kind of room than its rooms offer. Each item
 * keeps its room for its duration plus the hallway gap, except possibly the
 * last one of each room and window, so the gaps are counted only beyond that.
 */
export function overloadedRoomKinds(ctx: Context): readonly Finding[] {
  const out: Finding[] = [];
  for (const format of ['plenary', 'workshop', 'lightning'] as const satisfies readonly Format[]) {
    const items = [...ctx.items.values()].filter((i) => i.format === format);
    if (items.length === 0) continue;
    const rooms = formatRooms(ctx, format);
    if (rooms.length === 0) continue; // reported per item as unplaceable
    // Plenary-only windows hold main-hall sessions alone. Set-up and tear-down may fall in breaks: not counted.
    const windows = ctx.programWindows.filter((w) => format === 'plenary' || w.kind === 'program');
    const slots = rooms.length * windows.length;
    const gaps = items.reduce((n, i) => n + gapAfter(ctx, i), 0);
    // reduce, not Math.min(...): 200,000 arguments overflow the stack.
    const minGap = items.reduce((m, i) => Math.min(m, gapAfter(ctx, i)), Infinity);
    const durations = items.reduce((n, i) => n + i.duration, 0);
    const need = durations + Math.max(0, gaps - slots * minGap);
    // A hallway gap needs no free room: it may fall in time the room is
    // unavailable. So only the items are weighed against the rooms' free time,
    // and items with their gaps against all the rooms' program time.
    const free = rooms.reduce(
      (n, r) => n + windows.flatMap((w) => freeParts(availabilityFor(ctx, r.id), w)).reduce((m, p) => m + p.end - p.start, 0),
      0,
    );
    const span = rooms.length * windows.reduce((n, w) => n + w.end - w.start, 0);
    const withGaps = need > span && minGap > 0;
    if (need > span || durations > free) {
      const what = { plenary: 'main-hall sessions', workshop: 'workshops', lightning: 'lightning talks' }[format];
      out.push({
        check: 'room-time',
        ids: rooms.map((r) => r.id),
        message:
          `${items.length} ${what} need at least ${need > span ? need : durations} minutes of ${rooms.length === 1 ? 'room' : 'rooms'} ${rooms.map((r) => roomLabel(ctx, r.id)).join(', ')}` +
          (withGaps ? ` (with the ${ctx.options.gap}-minute hallway gaps)` : '') +
          ` but ${rooms.length === 1 ? 'it offers' : 'they offer'} only ${need > span ? span : free} minutes of program time`,
      });
    }
  }
  return out;
}

/** Two items pinned to the same moment that cannot both be there: same room, or a shared speaker. */
export function collidingPins(ctx: Context): readonly Finding[] {
  const pinned = [...ctx.items.values()]
    .filter((i) => i.pin.date !== undefined && i.pin.start !== undefined)
    .sort(byId);
  const out: Finding[] = [];
  for (let x = 0; x < pinned.length; x++) {
    for (let y = x + 1; y < pinned.length; y++) {
      const a = pinned[x]!;
      const b = pinned[y]!;
      if (a.pin.date !== b.pin.date) continue;
      const at = (i: typeof a) => ({ item: i.id, room: '', date: i.pin.date!, start: i.pin.start!, end: i.pin.start! + i.duration });
      const sameRoom = onlyRoom(ctx, a) !== null && onlyRoom(ctx, a) === onlyRoom(ctx, b);
      const roomClash = sameRoom && occupiedFrom(ctx, at(a)) < occupiedUntil(ctx, at(b)) && occupiedFrom(ctx, at(b)) < occupiedUntil(ctx, at(a));
      const shared = a.speakers.filter((s) => b.speakers.includes(s));
      const timeClash = a.pin.start! < speakerBusyUntil(ctx, at(b)) && b.pin.start! < speakerBusyUntil(ctx, at(a));
      if (!roomClash && !(shared.length > 0 && timeClash)) continue;
      const why = roomClash ? `both need ${roomLabel(ctx, onlyRoom(ctx, a)!)}` : `both have ${speakerLabel(ctx, shared[0]!)}`;
      out.push({
        check: 'pin-clash',
        ids: [a.id, b.id],
        message: `${itemLabel(a)} is pinned to ${formatMoment(a.pin.date!, a.pin.start!)} and ${itemLabel(b)} to ${formatTime(b.pin.start!)} the same day; ${why}`,
      });
    }
  }
  return out;
}

/** The one room an item can use, when there is only one. */
function onlyRoom(ctx: Context, item: Item): string | null {
  if (item.pin.room !== undefined) return item.pin.room;
  const rooms = usableRooms(ctx, item);
  return rooms.length === 1 ? rooms[0]!.id : null;
}

/** Every direct check that needs no solver. */
export function directFindings(ctx: Context): readonly Finding[] {
  return [...collidingPins(ctx), ...overbookedSpeakers(ctx), ...overloadedRoomKinds(ctx)];
}
