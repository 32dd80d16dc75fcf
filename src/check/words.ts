/**
 * Rule findings in words: the one place where a finding (domain/findings.ts)
 * becomes a sentence. `check` prints findingMessage; `explain` prints
 * blockerWords, the same facts seen from the item being moved.
 */
import type { ConflictFinding, PlacementFinding, RuleFinding, Subject } from '../domain/findings.js';
import type { Assignment } from '../domain/types.js';
import { formatMoment, formatSpan, formatTime } from '../domain/time.js';
import { freeParts } from '../model/availability.js';
import { availabilityFor, BASE_GRID, itemLabel, roomLabel, speakerLabel, type Context } from '../model/context.js';
import { ROOM_KIND_OF } from '../domain/types.js';
import { compareText } from '../domain/compare.js';

/** The violation a finding stands for, as `check` prints it: names, ids, room and time. */
export function findingMessage(ctx: Context, f: RuleFinding): string {
  switch (f.rule) {
    case 'unknown-id':
      return f.room === undefined ? `unknown item ${f.item}` : `${f.item} is in unknown room ${f.room}`;
    case 'placed-once':
    case 'room-overlap':
    case 'speaker-overlap':
    case 'exclusive':
    case 'order':
      return conflictMessage(ctx, f);
    default:
      return `${placementHead(ctx, f)} ${placementPredicate(ctx, f)}`;
  }
}

/** What keeps an item out of a place, said of the item ("it expects 40 people but ..."). */
export function placementBlockerWords(ctx: Context, f: PlacementFinding): string {
  const predicate = placementPredicate(ctx, f);
  return f.rule === 'availability' ? predicate : `it ${predicate}`;
}

/** `room c1 (Aula 1) on 2014-11-19`, `speaker sp-01 (Ana Ruiz) on 2014-11-19`, `the exclusive p01 "Apertura" on 2014-11-19`. */
export function subjectWords(ctx: Context, s: Subject): string {
  const who = s.kind === 'room' ? `room ${roomLabel(ctx, s.id)}` : s.kind === 'speaker' ? speakerLabel(ctx, s.id) : `the exclusive ${label(ctx, s.id)}`;
  return `${who} on ${s.date}`;
}

function label(ctx: Context, id: string): string {
  const item = ctx.items.get(id);
  return item ? itemLabel(item) : id;
}

/** The item and when, as each placement rule's sentence starts. */
function placementHead(ctx: Context, f: PlacementFinding): string {
  const item = label(ctx, f.item);
  switch (f.rule) {
    case 'room-kind':
    case 'room-features':
    case 'capacity':
      return `${item} at ${formatMoment(f.date, f.start)}`;
    case 'program-window':
      return `${item} at ${formatSpan(f.date, f.start, f.end)}`;
    case 'availability':
      return `${item} at ${formatSpan(f.date, f.start, f.end)}:`;
    case 'pin':
      return item;
  }
}

/** The rest of a placement rule's sentence, without the item. */
function placementPredicate(ctx: Context, f: PlacementFinding): string {
  const item = ctx.items.get(f.item);
  switch (f.rule) {
    case 'room-kind': {
      const room = ctx.rooms.get(f.room);
      if (f.problem === 'interpretation') return `is a plenary but ${roomLabel(ctx, f.room)} has no simultaneous interpretation`;
      if (f.problem === 'not-allowed') return `may only use ${(item?.rooms ?? []).join(', ')}, not ${f.room}`;
      const format = item?.format ?? 'item';
      return `is a ${format} but ${roomLabel(ctx, f.room)} is a ${room?.kind ?? '?'}, not a ${item ? ROOM_KIND_OF[item.format] : '?'}`;
    }
    case 'room-features':
      return `needs ${f.missing.join(', ')}, which ${roomLabel(ctx, f.room)} does not have`;
    case 'capacity':
      return `expects ${item?.audience ?? 0} people but ${roomLabel(ctx, f.room)} seats ${ctx.rooms.get(f.room)?.capacity ?? 0}`;
    case 'program-window':
      switch (f.problem) {
        case 'duration':
          return `runs ${f.end - f.start} minutes but lasts ${item?.duration ?? 0}`;
        case 'grid':
          return `does not start on the ${BASE_GRID}-minute grid`;
        case 'break':
          return `runs into the break "${f.crossed?.label ?? ''}" (${formatTime(f.crossed?.start ?? 0)}-${formatTime(f.crossed?.end ?? 0)})`;
        case 'outside':
          return 'is not inside one program window of the calendar';
        case 'plenary-only':
          return `is not a main-hall session, but the window it runs in is for the main hall alone (calendar kind plenary_only)`;
      }
      break;
    case 'pin': {
      const broken: string[] = [];
      if (f.broken.date !== undefined) broken.push(`date ${f.broken.date}`);
      if (f.broken.start !== undefined) broken.push(`start ${formatTime(f.broken.start)}`);
      if (f.broken.room !== undefined) broken.push(`room ${f.broken.room}`);
      return `is pinned to ${broken.join(', ')} but placed in ${f.room} at ${formatMoment(f.date, f.start)}`;
    }
    case 'availability':
      if (f.who === 'speaker') return `its ${speakerLabel(ctx, f.id)} is not available then${freeWithin(ctx, f.id, f.date, f.start, f.end)}`;
      if (f.who === 'room') return `room ${roomLabel(ctx, f.id)} is not available then`;
      return 'the item itself is marked unavailable then';
  }
  return '';
}

