/**
 * Wall-clock times of the event (a date and minutes since its midnight, in the
 * event's IANA time zone) -> absolute instants. Computed with Intl's tz data,
 * so no clock or environment is read; a zone with daylight saving is handled
 * by re-checking the offset at the instant found.
 */
import type { Minutes } from '../../domain/types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows `zone` as an IANA time zone (e.g. America/Costa_Rica). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at the instant `utcMs` (Costa Rica: -360). */
export function offsetAt(utcMs: number, zone: string): number {
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - utcMs) / 60_000);
}

/** The UTC instant (ms) of `date` at `minutes` past its midnight, wall-clock time in `zone`. */
export function zonedInstant(date: string, minutes: Minutes, zone: string): number {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const first = offsetAt(wall, zone);
  const guess = wall - first * 60_000;
  const second = offsetAt(guess, zone);
  return second === first ? guess : wall - second * 60_000;
}

/** "-06:00": the zone's offset at that wall-clock time, as ISO 8601 writes it. */
export function isoOffset(date: string, minutes: Minutes, zone: string): string {
  const off = offsetAt(zonedInstant(date, minutes, zone), zone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2014-11-19T09:00:00-06:00". `minutes` may reach 24:00, which is written as the next day's 00:00. */
export function isoLocal(date: string, minutes: Minutes, zone: string): string {
  const instant = zonedInstant(date, minutes, zone);
  const off = offsetAt(instant, zone);
  const wall = new Date(instant + off * 60_000);
  const day = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  return `${day}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:00${isoOffset(date, minutes, zone)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
