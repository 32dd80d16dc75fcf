/**
 * The domain of convene: plain, readonly data read from an event folder.
 * Nothing here imports anything else of ours.
 *
 * Times are whole minutes since midnight of their `date` (YYYY-MM-DD, local
 * time of the event). Every record remembers the 1-based line of the CSV row it
 * came from, so later checks can point the user back at their spreadsheet.
 */

export type Minutes = number;

/**
 * program: items may be placed; plenary_only: only main-hall items (an
 * opening, a closing) while every other room waits; break: nothing.
 */
export const WINDOW_KINDS = ['program', 'plenary_only', 'break'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** Whether items may be placed in a window (of some format). */
export function isProgram(w: { readonly kind: WindowKind }): boolean {
  return w.kind !== 'break';
}

/** A row of calendar.csv: a stretch of a day where items may be placed, or a break. */
export type Window = {
  readonly date: string;
  readonly start: Minutes;
  readonly end: Minutes;
  readonly kind: WindowKind;
  readonly label: string;
  readonly line: number;
};

/** A row of rooms.csv. `kind` is free text; main_hall, lobby and classroom are the ones formats use. */
export type Room = {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly capacity: number;
  /** Simultaneous-translation booths. */
  readonly interpretation: boolean;
  /** What the room has (`projector`, `step-free`, ...), lower-case; an item goes only where everything it needs is. */
  readonly features: readonly string[];
  readonly line: number;
};

export const FORMATS = ['plenary', 'lightning', 'workshop'] as const;
export type Format = (typeof FORMATS)[number];

/** The kind of room each format needs. */
export const ROOM_KIND_OF: Readonly<Record<Format, string>> = {
  plenary: 'main_hall',
  lightning: 'lobby',
  workshop: 'classroom',
};

export const LEVELS = ['intro', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const SOURCES = ['registration', 'call', 'committee'] as const;
export type Source = (typeof SOURCES)[number];

/** Any subset of a date, a start time and a room that an item must keep. */
export type Pin = {
  readonly date?: string;
  readonly start?: Minutes;
  readonly room?: string;
};

/** A row of themes.csv: one submitted program item. */
export type Item = {
  readonly id: string;
  readonly title: string;
  readonly format: Format;
  /** Minutes. */
  readonly duration: Minutes;
  /** Empty for an item nobody in speakers.csv gives (an open session): no speaker rule applies. */
  readonly speakers: readonly string[];
  readonly themes: readonly string[];
  /** '' when not given: the item is in no language's clashes. */
  readonly language: string;
  /** null when not given; a workshop of unknown level is neither intro nor advanced. */
  readonly level: Level | null;
  /**
   * Expected headcount; null when not known. An unknown audience fits any
   * room of the item's kind and counts as 0 for goals that weigh audiences.
   */
  readonly audience: number | null;
  readonly country: string;
  readonly source: Source | null;
  readonly score: number | null;
  /** Allowed room ids; empty means every room of the format's kind. */
  readonly rooms: readonly string[];
  readonly pin: Pin;
  /** Nothing else runs, in any room, while it does (an opening, a keynote). */
  readonly exclusive: boolean;
  /** Minutes its room is taken before it starts and after it ends (laptops set out, cleared away). */
  readonly setup: Minutes;
  readonly teardown: Minutes;
  /** Items that must end before this one starts (an introduction before its follow-up). */
  readonly after: readonly string[];
  /** Room features it needs, lower-case (see Room.features). */
  readonly needs: readonly string[];
  readonly line: number;
};

/** The audience goals weigh (room size, theme clashes): an unknown one counts as 0. */
export function weighedAudience(item: Item): number {
  return item.audience ?? 0;
}

export const SECTORS = [
  'government',
  'civil_society',
  'irm',
  'academia',
  'private',
  'multilateral',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** A row of speakers.csv. */
export type Speaker = {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  /** null when not given: sorts after every known sector. */
  readonly sector: Sector | null;
  readonly country: string;
  readonly languages: readonly string[];
  readonly line: number;
};

/**
 * unavailable / available bound when a who may be used (hard rules);
 * preferred / avoid are wishes (soft goals, weighed in the objective).
 */
export const AVAILABILITY_STATUSES = ['unavailable', 'available', 'preferred', 'avoid'] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

/** A row of availability.csv; `who` is a speaker, room or item id. */
export type AvailabilityRow = {
  readonly who: string;
  readonly date: string;
  readonly start: Minutes;
  readonly end: Minutes;
  readonly status: AvailabilityStatus;
  readonly line: number;
};

/** A row of favourites.csv: one registrant wants to attend one item (a registration form's or an app's stars). */
export type Favourite = { readonly registrant: string; readonly item: string; readonly line: number };

/** A row of members.csv: a member country of the region, whose lightning talks the report checks. */
export type Member = { readonly country: string; readonly name: string; readonly line: number };

/** Everything read from one event folder, validated and cross-referenced. */
export type Event = {
  readonly calendar: readonly Window[];
  readonly rooms: readonly Room[];
  readonly items: readonly Item[];
  readonly speakers: readonly Speaker[];
  readonly availability: readonly AvailabilityRow[];
  /** Empty without favourites.csv. */
  readonly favourites: readonly Favourite[];
  /** Empty without members.csv. */
  readonly members: readonly Member[];
};

/** Where one item runs. `end` is always `start + duration` of the item. */
export type Assignment = {
  readonly item: string;
  readonly room: string;
  readonly date: string;
  readonly start: Minutes;
  readonly end: Minutes;
};

export type Schedule = readonly Assignment[];
