/** Hand-made events for tests: compact builders with sensible defaults. */
import type { AvailabilityRow, Event, Item, Room, Speaker, Window } from '../../src/domain/types.js';
import { parseTime } from '../../src/domain/time.js';

const t = (s: string): number => {
  const v = parseTime(s);
  if (v === null) throw new Error(`bad time ${s}`);
  return v;
};

export function win(date: string, start: string, end: string, kind: Window['kind'] = 'program', label = ''): Window {
  return { date, start: t(start), end: t(end), kind, label: label || kind, line: 0 };
}

export function room(id: string, kind: string, capacity = 100, interpretation = kind === 'main_hall', features: readonly string[] = []): Room {
  return { id, name: `Room ${id}`, kind, capacity, interpretation, features, line: 0 };
}

export function item(id: string, format: Item['format'], duration: number, speakers: string[], extra: Partial<Item> = {}): Item {
  return {
    id,
    title: `Title ${id}`,
    format,
    duration,
    speakers,
    themes: [],
    language: 'es',
    level: format === 'workshop' ? 'intro' : null,
    audience: 10,
    country: '',
    source: null,
    score: null,
    rooms: [],
    pin: {},
    exclusive: false,
    setup: 0,
    teardown: 0,
    after: [],
    needs: [],
    line: 0,
    ...extra,
  };
}

export function speaker(id: string, extra: Partial<Speaker> = {}): Speaker {
  return { id, name: `Speaker ${id}`, organization: 'Org', sector: 'civil_society', country: 'CR', languages: ['es'], line: 0, ...extra };
}

export function avail(who: string, date: string, start: string, end: string, status: AvailabilityRow['status'] = 'unavailable'): AvailabilityRow {
  return { who, date, start: t(start), end: t(end), status, line: 0 };
}

/** An event whose speakers are derived from the items unless given. */
export function event(parts: Partial<Event> & { items: readonly Item[] }): Event {
  const ids = [...new Set(parts.items.flatMap((i) => i.speakers))].sort();
  return {
    calendar: parts.calendar ?? [win('2014-11-19', '09:00', '13:00')],
    rooms: parts.rooms ?? [room('mh', 'main_hall'), room('lobby', 'lobby'), room('c1', 'classroom'), room('c2', 'classroom')],
    items: parts.items,
    speakers: parts.speakers ?? ids.map((id) => speaker(id)),
    availability: parts.availability ?? [],
    favourites: parts.favourites ?? [],
    members: parts.members ?? [],
  };
}

export { t as minutes };
