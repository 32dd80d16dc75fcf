/**
 * What every published file is made from: the event and its checked schedule
 * joined once, the reader's labels, and the file names allotted to ids.
 */
import type { Event, Item, Schedule, Speaker } from '../../domain/types.js';
import { placements, type PlacedItem } from '../placements.js';
import { labelsFor, type Labels, type Lang } from './labels.js';
import { allotStems, fileStems } from './names.js';
import { compareText } from '../../domain/compare.js';

export type PublishOptions = {
  /** The conference's name, shown in every file. */
  readonly title: string;
  /** A short name (frab's `acronym`); also part of every iCal UID and JSON guid. */
  readonly acronym: string;
  /** IANA time zone the calendar's wall-clock times are in. */
  readonly zone: string;
  readonly lang: Lang;
  /**
   * DTSTAMP of every iCal event, in ms since 1970. The caller decides (the
   * CLI uses SOURCE_DATE_EPOCH when set, for byte-identical re-runs), so
   * render never reads the clock.
   */
  readonly stamp: number;
  /** Absolute URL the site will be served from; frab's base_url and event urls. Null: relative urls. */
  readonly baseUrl: string | null;
};

export type PublishContext = {
  readonly event: Event;
  readonly options: PublishOptions;
  readonly labels: Labels;
  /** Every placement, by date, start, room id, item id. */
  readonly all: readonly PlacedItem[];
  readonly speakers: ReadonlyMap<string, Speaker>;
  /** Stems of ics/<id>.ics, keyed `speaker:<id>` and `room:<id>`: the two share the folder, so one allotment. */
  readonly icsStems: ReadonlyMap<string, string>;
  readonly speakerStems: ReadonlyMap<string, string>;
  readonly roomStems: ReadonlyMap<string, string>;
  /** `item-<stem>`: the HTML anchor of each item. */
  readonly anchors: ReadonlyMap<string, string>;
};

export function publishContext(event: Event, schedule: Schedule, options: PublishOptions): PublishContext {
  const speakerIds = event.speakers.map((s) => s.id);
  const roomIds = event.rooms.map((r) => r.id);
  const itemStems = fileStems(event.items.map((i) => i.id));
  return {
    event,
    options,
    labels: labelsFor(options.lang),
    all: placements(event, schedule),
    speakers: new Map(event.speakers.map((s) => [s.id, s] as const)),
    icsStems: allotStems([...speakerIds.map((id) => [`speaker:${id}`, id] as const), ...roomIds.map((id) => [`room:${id}`, id] as const)]),
    speakerStems: fileStems(speakerIds),
    roomStems: fileStems(roomIds),
    anchors: new Map([...itemStems].map(([id, stem]) => [id, `item-${stem}`] as const)),
  };
}

/** The item's speakers' names in the item's own order (lead speaker first); an unknown id is shown as itself. */
export function speakerNames(ctx: PublishContext, item: Item): readonly string[] {
  return item.speakers.map((id) => ctx.speakers.get(id)?.name ?? id);
}

/** Placements of one speaker, in program order. */
export function placementsOfSpeaker(ctx: PublishContext, speakerId: string): readonly PlacedItem[] {
  return ctx.all.filter((p) => p.item.speakers.includes(speakerId));
}

/** Dates that have a calendar window or a placement, sorted. */
export function programDates(ctx: PublishContext): readonly string[] {
  return [...new Set([...ctx.event.calendar.map((w) => w.date), ...ctx.all.map((p) => p.assignment.date)])].sort(compareText);
}

/** Where the site's page for an item is: relative, or absolute under baseUrl. */
export function itemUrl(ctx: PublishContext, itemId: string): string {
  const path = `index.html#${ctx.anchors.get(itemId) ?? ''}`;
  return ctx.options.baseUrl ? new URL(path, ctx.options.baseUrl).href : path;
}
