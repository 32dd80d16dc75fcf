import type { Minutes } from './types.js';

/** "09:05" -> 545; null when the text is not a 24-hour HH:MM time. 24:00 is allowed as an end of day. */
export function parseTime(text: string): Minutes | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** 545 -> "09:05". */
export function formatTime(t: Minutes): string {
  const h = Math.floor(t / 60);
  const m = t % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "2014-06-01 11:00": how a moment is written in every message. */
export function formatMoment(date: string, t: Minutes): string {
  return `${date} ${formatTime(t)}`;
}

/** "2014-06-01 11:00-12:30". */
export function formatSpan(date: string, start: Minutes, end: Minutes): string {
  return `${date} ${formatTime(start)}-${formatTime(end)}`;
}
