/**
 * iCalendar text (RFC 5545) of the few properties convene publishes, written
 * by the `ical-generator` package. (The `ics` package wrote it before; its
 * line folding measured a line again after every 75 characters it cut, so a
 * 1 MB title kept `publish` busy for minutes. ical-generator escapes, folds
 * and writes such a calendar in linear time.) Control characters that RFC
 * 5545 forbids in text are dropped first, and a lone CR is a line break.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type CalendarHeader = {
  /** The PRODID, written `-//...`. */
  readonly productId: string;
  readonly method: 'PUBLISH';
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
  const calendar = ical({
    // ical-generator writes the leading '-' itself.
    prodId: header.productId.replace(/^-/, ''),
    method: ICalCalendarMethod.PUBLISH,
    // A calendar's name is one line.
    name: clean(header.name).replace(/\n/g, ' '),
    ttl: 3600,
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      start: new Date(e.start),
      end: new Date(e.end),
      stamp: new Date(e.stamp),
      summary: clean(e.title),
      location: clean(e.location),
      description: clean(e.description),
      categories: e.categories.map((name) => ({ name: clean(name) })),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Forbidden control characters dropped; a lone CR or CRLF read as a line break. */
function clean(value: string): string {
  return value.replace(CONTROL, '').replace(/\r\n?/g, '\n');
}
