import fc from 'fast-check';
import { createEvents, type EventAttributes } from 'ics';
import { describe, expect, test } from 'vitest';
import { fold, icalendar, type CalendarEvent } from '../../src/render/publish/icalendar.js';

/** What src/render/publish/ical.ts handed the `ics` package before convene wrote iCalendar itself. */
function viaIcs(name: string, events: readonly CalendarEvent[]): string {
  const utc = (ms: number): [number, number, number, number, number] => {
    const d = new Date(ms);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  };
  const { error, value } = createEvents(
    events.map((e) =>
      Object.assign(
        {
          uid: e.uid,
          title: e.title,
          start: utc(e.start),
          startInputType: 'utc',
          startOutputType: 'utc',
          end: utc(e.end),
          endInputType: 'utc',
          endOutputType: 'utc',
          location: e.location,
          description: e.description,
          categories: [...e.categories],
          status: e.status,
        } satisfies EventAttributes,
        { timestamp: e.stamp },
      ),
    ),
    { productId: '-//convene//publish//EN', method: 'PUBLISH', calName: name },
  );
  if (error || value === null) throw error ?? new Error('no output');
  return value;
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
  test('writes byte for byte what the ics package wrote', () => {
    fc.assert(
      fc.property(textArb, fc.array(eventArb, { maxLength: 4 }), (name, events) => {
        expect(icalendar({ productId: '-//convene//publish//EN', method: 'PUBLISH', name }, events)).toBe(viaIcs(name, events));
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  test('folds a 1 MB line into lines of 75 and then 74 characters, losing nothing', () => {
    const line = `SUMMARY:${'T'.repeat(1_000_000)}`;
    const folded = fold(line).split('\r\n\t');
    expect(folded[0]).toHaveLength(75);
    expect(folded.slice(1, -1).every((l) => l.length === 74)).toBe(true);
    expect(folded.join('')).toBe(line);
  });

  test('never splits an emoji made of several code points, nor a surrogate pair', () => {
    const line = `SUMMARY:${'👩🏽‍💻'.repeat(200)}`;
    for (const part of fold(line).split('\r\n\t')) expect(part.slice(8 * (part.startsWith('SUMMARY:') ? 1 : 0)).startsWith('👩🏽‍💻')).toBe(true);
  });

  test('control characters are dropped and a lone CR is a line break, where ics wrote them raw', () => {
    const text = icalendar({ productId: 'p', method: 'PUBLISH', name: 'a\u0000b\rc' }, []);
    expect(text).toContain('X-WR-CALNAME:ab\\nc\r\n');
  });
});
