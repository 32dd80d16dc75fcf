/**
 * Rules about one placement alone (an item in a room at a time). The model
 * builder offers the solver only the placements every one of these admits; the
 * checker runs the same functions on each row of a finished schedule. Each
 * returns null when the placement is fine, or what is wrong as a finding
 * (check/words.ts says it in words).
 */
import type { Assignment, Item, Room } from '../../domain/types.js';
import { missingFeatures, roomKindProblem, seatsAudience } from '../rooms.js';
import type { PlacementFinding } from '../../domain/findings.js';
import { BASE_GRID, availabilityFor, programWindowOf, type Context } from '../context.js';
import { isFree } from '../availability.js';

export type PlacementRule = {
  readonly name: PlacementFinding['rule'];
  /** The hard rule in one sentence, for reports and the documentation. */
  readonly description: string;
  /** Whether the rule depends on the time (false: only on the room). */
  readonly timed: boolean;
  readonly check: (ctx: Context, item: Item, room: Room, a: Assignment) => PlacementFinding | null;
};

export const roomKindRule: PlacementRule = {
  name: 'room-kind',
  description: "Each item is in a room of its format's kind (plenary: main hall with interpretation; lightning: lobby; workshop: classroom), and among its allowed rooms.",
  timed: false,
  check(_ctx, item, room, a) {
    const problem = roomKindProblem(item, room);
    return problem === null ? null : { rule: 'room-kind', item: item.id, room: room.id, date: a.date, start: a.start, problem };
  },
};

export const featuresRule: PlacementRule = {
  name: 'room-features',
  description: 'An item goes only to a room that has every feature it needs (themes.csv needs, rooms.csv features).',
  timed: false,
  check(_ctx, item, room, a) {
    const missing = missingFeatures(item, room);
    return missing.length === 0 ? null : { rule: 'room-features', item: item.id, room: room.id, date: a.date, start: a.start, missing };
  },
};

export const capacityRule: PlacementRule = {
  name: 'capacity',
  description: "A room holds at least the item's expected audience.",
  timed: false,
  check(_ctx, item, room, a) {
    return seatsAudience(item, room) ? null : { rule: 'capacity', item: item.id, room: room.id, date: a.date, start: a.start };
  },
};

export const windowRule: PlacementRule = {
  name: 'program-window',
  description:
    'Each item lasts its duration, starts on the 5-minute grid and lies inside one program window (never across coffee, lunch or another break); a plenary-only window holds main-hall sessions alone.',
  timed: true,
  check(ctx, item, _room, a) {
    const at = { rule: 'program-window', item: item.id, date: a.date, start: a.start, end: a.end } as const;
    if (a.end - a.start !== item.duration) return { ...at, problem: 'duration' };
    if (a.start % BASE_GRID !== 0) return { ...at, problem: 'grid' };
    const window = programWindowOf(ctx, a);
    if (window) return window.kind === 'plenary_only' && item.format !== 'plenary' ? { ...at, problem: 'plenary-only' } : null;
    const hit = ctx.breaks.find((w) => w.date === a.date && w.start < a.end && a.start < w.end);
    if (hit) return { ...at, problem: 'break', crossed: { label: hit.label, start: hit.start, end: hit.end } };
    return { ...at, problem: 'outside' };
  },
};

export const availabilityRule: PlacementRule = {
  name: 'availability',
  description: 'Speakers, rooms and items are used only when available (a room for the set-up and tear-down too).',
  timed: true,
  check(ctx, item, room, a) {
    const at = { rule: 'availability', item: item.id, date: a.date, start: a.start, end: a.end } as const;
    for (const sp of item.speakers) {
      if (!isFree(availabilityFor(ctx, sp), a.date, a.start, a.end)) return { ...at, who: 'speaker', id: sp };
    }
    // The room is taken for the set-up and tear-down too.
    if (!isFree(availabilityFor(ctx, room.id), a.date, a.start - item.setup, a.end + item.teardown)) return { ...at, who: 'room', id: room.id };
    if (!isFree(availabilityFor(ctx, item.id), a.date, a.start, a.end)) return { ...at, who: 'item', id: item.id };
    return null;
  },
};

export const pinRule: PlacementRule = {
  name: 'pin',
  description: 'Pinned dates, start times and rooms are kept.',
  timed: true,
  check(_ctx, item, room, a) {
    const pin = item.pin;
    const broken = {
      ...(pin.date !== undefined && pin.date !== a.date ? { date: pin.date } : {}),
      ...(pin.start !== undefined && pin.start !== a.start ? { start: pin.start } : {}),
      ...(pin.room !== undefined && pin.room !== room.id ? { room: pin.room } : {}),
    };
    return Object.keys(broken).length === 0 ? null : { rule: 'pin', item: item.id, room: room.id, date: a.date, start: a.start, broken };
  },
};

/** In the order a committee member would want to hear about them. */
export const PLACEMENT_RULES: readonly PlacementRule[] = [
  roomKindRule,
  featuresRule,
  capacityRule,
  windowRule,
  pinRule,
  availabilityRule,
];
