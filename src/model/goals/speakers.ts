/**
 * Soft goals about speakers' wishes:
 * - speaker-avoid: an item runs (partly) in a span one of its speakers marked
 *   `avoid` in availability.csv; one occurrence per speaker and item.
 * - speaker-preferred: a speaker with `preferred` rows speaks outside all of
 *   them; one occurrence per speaker and item.
 * - speaker-days: a speaker with several items speaks on more days than
 *   needed; one occurrence per extra day.
 */
import type { Assignment, AvailabilityRow, Schedule } from '../../domain/types.js';
import { byId, byKey, compareText } from '../../domain/compare.js';
import { formatSpan } from '../../domain/time.js';
import { itemLabel, speakerLabel, type Context } from '../context.js';
import { makeRow } from '../mip.js';
import { addPenalty, counted, type Goal, type Occurrence } from './goal.js';

// Built once per context: the model asks for every candidate placement.
const wishCache = new WeakMap<Context, Map<AvailabilityRow['status'], ReadonlyMap<string, readonly AvailabilityRow[]>>>();

function rowsOf(ctx: Context, status: AvailabilityRow['status']): ReadonlyMap<string, readonly AvailabilityRow[]> {
  let byStatus = wishCache.get(ctx);
  if (!byStatus) wishCache.set(ctx, (byStatus = new Map()));
  const cached = byStatus.get(status);
  if (cached) return cached;
  const map = new Map<string, AvailabilityRow[]>();
  for (const r of ctx.event.availability) {
    if (r.status !== status || !ctx.speakers.has(r.who)) continue;
    map.set(r.who, [...(map.get(r.who) ?? []), r]);
  }
  byStatus.set(status, map);
  return map;
}

const overlaps = (r: AvailabilityRow, p: Assignment) => r.date === p.date && r.start < p.end && p.start < r.end;
const inside = (r: AvailabilityRow, p: Assignment) => r.date === p.date && r.start <= p.start && p.end <= r.end;

/** Speakers of a placement who would rather avoid its time. */
export function avoidingSpeakers(ctx: Context, p: Assignment): readonly string[] {
  const avoid = rowsOf(ctx, 'avoid');
  return (ctx.items.get(p.item)?.speakers ?? []).filter((s) => (avoid.get(s) ?? []).some((r) => overlaps(r, p)));
}

/** Speakers of a placement who marked preferred spans, none of which holds it. */
export function unpreferredSpeakers(ctx: Context, p: Assignment): readonly string[] {
  const preferred = rowsOf(ctx, 'preferred');
  return (ctx.items.get(p.item)?.speakers ?? []).filter((s) => {
    const rows = preferred.get(s);
    return rows !== undefined && !rows.some((r) => inside(r, p));
  });
}

/** Speakers with two or more items, and their item ids, by speaker id. */
export function busySpeakers(ctx: Context): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const item of [...ctx.items.values()].sort(byId)) {
    for (const s of item.speakers) map.set(s, [...(map.get(s) ?? []), item.id]);
  }
  return new Map([...map.entries()].filter(([, ids]) => ids.length > 1).sort(byKey));
}

const speakerSlots = (ctx: Context) => [...ctx.items.values()].reduce((n, i) => n + i.speakers.length, 0);

/** One occurrence per speaker of each placement that `who` picks out. */
function perSpeaker(ctx: Context, schedule: Schedule, who: (ctx: Context, p: Assignment) => readonly string[], say: (item: string, speaker: string, when: string) => string): readonly Occurrence[] {
  const out: Occurrence[] = [];
  for (const p of [...schedule].sort((a, b) => compareText(a.item, b.item))) {
    const item = ctx.items.get(p.item);
    if (!item) continue;
    const when = formatSpan(p.date, p.start, p.end);
    for (const s of who(ctx, p)) out.push({ items: [p.item], message: say(itemLabel(item), speakerLabel(ctx, s), when) });
  }
  return out;
}

