/**
 * program.ics and one calendar per speaker and per room (./icalendar.ts
 * writes the text). Times are written in UTC (computed from the event's
 * zone): a floating local time would move with the phone that reads it, and
 * UTC needs no VTIMEZONE block. UIDs depend only on the acronym and item id,
 * so importing a re-published file updates events instead of duplicating them.
 */
import type { PlacedItem } from '../placements.js';
import { languageName } from './labels.js';
import { itemUrl, placementsOfSpeaker, speakerNames, type PublishContext } from './context.js';
import { stemOf } from './names.js';
import { icalendar, type CalendarEvent } from './icalendar.js';
import { zonedInstant } from './zone.js';

/** `p01.ogp@convene`: the same in every file that holds the item. */
export function itemUid(acronym: string, itemId: string): string {
  return `${itemId}.${acronym}@convene`;
}

/** One VEVENT per placement. */
function eventOf(ctx: PublishContext, p: PlacedItem): CalendarEvent {
  const { assignment: a, item, room } = p;
  const { labels, options } = ctx;
  const zone = options.zone;
  const details = [
    `${labels.format[item.format]} · ${item.id}`,
    ...(item.speakers.length > 0 ? [`${labels.speakers}: ${speakerNames(ctx, item).join(', ')}`] : []),
    ...(item.language !== '' ? [`${labels.language}: ${languageName(labels, item.language)}`] : []),
    ...(item.level ? [`${labels.levelLabel}: ${labels.level[item.level]}`] : []),
    ...(room.interpretation ? [labels.interpretation] : []),
    itemUrl(ctx, item.id),
  ];
  return {
    uid: itemUid(options.acronym, item.id),
    title: item.title,
    start: zonedInstant(a.date, a.start, zone),
    end: zonedInstant(a.date, a.end, zone),
    stamp: options.stamp,
    location: `${room.name} (${room.id})`,
    description: details.join('\n'),
    categories: [labels.format[item.format]],
    status: 'CONFIRMED',
  };
}

/** One VCALENDAR of the given placements. */
export function calendar(ctx: PublishContext, name: string, list: readonly PlacedItem[]): string {
  return icalendar({ productId: '-//convene//publish//EN', method: 'PUBLISH', name }, list.map((p) => eventOf(ctx, p)));
}

/** program.ics, ics/<speaker>.ics for every speaker, ics/<room>.ics for every room (empty calendars included, so links never break). */
export function icsFiles(ctx: PublishContext): Readonly<Record<string, string>> {
  const { event, options } = ctx;
  const files: Record<string, string> = { 'program.ics': calendar(ctx, options.title, ctx.all) };
  for (const s of event.speakers) {
    files[`ics/${stemOf(ctx.icsStems, `speaker:${s.id}`)}.ics`] = calendar(ctx, `${options.title} — ${s.name}`, placementsOfSpeaker(ctx, s.id));
  }
  for (const r of event.rooms) {
    files[`ics/${stemOf(ctx.icsStems, `room:${r.id}`)}.ics`] = calendar(
      ctx,
      `${options.title} — ${r.name}`,
      ctx.all.filter((p) => p.room.id === r.id),
    );
  }
  return files;
}
