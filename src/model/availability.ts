import type { AvailabilityRow, Minutes } from '../domain/types.js';

/** A half-open span [start, end) on one date. */
export type Span = { readonly date: string; readonly start: Minutes; readonly end: Minutes };

/**
 * When one speaker, room or item may be used. With no `available` rows a who
 * is free except inside its `unavailable` rows; with some, it is free only
 * inside their union (adjacent rows merge), minus its `unavailable` rows.
 */
export type Availability = {
  /** null: no `available` rows, so every time is allowed unless blocked. */
  readonly allowed: readonly Span[] | null;
  readonly blocked: readonly Span[];
};

const EVERYWHERE: Availability = { allowed: null, blocked: [] };

export function availabilityByWho(rows: readonly AvailabilityRow[]): ReadonlyMap<string, Availability> {
  const grouped = new Map<string, AvailabilityRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.who) ?? [];
    list.push(row);
    grouped.set(row.who, list);
  }
  const out = new Map<string, Availability>();
  for (const [who, list] of grouped) {
    const avail = list.filter((r) => r.status === 'available');
    const blocked = list.filter((r) => r.status === 'unavailable');
    out.set(who, {
      allowed: avail.length > 0 ? mergeSpans(avail) : null,
      blocked: mergeSpans(blocked),
    });
  }
  return out;
}

export function availabilityOf(map: ReadonlyMap<string, Availability>, who: string): Availability {
  return map.get(who) ?? EVERYWHERE;
}

/** Sorted, with overlapping or touching spans of one date merged. */
export function mergeSpans(spans: readonly Span[]): readonly Span[] {
  const sorted = [...spans].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start - b.start));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.date === s.date && s.start <= last.end) {
      out[out.length - 1] = { date: last.date, start: last.start, end: Math.max(last.end, s.end) };
    } else {
      out.push({ date: s.date, start: s.start, end: s.end });
    }
  }
  return out;
}

/** True when the whole span [start, end) on `date` is allowed and not blocked. */
export function isFree(a: Availability, date: string, start: Minutes, end: Minutes): boolean {
  if (a.allowed && !a.allowed.some((s) => s.date === date && s.start <= start && end <= s.end)) return false;
  return !a.blocked.some((s) => s.date === date && s.start < end && start < s.end);
}

/** The free parts of a span, for explanations and counting free time. */
export function freeParts(a: Availability, span: Span): readonly Span[] {
  let parts: Span[] = a.allowed
    ? a.allowed
        .filter((s) => s.date === span.date && s.start < span.end && span.start < s.end)
        .map((s) => ({ date: span.date, start: Math.max(s.start, span.start), end: Math.min(s.end, span.end) }))
    : [span];
  for (const b of a.blocked) {
    if (b.date !== span.date) continue;
    parts = parts.flatMap((p) => {
      if (b.end <= p.start || p.end <= b.start) return [p];
      const pieces: Span[] = [];
      if (p.start < b.start) pieces.push({ date: p.date, start: p.start, end: b.start });
      if (b.end < p.end) pieces.push({ date: p.date, start: b.end, end: p.end });
      return pieces;
    });
  }
  return parts;
}
