import ICAL from 'ical.js';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Event, Schedule } from '../../src/domain/types.js';
import { itemUid, publishFiles } from '../../src/render/publish/index.js';
import { costaRicaInstant, ogp, OPTIONS } from './fixture.js';

type Parsed = { uid: string; summary: string; start: number; end: number; location: string };

function parseIcs(text: string): readonly Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const ev = new ICAL.Event(v);
    return {
      uid: ev.uid,
      summary: ev.summary,
      start: ev.startDate.toJSDate().getTime(),
      end: ev.endDate.toJSDate().getTime(),
      location: ev.location,
    };
  });
}

let event: Event;
let schedule: Schedule;
let files: Readonly<Record<string, string>>;

beforeAll(async () => {
  ({ event, schedule } = await ogp());
  files = publishFiles(event, schedule, OPTIONS);
});

describe('program.ics', () => {
  test('parses back to one event per placed item, with the same title, times and room', () => {
    const parsed = parseIcs(files['program.ics'] ?? '');
    expect(parsed).toHaveLength(schedule.length);
    const byUid = new Map(parsed.map((p) => [p.uid, p] as const));
    for (const a of schedule) {
      const item = event.items.find((i) => i.id === a.item);
      const room = event.rooms.find((r) => r.id === a.room);
      const got = byUid.get(itemUid(OPTIONS.acronym, a.item));
      expect(got, a.item).toBeDefined();
      expect(got?.summary).toBe(item?.title);
      expect(got?.start).toBe(costaRicaInstant(a.date, a.start));
      expect(got?.end).toBe(costaRicaInstant(a.date, a.end));
      expect(got?.location).toContain(room?.name ?? '?');
    }
  });

  test('times are written in UTC, the opening at 09:00 in San José is 15:00Z', () => {
    expect(files['program.ics']).toContain('DTSTART:20141119T150000Z');
  });

  test('UIDs are stable and DTSTAMP comes from the options, so a re-publish is byte-identical', () => {
    expect(publishFiles(event, schedule, OPTIONS)).toEqual(files);
    expect(files['program.ics']).toContain('DTSTAMP:20141101T120000Z');
    expect(files['program.ics']).toContain('UID:p01.ogp-americas-2014@convene');
    expect(files['program.ics']).not.toContain('adamgibbons');
  });

  test('the schedule order of the input does not change the output', () => {
    expect(publishFiles(event, [...schedule].reverse(), OPTIONS)).toEqual(files);
  });
});

describe('per-speaker and per-room calendars', () => {
  test('each speaker calendar holds exactly that speaker’s items', () => {
    for (const s of event.speakers) {
      const text = files[`ics/${s.id}.ics`];
      expect(text, s.id).toBeDefined();
      const uids = parseIcs(text ?? '').map((p) => p.uid).sort();
      const expected = schedule
        .filter((a) => event.items.find((i) => i.id === a.item)?.speakers.includes(s.id))
        .map((a) => itemUid(OPTIONS.acronym, a.item))
        .sort();
      expect(uids, s.id).toEqual(expected);
    }
  });

  test('each room calendar holds exactly the items in that room, at the same times', () => {
    for (const r of event.rooms) {
      const parsed = parseIcs(files[`ics/${r.id}.ics`] ?? '');
      const here = schedule.filter((a) => a.room === r.id);
      expect(parsed.length, r.id).toBe(here.length);
      for (const a of here) {
        const got = parsed.find((p) => p.uid === itemUid(OPTIONS.acronym, a.item));
        expect(got?.start).toBe(costaRicaInstant(a.date, a.start));
      }
    }
  });

  test('a zone with daylight saving: times follow the offset of their own date', () => {
    const [a] = schedule;
    if (!a) throw new Error('empty schedule');
    const summer = { ...a, date: '2014-07-01', start: 9 * 60, end: 10 * 60 };
    const winter = { ...a, date: '2014-12-01', start: 9 * 60, end: 10 * 60 };
    const one = (s: typeof a) =>
      parseIcs(publishFiles(event, [s], { ...OPTIONS, zone: 'America/New_York' })['program.ics'] ?? '')[0]?.start;
    expect(one(summer)).toBe(Date.UTC(2014, 6, 1, 13, 0));
    expect(one(winter)).toBe(Date.UTC(2014, 11, 1, 14, 0));
  });
});

describe('text that iCal must escape', () => {
  test('commas, semicolons, backslashes, line breaks and long titles survive the round trip', async () => {
    const { event: e, schedule: s } = await import('../render/fixture.js');
    const title = 'Budgets; data, and \\ "quotes"\nsecond line — ¿sí? '.repeat(3);
    const evil = { ...e, items: e.items.map((i) => (i.id === 'p03' ? { ...i, title } : i)) };
    const text = publishFiles(evil, s, OPTIONS)['program.ics'] ?? '';
    // Long lines are folded at 75 octets (RFC 5545), continued with a space.
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    const got = parseIcs(text).find((p) => p.uid === itemUid(OPTIONS.acronym, 'p03'));
    expect(got?.summary).toBe(title);
  });
});
