/**
 * What one trimmed CSV cell may hold: plain parsers that return null when the
 * text is not acceptable, and zod schemas built on them that carry our own
 * message for that case. Every message names what was expected and what was
 * found, so the user need not look the rule up; every number has a stated
 * range, so nothing read can overflow or be written back as `1e+23`.
 *
 * Each schema made here also remembers its plain reading function (see
 * plainReader): a sheet of 200,000 rows is read through those, not through
 * zod's machinery, which costs a few microseconds a cell.
 */
import { z } from 'zod';
import type { Minutes } from '../domain/types.js';
import { isIsoDate, parseTime } from '../domain/time.js';

/** The ranges of the numbers convene reads, stated in every message about them. */
export const LIMITS = {
  /** Seats in a room or an unconference session. */
  capacity: 100_000,
  /** An item lasts at most a day. */
  minutes: 24 * 60,
  /** A committee's rating, either way. */
  score: 1_000_000,
  /** A rank in preferences.csv. */
  rank: 1_000,
  /** A soft goal's weight (weights.csv, --weight). */
  weight: 10_000,
} as const;

/** `100,000`: grouped digits for messages. */
export function digits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Texts longer than this are cut in messages: a 1 MB cell is named, not printed. */
const SHOWN = 60;

/** `got "forty"`, or `got an empty cell`; a long text is cut and its length given. */
export function found(text: string): string {
  if (text === '') return 'got an empty cell';
  if (text.length <= SHOWN) return `got ${JSON.stringify(text)}`;
  return `got ${JSON.stringify(text.slice(0, SHOWN))}... (${digits(text.length)} characters)`;
}

const NONE: readonly string[] = Object.freeze([]);