export const speakerAvoidGoal: Goal = {
  name: 'speaker-avoid',
  description: 'A speaker speaks in a span they marked "avoid" in availability.csv (per speaker and item).',
  defaultWeight: 100,
  placementUnits: (ctx, p) => avoidingSpeakers(ctx, p).length,
  score: (ctx, schedule) => counted(perSpeaker(ctx, schedule, avoidingSpeakers, (item, speaker, when) => `${speaker} would rather avoid ${when}, when ${item} runs`)),
  maxUnits: speakerSlots,
};

export const speakerPreferredGoal: Goal = {
  name: 'speaker-preferred',
  description: 'A speaker who marked "preferred" spans speaks outside all of them (per speaker and item).',
  defaultWeight: 40,
  placementUnits: (ctx, p) => unpreferredSpeakers(ctx, p).length,
  score: (ctx, schedule) => counted(perSpeaker(ctx, schedule, unpreferredSpeakers, (item, speaker, when) => `${item} at ${when} is outside the times ${speaker} prefers`)),
  maxUnits: speakerSlots,
};

/**
 * speaker-days in the model: for each speaker with several items and each
 * date, a column that must be 1 when any of their items runs that day; their
 * sum less one per speaker (the offset) is the number of extra days.
 */
export const speakerDaysGoal: Goal = {
  name: 'speaker-days',
  description: 'A speaker with several items speaks on one more day than needed (per extra day).',
  defaultWeight: 60,
  model(parts, weight) {
    const { ctx, placements, byItem, rows } = parts;
    let offset = 0;
    for (const [speaker, ids] of busySpeakers(ctx)) {
      offset -= weight;
      for (const date of ctx.dates) {
        const u = addPenalty(parts, `days_${speaker}_${date}`, weight);
        for (const id of ids) {
          const on = (byItem.get(id) ?? []).filter((i) => placements[i]!.date === date);
          if (on.length > 0) rows.push(makeRow(`days_${speaker}_${date}_${id}`, 0, Infinity, [[u, 1], ...on.map((i) => [i, -1] as const)]));
        }
      }
    }
    return offset;
  },
  score(ctx, schedule) {
    const days: Occurrence[] = [];
    const at = new Map(schedule.map((a) => [a.item, a]));
    for (const [s, ids] of busySpeakers(ctx)) {
      const placed = ids.filter((id) => at.has(id));
      const dates = [...new Set(placed.map((id) => at.get(id)!.date))].sort();
      for (let k = 1; k < dates.length; k++) {
        days.push({ items: placed, message: `${speakerLabel(ctx, s)} speaks on ${dates.length} days (${dates.join(', ')}) for ${placed.join(', ')}` });
      }
    }
    return counted(days);
  },
  maxUnits: (ctx) => ctx.dates.length * ctx.speakers.size,
  // Per speaker, the fewest dates that hold a candidate of every item of theirs, less one.
  minUnits: (ctx, candidates) => {
    const datesOf = new Map<string, Set<string>>();
    for (const p of candidates.placements) datesOf.set(p.item, (datesOf.get(p.item) ?? new Set()).add(p.date));
    let units = 0;
    for (const ids of busySpeakers(ctx).values()) units += Math.max(0, fewestDates(ctx.dates, ids.map((id) => datesOf.get(id) ?? new Set<string>())) - 1);
    return units;
  },
};

/** The size of the smallest set of dates meeting every one of `sets` (by trying ever larger sets; events have few dates). */
function fewestDates(dates: readonly string[], sets: readonly ReadonlySet<string>[]): number {
  const n = Math.min(dates.length, 12);
  for (let size = 1; size <= n; size++) {
    for (let mask = 0; mask < 1 << n; mask++) {
      if (popcount(mask) !== size) continue;
      if (sets.every((s) => dates.some((d, k) => (mask >> k) & 1 && s.has(d)))) return size;
    }
  }
  return 1;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}