function freeWithin(ctx: Context, who: string, date: string, start: number, end: number): string {
  const parts = freeParts(availabilityFor(ctx, who), { date, start, end });
  return parts.length === 0 ? '' : ` (free only ${parts.map((p) => `${formatTime(p.start)}-${formatTime(p.end)}`).join(', ')} of it)`;
}

function conflictMessage(ctx: Context, f: ConflictFinding): string {
  switch (f.rule) {
    case 'placed-once':
      if (f.places.length === 0) return `${label(ctx, f.item)} is not placed`;
      return `${label(ctx, f.item)} is placed ${f.places.length} times: ${f.places.map((a) => `${a.room} at ${formatMoment(a.date, a.start)}`).join('; ')}`;
    case 'room-overlap': {
      const setUp = f.placements.some((a) => (ctx.items.get(a.item)?.setup ?? 0) > 0 || (ctx.items.get(a.item)?.teardown ?? 0) > 0);
      const counting = [...(setUp ? ['set-up and tear-down'] : []), ...(ctx.options.gap > 0 ? [`the ${ctx.options.gap}-minute hallway gap after main-hall sessions and workshops`] : [])];
      return `room ${roomLabel(ctx, f.who)} holds ${listItems(ctx, f.placements)} at once on ${formatMoment(f.date, f.at)}` + (counting.length > 0 ? ` (counting ${counting.join(' and ')})` : '');
    }
    case 'speaker-overlap': {
      const rest = ctx.options.speakerGap ?? 0;
      return `${speakerLabel(ctx, f.who)} is in ${listItems(ctx, f.placements, true)} at once on ${formatMoment(f.date, f.at)}` + (rest > 0 ? ` (counting the ${rest}-minute break a speaker has between items)` : '');
    }
    case 'exclusive': {
      const own = f.placements.find((a) => a.item === f.item);
      const others = f.placements.filter((a) => a.item !== f.item);
      const when = own ? ` (${formatSpan(own.date, own.start, own.end)})` : '';
      return `${label(ctx, f.item)} is exclusive, but ${listItems(ctx, others, true)} run${others.length === 1 ? 's' : ''} while it does${when}`;
    }
    case 'order': {
      const own = f.placements.find((a) => a.item === f.item);
      const before = f.placements.find((a) => a.item === f.before);
      const at = (a: Assignment | undefined) => (a ? ` (${a.room}, ${formatSpan(a.date, a.start, a.end)})` : '');
      return `${label(ctx, f.item)}${at(own)} must come after ${label(ctx, f.before)}${at(before)}, which has not ended when it starts`;
    }
  }
}

function listItems(ctx: Context, chosen: readonly Assignment[], withRoom = false): string {
  return [...chosen]
    .sort((a, b) => a.start - b.start || compareText(a.item, b.item))
    .map((a) => `${label(ctx, a.item)} (${withRoom ? `${a.room}, ` : ''}${formatTime(a.start)}-${formatTime(a.end)})`)
    .join(' and ');
}