/** Items of a list cell, separated by `;` or `|`: trimmed, without empty or repeated items, in the order written. */
export function splitList(cell: string): readonly string[] {
  if (cell === '') return NONE;
  const items = cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 1 ? items : [...new Set(items)];
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

/** "40" -> 40; null for anything but digits (no sign, no decimals). Callers bound the value. */
export function parseWholeNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** "7.5" or "7,5" (decimal comma) -> 7.5; null for anything else. Callers bound the value. */
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

/** A cell that cannot be read, with the message saying why. */
export class Unreadable {
  constructor(readonly message: string) {}
}

/** Reads one cell's text: its value, or why it cannot be read. */
export type PlainReader<T> = (text: string) => T | Unreadable;

const plainReaders = new WeakMap<z.ZodType, PlainReader<unknown>>();

/** The plain function a cell schema of this module reads with; undefined for other schemas (read through zod). */
export function plainReader(schema: z.ZodType): PlainReader<unknown> | undefined {
  return plainReaders.get(schema);
}

/** A zod schema for a string cell read by `read`, which also serves as its fast path. */
export function cell<T>(read: PlainReader<T>) {
  const schema = z.string().transform((text, ctx): T => {
    const value = read(text);
    if (value instanceof Unreadable) {
      ctx.issues.push({ code: 'custom', message: value.message, input: text });
      return z.NEVER;
    }
    return value;
  });
  plainReaders.set(schema, read as PlainReader<unknown>);
  return schema;
}

/** A cell whose `parse` returns null when the text is not acceptable; the message says what was `expected`. */
function cellOf<T>(parse: (text: string) => T | null, expected: string) {
  return cell((text): T | Unreadable => {
    const value = parse(text);
    return value === null ? new Unreadable(`expected ${expected}, ${found(text)}`) : value;
  });
}

/** An empty cell reads as `blank`; anything else through `parse`, and `expected` should say that empty is fine. */
function blankOr<T, B>(blank: B, parse: (text: string) => T | null, expected: string) {
  return cell((text): T | B | Unreadable => {
    if (text === '') return blank;
    const value = parse(text);
    return value === null ? new Unreadable(`expected ${expected}, ${found(text)}`) : value;
  });
}

/** An id: non-empty, and without the list separators, so that it can be listed in another file. */
export const idCell = cell((text) => {
  if (text === '') return new Unreadable(`expected an id, ${found(text)}`);
  if (text.includes(';') || text.includes('|')) return new Unreadable(`expected an id without ";" or "|", ${found(text)}`);
  return text;
});

/** Free text; empty allowed. */
export const textCell = cell((text) => text);

/**
 * A name or title. Empty is allowed and means "not given": the reader shows
 * the row's id in its place (see nameOr).
 */
export const nameCell = textCell;

/** The name to show: the cell, or the id when the cell is empty. */
export function nameOr(name: string, id: string): string {
  return name === '' ? id : name;
}

export const requiredTextCell = cellOf((t) => (t === '' ? null : t), 'some text');

export const boolCell = cellOf(parseBool, 'yes or no (also sí/no, true/false, 1/0, y/n)');

/** Yes/no where an empty cell means no (nothing known, nothing claimed). */
export const boolOrNoCell = blankOr(false, parseBool, 'yes or no (also sí/no, true/false, 1/0, y/n), or an empty cell for no');

export const dateCell = cellOf((t) => (isIsoDate(t) ? t : null), 'a date written YYYY-MM-DD');

export const timeCell = cellOf(parseClock, 'a time written HH:MM (24-hour)');

export function choiceCell<T extends string>(values: readonly T[]) {
  return cellOf((t) => parseChoice(values, t), `one of ${listWords(values)}`);
}

/** One of `values`, or an empty cell, read as null (unknown, unspecified). */
export function optionalChoiceCell<T extends string>(values: readonly T[]) {
  return blankOr(null, (t) => parseChoice(values, t), `one of ${listWords(values)}, or an empty cell`);
}

/** A list cell whose items must each be one of `values` (empty allowed; repeats dropped). */
export function choiceListCell<T extends string>(values: readonly T[]) {
  return cell((text): readonly T[] | Unreadable => {
    const items = splitList(text);
    const bad = items.filter((i) => parseChoice(values, i) === null);
    if (bad.length > 0) return new Unreadable(`expected a list of ${listWords(values)}, ${found(bad[0] ?? '')}`);
    return [...new Set(items.map((i) => parseChoice(values, i) as T))];
  });
}

/** A whole number from `min` to `max`, digits only. */
export function wholeCell(min: number, max: number) {
  return cellOf((t) => {
    const n = parseWholeNumber(t);
    return n !== null && n >= min && n <= max ? n : null;
  }, `a whole number from ${digits(min)} to ${digits(max)}`);
}

/** A whole number from `min` to `max`, or an empty cell (unknown), read as null. */
export function optionalWholeCell(min: number, max: number) {
  return blankOr(
    null,
    (t) => {
      const n = parseWholeNumber(t);
      return n !== null && n >= min && n <= max ? n : null;
    },
    `a whole number from ${digits(min)} to ${digits(max)}, or an empty cell if not known`,
  );
}

/** A seat count: 1 to LIMITS.capacity. */
export const capacityCell = wholeCell(1, LIMITS.capacity);

export const durationCell = cellOf((t) => {
  const n = parseWholeNumber(t);
  return n !== null && n > 0 && n <= LIMITS.minutes && n % 5 === 0 ? n : null;
}, `whole minutes from 5 to ${digits(LIMITS.minutes)} (a day) in steps of 5`);

/** A decimal (point or comma) within ±LIMITS.score, or an empty cell (no score), read as null. */
export const optionalNumberCell = blankOr(
  null,
  (t) => {
    const n = parseDecimal(t);
    return n !== null && Math.abs(n) <= LIMITS.score ? n : null;
  },
  `a number (like 7.5) from -${digits(LIMITS.score)} to ${digits(LIMITS.score)}, or an empty cell`,
);

export const listCell = cell(splitList);

/** Room features (`projector;step-free`): a list, lower-case, so that "Projector" is projector. */
export const featureListCell = cell((text) => [...new Set(splitList(text).map((f) => f.toLowerCase()))]);

/** yes/no or an empty cell (null: not said). */
export const optionalBoolCell = blankOr(null, parseBool, 'yes or no (also sí/no, true/false, 1/0, y/n), or an empty cell');

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

export const optionalDateCell = blankOr(undefined, (t) => (isIsoDate(t) ? t : null), 'a date written YYYY-MM-DD');

/** A start time on the 5-minute grid the schedule is built on; an empty cell reads as undefined. */
export const optionalGridTimeCell = cell((text): Minutes | undefined | Unreadable => {
  if (text === '') return undefined;
  const m = parseClock(text);
  if (m !== null && m % 5 === 0) return m;
  const expected = m === null ? 'a time written HH:MM (24-hour)' : 'a time on the 5-minute grid (like 09:05)';
  return new Unreadable(`expected ${expected}, ${found(text)}`);
});

/** A room kind is free text, compared without regard to case, spaces or hyphens: "Main hall" is main_hall. */
export const roomKindCell = cellOf((t) => (t === '' ? null : t.toLowerCase().replace(/[\s-]+/g, '_')), 'a room kind (like main_hall, lobby or classroom)');
