/**
 * Rules about one placement alone (an item in a room at a time). The model
 * builder offers the solver only the placements every one of these admits; the
 * checker runs the same functions on each row of a finished schedule. Each
 * returns null when the placement is fine, or the violation in plain words.
 */
import { ROOM_KIND_OF, seatsAudience, type Assignment, type Item, type Room } from '../../domain/types.js';
import { formatMoment, formatSpan, formatTime } from '../../domain/time.js';
import { BASE_GRID, availabilityFor, itemLabel, roomLabel, speakerLabel, type Context } from '../context.js';
import { freeParts, isFree } from '../availability.js';

export type PlacementRule = {
  readonly name: string;
  /** The hard rule in one sentence, for reports and the README. */
  readonly description: string;
  /** Whether the rule depends on the time (false: only on the room). */
  readonly timed: boolean;
  readonly check: (ctx: Context, item: Item, room: Room, a: Assignment) => string | null;
};

export const roomKindRule: PlacementRule = {
  name: 'room-kind',
  description: "Each item is in a room of its format's kind (plenary: main hall with interpretation; lightning: lobby; workshop: classroom), and among its allowed rooms.",
  timed: false,
  check(ctx, item, room, a) {
    const kind = ROOM_KIND_OF[item.format];
    const who = `${itemLabel(item)} at ${formatMoment(a.date, a.start)}`;
    if (room.kind !== kind) {
      return `${who} is a ${item.format} but ${roomLabel(ctx, room.id)} is a ${room.kind}, not a ${kind}`;
    }
    if (item.format === 'plenary' && !room.interpretation) {
      return `${who} is a plenary but ${roomLabel(ctx, room.id)} has no simultaneous interpretation`;
    }
    if (item.rooms.length > 0 && !item.rooms.includes(room.id)) {
      return `${who} may only use ${item.rooms.join(', ')}, not ${room.id}`;
    }
    return null;
  },
};

export const capacityRule: PlacementRule = {
  name: 'capacity',
  description: "A room holds at least the item's expected audience.",
  timed: false,
  check(ctx, item, room, a) {
    return seatsAudience(room.capacity, item)
      ? null
      : `${itemLabel(item)} at ${formatMoment(a.date, a.start)} expects ${item.audience} people but ${roomLabel(ctx, room.id)} seats ${room.capacity}`;
  },
};

export const windowRule: PlacementRule = {
  name: 'program-window',
  description: 'Each item lasts its duration, starts on the 5-minute grid and lies inside one program window (never across coffee, lunch or another break).',
  timed: true,
  check(ctx, item, _room, a) {
    const where = `${itemLabel(item)} at ${formatSpan(a.date, a.start, a.end)}`;
    if (a.end - a.start !== item.duration) {
      return `${where} runs ${a.end - a.start} minutes but lasts ${item.duration}`;
    }
    if (a.start % BASE_GRID !== 0) return `${where} does not start on the ${BASE_GRID}-minute grid`;
    const inside = ctx.programWindows.some((w) => w.date === a.date && w.start <= a.start && a.end <= w.end);
    if (inside) return null;
    const hit = ctx.breaks.find((w) => w.date === a.date && w.start < a.end && a.start < w.end);
    if (hit) return `${where} runs into the break "${hit.label}" (${formatTime(hit.start)}-${formatTime(hit.end)})`;
    return `${where} is not inside one program window of the calendar`;
  },
};

export const availabilityRule: PlacementRule = {
  name: 'availability',
  description: 'Speakers, rooms and items are used only when available.',
  timed: true,
  check(ctx, item, room, a) {
    const span = formatSpan(a.date, a.start, a.end);
    for (const sp of item.speakers) {
      const av = availabilityFor(ctx, sp);
      if (!isFree(av, a.date, a.start, a.end)) {
        return `${itemLabel(item)} at ${span}: its ${speakerLabel(ctx, sp)} is not available then${describeFree(av, a.date, a.start, a.end)}`;
      }
    }
    if (!isFree(availabilityFor(ctx, room.id), a.date, a.start, a.end)) {
      return `${itemLabel(item)} at ${span}: room ${roomLabel(ctx, room.id)} is not available then`;
    }
    if (!isFree(availabilityFor(ctx, item.id), a.date, a.start, a.end)) {
      return `${itemLabel(item)} at ${span}: the item itself is marked unavailable then`;
    }
    return null;
  },
};

function describeFree(av: ReturnType<typeof availabilityFor>, date: string, start: number, end: number): string {
  const parts = freeParts(av, { date, start, end });
  return parts.length === 0 ? '' : ` (free only ${parts.map((p) => `${formatTime(p.start)}-${formatTime(p.end)}`).join(', ')} of it)`;
}

export const pinRule: PlacementRule = {
  name: 'pin',
  description: 'Pinned dates, start times and rooms are kept.',
  timed: true,
  check(_ctx, item, room, a) {
    const pin = item.pin;
    const wrong: string[] = [];
    if (pin.date !== undefined && pin.date !== a.date) wrong.push(`date ${pin.date}`);
    if (pin.start !== undefined && pin.start !== a.start) wrong.push(`start ${formatTime(pin.start)}`);
    if (pin.room !== undefined && pin.room !== room.id) wrong.push(`room ${pin.room}`);
    return wrong.length === 0
      ? null
      : `${itemLabel(item)} is pinned to ${wrong.join(', ')} but placed in ${room.id} at ${formatMoment(a.date, a.start)}`;
  },
};

/** In the order a committee member would want to hear about them. */
export const PLACEMENT_RULES: readonly PlacementRule[] = [
  roomKindRule,
  capacityRule,
  windowRule,
  pinRule,
  availabilityRule,
];

/** The first rule a placement breaks, or null. */
export function firstBrokenRule(ctx: Context, item: Item, room: Room, a: Assignment): { rule: string; message: string } | null {
  for (const rule of PLACEMENT_RULES) {
    const message = rule.check(ctx, item, room, a);
    if (message !== null) return { rule: rule.name, message };
  }
  return null;
}
