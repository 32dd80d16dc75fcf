/**
 * program.ics and one calendar per speaker and per room, written with the
 * `ics` package. Times are written in UTC (computed from the event's zone),
 * because `ics` cannot write a VTIMEZONE and a floating local time would move
 * with the phone that reads it. UIDs depend only on the acronym and item id,
 * so importing a re-published file updates events instead of duplicating them.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { PlacedItem } from '../placements.js';
import { languageName } from './labels.js';
import { itemUrl, placementsOfSpeaker, speakerNames, type PublishContext } from './context.js';
import { stemOf } from './names.js';
import { utcParts, zonedInstant } from './zone.js';

/** `p01.ogp@convene`: the same in every file that holds the item. */
export function itemUid(acronym: string, itemId: string): string {
  return `${itemId}.${acronym}@convene`;
}

/** One VEVENT per placement. */
function parseEvent(ctx: PublishContext, p: PlacedItem): EventAttributes {
  const { assignment: a, item, room } = p;
  const { labels, options } = ctx;
  const zone = options.zone;
  const details = [
    `${labels.format[item.format]} · ${item.id}`,
    `${labels.speakers}: ${speakerNames(ctx, item).join(', ')}`,
    `${labels.language}: ${languageName(labels, item.language)}`,
    ...(item.level ? [`${labels.levelLabel}: ${labels.level[item.level]}`] : []),
    ...(room.interpretation ? [labels.interpretation] : []),
    itemUrl(ctx, item.id),
  ];
  const attributes: EventAttributes = {
    uid: itemUid(options.acronym, item.id),
    title: item.title,
    start: utcParts(zonedInstant(a.date, a.start, zone)),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(zonedInstant(a.date, a.end, zone)),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: `${room.name} (${room.id})`,
    description: details.join('\n'),
    categories: [labels.format[item.format]],
    status: 'CONFIRMED',
  };
  // `timestamp` (DTSTAMP) is accepted by ics's schema but missing from its types;
  // without it ics stamps the current time and no two runs would match.
  return Object.assign(attributes, { timestamp: options.stamp });
}

/** One VCALENDAR of the given placements; throws if ics refuses the data (a bug: input was validated). */
export function calendar(ctx: PublishContext, name: string, list: readonly PlacedItem[]): string {
  const { error, value } = createEvents(
    list.map((p) => parseEvent(ctx, p)),
    { productId: '-//convene//publish//EN', method: 'PUBLISH', calName: name },
  );
  if (error || value === null) throw new Error(`publish: could not write the calendar "${name}": ${error?.message ?? 'no output'}`);
  return value;
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
