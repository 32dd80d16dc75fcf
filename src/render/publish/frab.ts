/**
 * schedule.json in the frab/pretalx "schedule JSON" shape
 * (https://c3voc.de/schedule/schema.json), which conference apps such as
 * Giggity and ConfClerk load. Ids and guids are derived from our string ids by
 * hashing, so they stay the same across re-publishes.
 */
import { createHash } from 'node:crypto';
import { formatTime } from '../../domain/time.js';
import type { Item, Room } from '../../domain/types.js';
import { compareRoomsForGrid } from '../order.js';
import type { PlacedItem } from '../placements.js';
import { itemUrl, programDates, speakerNames, type PublishContext } from './context.js';
import { languageName } from './labels.js';
import { isoLocal } from './zone.js';
import { compareText } from '../../domain/compare.js';

export const FRAB_SCHEMA_URL = 'https://c3voc.de/schedule/schema.json';

/** A name-based UUID (version 5 layout over SHA-1), stable for the same text. */
export function stableUuid(text: string): string {
  const h = createHash('sha1').update(`convene:${text}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * frab wants integer ids. Each string id gets a number from its hash; on the
 * (unlikely) clash the later id in code-unit order takes the next free number.
 */
export function integerIds(ids: Iterable<string>, kind: string): ReadonlyMap<string, number> {
  const used = new Set<number>();
  const out = new Map<string, number>();
  for (const id of [...new Set(ids)].sort(compareText)) {
    let n = (parseInt(createHash('sha1').update(`${kind}:${id}`).digest('hex').slice(0, 7), 16) % 99_999_999) + 1;
    while (used.has(n)) n += 1;
    used.add(n);
    out.set(id, n);
  }
  return out;
}

/** "HH:MM" of a number of minutes (durations may pass 24 h in theory, so no wrap). */
function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** frab keys rooms by name, so two rooms with one name are told apart by id. */
function roomKeys(rooms: readonly Room[]): ReadonlyMap<string, string> {
  const count = new Map<string, number>();
  for (const r of rooms) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return new Map(rooms.map((r) => [r.id, (count.get(r.name) ?? 0) > 1 ? `${r.name} (${r.id})` : r.name] as const));
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function description(ctx: PublishContext, item: Item, room: Room): string {
  const l = ctx.labels;
  return [
    ...(item.language !== '' ? [`${l.language}: ${languageName(l, item.language)}`] : []),
    ...(item.level ? [`${l.levelLabel}: ${l.level[item.level]}`] : []),
    ...(room.interpretation ? [l.interpretation] : []),
    ...(item.themes.length > 0 ? [`${l.themes}: ${item.themes.join(', ')}`] : []),
    `${l.country}: ${item.country}`,
  ].join('\n');
}

export function scheduleJson(ctx: PublishContext): string {
  const { event, options, labels } = ctx;
  const zone = options.zone;
  const rooms = [...event.rooms].sort(compareRoomsForGrid);
  const keys = roomKeys(rooms);
  const eventIds = integerIds(event.items.map((i) => i.id), 'item');
  const personIds = integerIds(event.speakers.map((s) => s.id), 'speaker');
  const dates = programDates(ctx);

  const parseEvent = ({ assignment: a, item, room }: PlacedItem) => ({
    guid: stableUuid(`${options.acronym}/item/${item.id}`),
    id: eventIds.get(item.id) ?? 0,
    code: item.id,
    date: isoLocal(a.date, a.start, zone),
    start: formatTime(a.start),
    duration: hhmm(a.end - a.start),
    room: keys.get(room.id) ?? room.name,
    slug: `${slugify(options.acronym)}-${slugify(item.id)}-${slugify(item.title)}`.replace(/-+$/, ''),
    url: itemUrl(ctx, item.id),
    title: item.title,
    subtitle: '',
    track: labels.format[item.format],
    type: item.format,
    language: item.language,
    abstract: '',
    description: description(ctx, item, room),
    persons: item.speakers.map((id, i) => ({
      id: personIds.get(id) ?? 0,
      code: id,
      public_name: speakerNames(ctx, item)[i] ?? id,
    })),
    links: [] as const,
    attachments: [] as const,
  });

  const days = dates.map((date, index) => {
    const windows = event.calendar.filter((w) => w.date === date);
    const day = ctx.all.filter((p) => p.assignment.date === date);
    const starts = [...windows.map((w) => w.start), ...day.map((p) => p.assignment.start)];
    const ends = [...windows.map((w) => w.end), ...day.map((p) => p.assignment.end)];
    const byRoom: Record<string, unknown[]> = {};
    for (const r of rooms) {
      const list = day.filter((p) => p.room.id === r.id);
      if (list.length > 0) byRoom[keys.get(r.id) ?? r.name] = list.map(parseEvent);
    }
    return {
      index: index + 1,
      date,
      day_start: isoLocal(date, starts.reduce((m, x) => Math.min(m, x), Infinity), zone),
      day_end: isoLocal(date, ends.reduce((m, x) => Math.max(m, x), -Infinity), zone),
      rooms: byRoom,
    };
  });

  const conference = {
    acronym: options.acronym,
    title: options.title,
    start: dates[0] ?? '',
    end: dates[dates.length - 1] ?? '',
    daysCount: dates.length,
    timeslot_duration: '00:05',
    time_zone_name: zone,
    rooms: rooms.map((r) => ({
      name: keys.get(r.id) ?? r.name,
      guid: stableUuid(`${options.acronym}/room/${r.id}`),
      description: r.interpretation ? labels.interpretation : '',
      capacity: r.capacity,
    })),
    tracks: (['plenary', 'lightning', 'workshop'] as const).map((f) => ({ name: labels.format[f], color: TRACK_COLORS[f] })),
    days,
  };
  // The version changes exactly when the content does, so an app can tell a new program from a re-publish.
  const version = createHash('sha1').update(JSON.stringify(conference)).digest('hex').slice(0, 12);
  const doc = {
    $schema: FRAB_SCHEMA_URL,
    generator: { name: 'convene' },
    schedule: {
      version,
      ...(options.baseUrl ? { base_url: options.baseUrl } : {}),
      conference,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The same colours as the HTML agenda's tracks. */
export const TRACK_COLORS = { plenary: '#1f5fa8', lightning: '#b7791f', workshop: '#2f855a' } as const;
