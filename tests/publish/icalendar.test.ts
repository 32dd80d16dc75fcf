import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { icalendar, type CalendarEvent } from '../../src/render/publish/icalendar.js';

/** The events of a calendar as ical.js reads them back. */
function readBack(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, title: e.summary ?? '', start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(), location: e.location ?? '', description: e.description ?? '', categories: c.getFirstPropertyValue('categories'), status: c.getFirstPropertyValue('status'), stamp: (c.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime() };
  });
}

// Text as spreadsheets hold it: letters with and without accents, combining
// marks, punctuation that iCalendar escapes, line breaks, a few emoji.
const piece = fc.constantFrom('a', 'Z', 'é', 'ñ', 'ã', 'e\u0301', ' ', ',', ';', '\\', '\n', ':', '"', '·', '—', '😀', '👩🏽‍💻', '中', '1');
const textArb = fc.array(piece, { maxLength: 400 }).map((xs) => xs.join(''));
const minute = 60_000;
const eventArb = fc.record({
  uid: fc.stringMatching(/^[a-z0-9.@-]{1,90}$/),
  title: textArb,
  start: fc.integer({ min: 0, max: 60_000_000 }).map((m) => m * minute),
  length: fc.integer({ min: 5, max: 600 }),
  stamp: fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => s * 1000),
  location: textArb.map((t) => `${t} (r1)`),
  description: textArb.map((t) => `Plenaria · p01\n${t}`),
  category: fc.constantFrom('Plenaria', 'Lightning talk', 'Taller'),
}).map(({ length, category, ...e }): CalendarEvent => ({ ...e, end: e.start + length * minute, categories: [category], status: 'CONFIRMED' }));

describe('icalendar', () => {
  test('every event reads back as written: uid, title, times, room, description, category, status', () => {
    fc.assert(
      fc.property(textArb, fc.array(eventArb, { maxLength: 4 }), (name, events) => {
        const text = icalendar({ productId: '-//convene//publish//EN', method: 'PUBLISH', name }, events);
        expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname') ?? '').toBe(name.replace(/\n/g, ' '));
        expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75 * 4)).toBe(true);
        expect(readBack(text)).toEqual(events.map((e) => ({ uid: e.uid, title: e.title, start: e.start, end: e.end, location: e.location ?? '', description: e.description ?? '', categories: e.categories[0], status: e.status, stamp: e.stamp })));
      }),
      { seed: 15, numRuns: 200 },
    );
  });

  test('a 1 MB title is folded and read back whole', () => {
    const title = `${'T'.repeat(500_000)}${'é'.repeat(500_000)}`;
    const text = icalendar({ productId: '-//convene//publish//EN', method: 'PUBLISH', name: 'n' }, [
      { uid: 'a@convene', title, start: 0, end: 3_600_000, stamp: 0, location: 'r1', description: 'd', categories: ['Taller'], status: 'CONFIRMED' },
    ]);
    expect(readBack(text)[0]!.title).toBe(title);
  });

  test('control characters are dropped; a line break in the calendar’s name is a space, in an event’s text a line break', () => {
    const text = icalendar({ productId: '-//p', method: 'PUBLISH', name: 'a\u0000b\rc' }, [
      { uid: 'a@convene', title: 't\u0007\ru', start: 0, end: 3_600_000, stamp: 0, location: 'r1', description: 'd', categories: ['Taller'], status: 'CONFIRMED' },
    ]);
    expect(text).toContain('X-WR-CALNAME:ab c\r\n');
    expect(readBack(text)[0]!.title).toBe('t\nu');
  });
});
