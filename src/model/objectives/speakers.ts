/**
 * Soft goals about speakers' wishes, each reported with its weight, count and
 * every occurrence:
 * - speaker-avoid: an item runs (partly) in a span one of its speakers marked
 *   `avoid` in availability.csv; one occurrence per speaker and item.
 * - speaker-preferred: a speaker with `preferred` rows speaks outside all of
 *   them; one occurrence per speaker and item.
 * - speaker-days: a speaker with several items speaks on more days than
 *   needed; one occurrence per extra day.
 * All are monotone (leaving items out never raises them), so the staged
 * solve's core stays a lower bound.
 */
import type { Assignment, AvailabilityRow, Schedule } from '../../domain/types.js';
import { formatSpan } from '../../domain/time.js';
import { itemLabel, speakerLabel, type Context } from '../context.js';
import { byId, byKey } from '../../domain/compare.js';

export type Occurrence = { readonly items: readonly string[]; readonly message: string };

export const SPEAKER_TERMS = {
  avoid: { name: 'speaker-avoid', description: 'A speaker speaks in a span they marked "avoid" in availability.csv (per speaker and item).' },
  preferred: {
    name: 'speaker-preferred',
    description: 'A speaker who marked "preferred" spans speaks outside all of them (per speaker and item).',
  },
  days: { name: 'speaker-days', description: 'A speaker with several items speaks on one more day than needed (per extra day).' },
} as const;

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

export function scoreSpeakerGoals(ctx: Context, schedule: Schedule): {
  readonly avoid: readonly Occurrence[];
  readonly preferred: readonly Occurrence[];
  readonly days: readonly Occurrence[];
} {
  const sorted = [...schedule].sort((a, b) => (a.item < b.item ? -1 : 1));
  const avoid: Occurrence[] = [];
  const preferred: Occurrence[] = [];
  for (const p of sorted) {
    const item = ctx.items.get(p.item);
    if (!item) continue;
    const when = formatSpan(p.date, p.start, p.end);
    for (const s of avoidingSpeakers(ctx, p)) avoid.push({ items: [p.item], message: `${speakerLabel(ctx, s)} would rather avoid ${when}, when ${itemLabel(item)} runs` });
    for (const s of unpreferredSpeakers(ctx, p)) preferred.push({ items: [p.item], message: `${itemLabel(item)} at ${when} is outside the times ${speakerLabel(ctx, s)} prefers` });
  }
  const days: Occurrence[] = [];
  const at = new Map(schedule.map((a) => [a.item, a]));
  for (const [s, ids] of busySpeakers(ctx)) {
    const placed = ids.filter((id) => at.has(id));
    const dates = [...new Set(placed.map((id) => at.get(id)!.date))].sort();
    if (dates.length > 1) {
      for (let k = 1; k < dates.length; k++) {
        days.push({ items: placed, message: `${speakerLabel(ctx, s)} speaks on ${dates.length} days (${dates.join(', ')}) for ${placed.join(', ')}` });
      }
    }
  }
  return { avoid, preferred, days };
}
