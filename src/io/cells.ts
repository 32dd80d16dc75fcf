/**
 * What one trimmed CSV cell may hold: plain parsers that return null when the
 * text is not acceptable, and zod schemas built on them that carry our own
 * message for that case. Every message names what was expected and what was
 * found, so the user need not look the rule up.
 */
import { z } from 'zod';
import type { Minutes } from '../domain/types.js';
import { isIsoDate, parseTime } from '../domain/time.js';

/** `got "forty"`, or `got an empty cell`. */
export function found(text: string): string {
  return text === '' ? 'got an empty cell' : `got ${JSON.stringify(text)}`;
}

/** Items of a list cell, separated by `;` or `|`: trimmed, without empty or repeated items, in the order written. */
export function splitList(cell: string): readonly string[] {
  const items = cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(items)];
}

const TRUE = new Set(['yes', 'y', 'sí', 'si', 'true', '1']);
const FALSE = new Set(['no', 'n', 'false', '0']);

/** yes/no, sí/si/no, true/false, 1/0, y/n in any case; null for anything else. */
export function parseBool(text: string): boolean | null {
  const t = text.normalize('NFC').trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return null;
}

/** "40" -> 40; null for anything but digits (no sign, no decimals). */
export function parseWholeNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** "7.5" or "7,5" (decimal comma) -> 7.5; null for anything else. */
export function parseDecimal(text: string): number | null {
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** "9:00", "09:00", and "09:00:00" (how spreadsheets often export times) -> 540; null otherwise. */
export function parseClock(text: string): Minutes | null {
  return parseTime(text.replace(/^(\d{1,2}:\d{2}):00$/, '$1'));
}

/** Case-insensitive match against a fixed list; returns the canonical value. */
export function parseChoice<T extends string>(values: readonly T[], text: string): T | null {
  const t = text.toLowerCase();
  return values.find((v) => v === t) ?? null;
}

/** "a, b or c" */
export function listWords(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** A zod schema for a string cell: `parse` returns null when the text is not acceptable. */
function cellOf<T>(parse: (text: string) => T | null, expected: string) {
  return z.string().transform((text, ctx): T => {
    const value = parse(text);
    if (value === null) {
      ctx.issues.push({ code: 'custom', message: `expected ${expected}, ${found(text)}`, input: text });
      return z.NEVER;
    }
    return value;
  });
}

function optional<T>(parse: (text: string) => T | null): (text: string) => T | null | undefined {
  return (text) => (text === '' ? undefined : parse(text));
}

/** An id: non-empty, and without the list separators, so that it can be listed in another file. */
export const idCell = z.string().transform((text, ctx) => {
  if (text === '' || /[;|]/.test(text)) {
    const expected = text === '' ? 'an id' : 'an id without ";" or "|"';
    ctx.issues.push({ code: 'custom', message: `expected ${expected}, ${found(text)}`, input: text });
    return z.NEVER;
  }
  return text;
});

export const textCell = z.string();

export const requiredTextCell = cellOf((t) => (t === '' ? null : t), 'some text');

export const boolCell = cellOf(parseBool, 'yes or no (also sí/no, true/false, 1/0, y/n)');

export const dateCell = cellOf((t) => (isIsoDate(t) ? t : null), 'a date written YYYY-MM-DD');

export const timeCell = cellOf(parseClock, 'a time written HH:MM (24-hour)');

export function choiceCell<T extends string>(values: readonly T[]) {
  return cellOf((t) => parseChoice(values, t), `one of ${listWords(values)}`);
}

/** An empty cell reads as null. */
/** A list cell whose items must each be one of `values` (empty allowed; repeats dropped). */
export function choiceListCell<T extends string>(values: readonly T[]) {
  return z.string().transform((text, ctx): readonly T[] => {
    const items = splitList(text);
    const bad = items.filter((i) => parseChoice(values, i) === null);
    if (bad.length > 0) {
      ctx.issues.push({ code: 'custom', message: `expected a list of ${listWords(values)}, ${found(bad[0] ?? '')}`, input: text });
      return z.NEVER;
    }
    return [...new Set(items.map((i) => parseChoice(values, i) as T))];
  });
}

export function optionalChoiceCell<T extends string>(values: readonly T[]) {
  return cellOf(optional((t) => parseChoice(values, t)), `one of ${listWords(values)}, or an empty cell`).transform(
    (v) => v ?? null,
  );
}

export const positiveWholeCell = cellOf((t) => {
  const n = parseWholeNumber(t);
  return n !== null && n > 0 ? n : null;
}, 'a whole number above 0');

export const wholeCell = cellOf(parseWholeNumber, 'a whole number (0 or more)');

export const durationCell = cellOf((t) => {
  const n = parseWholeNumber(t);
  return n !== null && n > 0 && n % 5 === 0 ? n : null;
}, 'whole minutes above 0 in steps of 5');

export const optionalNumberCell = cellOf(optional(parseDecimal), 'a number (like 7.5)').transform(
  (v) => v ?? null,
);

export const listCell = z.string().transform(splitList);

/** Room features (`projector;step-free`): a list, lower-case, so that "Projector" is projector. */
export const featureListCell = z.string().transform((text) => [...new Set(splitList(text).map((f) => f.toLowerCase()))]);

/** yes/no or an empty cell (null: not said). */
export const optionalBoolCell = cellOf(optional(parseBool), 'yes or no (also sí/no, true/false, 1/0, y/n), or an empty cell').transform((v) => v ?? null);

/** Whole minutes from 0 to a day (1440), in steps of 5; an empty cell is 0. */
export const minutesCell = cellOf((t) => {
  if (t === '') return 0;
  const n = parseWholeNumber(t);
  return n !== null && n <= 1440 && n % 5 === 0 ? n : null;
}, 'whole minutes from 0 to 1440 in steps of 5, or an empty cell');

export const nonEmptyListCell = cellOf((t) => {
  const items = splitList(t);
  return items.length > 0 ? items : null;
}, 'at least one id (separate several with ";" or "|")');

export const optionalDateCell = cellOf(optional((t) => (isIsoDate(t) ? t : null)), 'a date written YYYY-MM-DD');

/** A start time on the 5-minute grid the schedule is built on; an empty cell reads as undefined. */
export const optionalGridTimeCell = z.string().transform((text, ctx): Minutes | undefined => {
  if (text === '') return undefined;
  const m = parseClock(text);
  if (m !== null && m % 5 === 0) return m;
  const expected = m === null ? 'a time written HH:MM (24-hour)' : 'a time on the 5-minute grid (like 09:05)';
  ctx.issues.push({ code: 'custom', message: `expected ${expected}, ${found(text)}`, input: text });
  return z.NEVER;
});

/** A room kind is free text, compared without regard to case, spaces or hyphens: "Main hall" is main_hall. */
export const roomKindCell = cellOf((t) => (t === '' ? null : t.toLowerCase().replace(/[\s-]+/g, '_')), 'a room kind (like main_hall, lobby or classroom)');
