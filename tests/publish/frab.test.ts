import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Event, Schedule } from '../../src/domain/types.js';
import { publishFiles } from '../../src/render/publish/index.js';
import { OPTIONS, ogp } from './fixture.js';

/**
 * The frab/pretalx schedule JSON, as conference apps read it
 * (after https://c3voc.de/schedule/schema.json). Extra keys are allowed, as there.
 */
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const isoWithOffset = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
// `code` is pretalx's string id; frab has none, so it is optional (we always write it: our own ids).
const person = z.object({ id: z.number().int().positive(), code: z.string().optional(), public_name: z.string().min(1) });
const frabEvent = z.object({
  guid: uuid,
  id: z.number().int().positive(),
  code: z.string().optional(),
  date: isoWithOffset,
  start: hhmm,
  duration: hhmm,
  room: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  url: z.string(),
  title: z.string().min(1),
  subtitle: z.string(),
  track: z.string().min(1),
  type: z.string().min(1),
  language: z.string().min(2),
  abstract: z.string(),
  description: z.string(),
  persons: z.array(person),
  links: z.array(z.object({ url: z.string(), title: z.string() })),
  attachments: z.array(z.unknown()),
});
export const frabSchedule = z.object({
  $schema: z.string().optional(),
  generator: z.object({ name: z.string(), version: z.string().optional() }).optional(),
  schedule: z.object({
    version: z.string().min(1),
    base_url: z.string().url().optional(),
    conference: z.object({
      acronym: z.string().regex(/^[a-z0-9_-]+$/),
      title: z.string().min(1),
      start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      daysCount: z.number().int().positive(),
      timeslot_duration: hhmm,
      time_zone_name: z.string().min(1),
      rooms: z.array(z.object({ name: z.string().min(1), guid: uuid, capacity: z.number().int().optional() })),
      tracks: z.array(z.object({ name: z.string(), color: z.string().regex(/^#[0-9a-f]{6}$/) })),
      days: z.array(
        z.object({
          index: z.number().int().positive(),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          day_start: isoWithOffset,
          day_end: isoWithOffset,
          rooms: z.record(z.string(), z.array(frabEvent)),
        }),
      ),
    }),
  }),
});
type Frab = z.infer<typeof frabSchedule>;

let event: Event;
let schedule: Schedule;
let doc: Frab;

beforeAll(async () => {
  ({ event, schedule } = await ogp());
  doc = frabSchedule.parse(JSON.parse(publishFiles(event, schedule, OPTIONS)['schedule.json'] ?? ''));
});

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

describe('schedule.json', () => {
  test('validates against the frab schema', () => {
    expect(doc.schedule.conference.daysCount).toBe(2);
    expect(doc.schedule.conference.days.map((d) => d.index)).toEqual([1, 2]);
    expect(doc.schedule.conference.time_zone_name).toBe('America/Costa_Rica');
  });

  test('every placed item appears once, on its day, under its room, with its start, duration and offset', () => {
    const seen = new Map<string, { date: string; room: string; ev: Frab['schedule']['conference']['days'][number]['rooms'][string][number] }>();
    for (const day of doc.schedule.conference.days) {
      for (const [room, list] of Object.entries(day.rooms)) {
        for (const ev of list) {
          expect(ev.room).toBe(room);
          const code = ev.code ?? '';
          expect(seen.has(code), code).toBe(false);
          seen.set(code, { date: day.date, room, ev });
        }
      }
    }
    expect(seen.size).toBe(schedule.length);
    for (const a of schedule) {
      const got = seen.get(a.item);
      const item = event.items.find((i) => i.id === a.item);
      expect(got?.date).toBe(a.date);
      expect(got?.room).toBe(event.rooms.find((r) => r.id === a.room)?.name);
      expect(minutes(got?.ev.start ?? '')).toBe(a.start);
      expect(minutes(got?.ev.duration ?? '')).toBe(a.end - a.start);
      expect(got?.ev.date).toBe(`${a.date}T${got?.ev.start}:00-06:00`);
      expect(got?.ev.title).toBe(item?.title);
      expect(got?.ev.language).toBe(item?.language);
      expect(got?.ev.persons.map((p) => p.code)).toEqual(item?.speakers);
    }
  });

  test('guids and integer ids are unique and do not change with the input order', () => {
    const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(new Set(events.map((e) => e.guid)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const again = publishFiles({ ...event, items: [...event.items].reverse() }, [...schedule].reverse(), OPTIONS);
    expect(again['schedule.json']).toBe(publishFiles(event, schedule, OPTIONS)['schedule.json']);
  });

  test('rooms sharing a name stay apart (frab keys rooms by name)', () => {
    const rooms = event.rooms.map((r) => (r.id === 'c2' ? { ...r, name: 'Aula 1 – Sala Guanacaste' } : r));
    const twin = frabSchedule.parse(JSON.parse(publishFiles({ ...event, rooms }, schedule, OPTIONS)['schedule.json'] ?? ''));
    const names = twin.schedule.conference.rooms.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Aula 1 – Sala Guanacaste (c1)');
  });

  test('base_url and absolute event urls only when a base URL is given', () => {
    expect(doc.schedule.base_url).toBeUndefined();
    const withBase = frabSchedule.parse(
      JSON.parse(publishFiles(event, schedule, { ...OPTIONS, baseUrl: 'https://example.org/ogp/' })['schedule.json'] ?? ''),
    );
    expect(withBase.schedule.base_url).toBe('https://example.org/ogp/');
    const first = Object.values(withBase.schedule.conference.days[0]?.rooms ?? {})[0]?.[0];
    expect(first?.url).toMatch(/^https:\/\/example\.org\/ogp\/index\.html#item-/);
  });
});
