/**
 * iCalendar text (RFC 5545), the few properties convene publishes.
 *
 * This replaces the `ics` package, whose line folding measured a line's
 * length again after every 75 characters it cut: quadratic in a cell's
 * length, so a 1 MB title kept `publish` busy for minutes. Here each line is
 * split into grapheme clusters once. The output is byte for byte what `ics`
 * 3.12 wrote (a test compares the two), so re-published calendars do not
 * change: the same escaping (backslash, newline, `;` and `,` in text; category
 * names as given), and folding after 75 grapheme clusters on the first line
 * and 74 on each continuation, joined by CRLF and a tab. Unlike `ics` it
 * never fails on text it does not expect: a lone CR counts as a line break
 * and other control characters, which RFC 5545 forbids in text, are dropped.
 */
import { runes } from 'runes2';

export type CalendarHeader = {
  readonly productId: string;
  readonly method: string;
  /** X-WR-CALNAME, the name calendar apps show. */
  readonly name: string;
};

export type CalendarEvent = {
  readonly uid: string;
  readonly title: string;
  /** Instants, ms since 1970 UTC. */
  readonly start: number;
  readonly end: number;
  /** DTSTAMP, ms since 1970 UTC. */
  readonly stamp: number;
  readonly location: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly status: 'CONFIRMED';
};

export function icalendar(header: CalendarHeader, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    fold(`PRODID:${plain(header.productId)}`),
    ...(header.method ? [fold(`METHOD:${plain(header.method)}`)] : []),
    ...(header.name ? [fold(`X-WR-CALNAME:${plain(header.name)}`)] : []),
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      fold(`UID:${plain(e.uid)}`),
      ...(e.title ? [fold(`SUMMARY:${text(e.title)}`)] : []),
      fold(`DTSTAMP:${utc(e.stamp)}`),
      fold(`DTSTART:${utc(e.start)}`),
      fold(`DTEND:${utc(e.end)}`),
      ...(e.description ? [fold(`DESCRIPTION:${text(e.description)}`)] : []),
      ...(e.location ? [fold(`LOCATION:${text(e.location)}`)] : []),
      fold(`STATUS:${plain(e.status)}`),
      fold(`CATEGORIES:${plain(e.categories.join(','))}`),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** Forbidden control characters (all but tab, LF and CR) dropped; line breaks as `\n`. */
function plain(value: string): string {
  return value.replace(CONTROL, '').replace(/\r\n|\r|\n/g, '\\n');
}

/** A TEXT value: backslash, `;` and `,` escaped too. */
function text(value: string): string {
  return plain(value.replace(/\\/g, '\\\\')).replace(/;/g, '\\;').replace(/,/g, '\\,');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const pad = (n: number) => String(n).padStart(2, '0');

/** 20141119T150000Z */
function utc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/**
 * Folds a content line after 75 characters, then every 74, where a character
 * is a grapheme cluster as runes2 (the library `ics` used) splits them: split
 * once, so linear in the line's length. (Intl.Segmenter would do, but V8's
 * segment iterator is itself quadratic on long strings.)
 */
export function fold(line: string): string {
  // A line of at most 75 UTF-16 units has at most 75 clusters: nothing to fold.
  if (line.length <= 75) return line;
  // Printable ASCII is one cluster per character: cut by position.
  if (/^[\x20-\x7e]*$/.test(line)) {
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join('\r\n\t');
  }
  const chars = runes(line);
  if (chars.length <= 75) return line;
  const parts = [chars.slice(0, 75).join('')];
  for (let i = 75; i < chars.length; i += 74) parts.push(chars.slice(i, i + 74).join(''));
  return parts.join('\r\n\t');
}
