/**
 * The data of seat allocation: registrants, unconference sessions, the
 * preferences people ranked, and the workshops with their scheduled times.
 * Plain readonly records; every one remembers the CSV line it came from.
 */
import type { Session } from './session.js';
import type { Minutes, Sector } from './types.js';

export const EVENT_NAMES = ['datacamp', 'civil_society_day', 'focal_point', 'regional_meeting'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const ROLES = ['facilitator', 'note_taker'] as const;
export type Role = (typeof ROLES)[number];

/** A row of registrations.csv. */
export type Registrant = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly organization: string;
  /** null when not given: admitted in the last tier, with the sectors --tiers leaves out. */
  readonly sector: Sector | null;
  readonly country: string;
  readonly registeredAt: string;
  readonly events: readonly EventName[];
  /** The roles this person volunteers for at the unconference. */
  readonly roles: readonly Role[];
  readonly pointOfContact: boolean;
  readonly line: number;
};


/** A row of preferences.csv. `session` is an unconference session id or a workshop item id. */
export type Preference = {
  readonly registrant: string;
  readonly session: string;
  /** 1 = first choice. Only the order of one person's ranks within one block (or workshop group) matters. */
  readonly rank: number;
  readonly line: number;
};

/** A workshop as scheduled: its room gives its places. */
export type Workshop = {
  readonly id: string;
  readonly title: string;
  readonly room: string;
  readonly capacity: number;
  readonly date: string;
  readonly start: Minutes;
  readonly end: Minutes;
};

export type AllocationInput = {
  readonly registrants: readonly Registrant[];
  readonly sessions: readonly Session[];
  readonly preferences: readonly Preference[];
  /** Empty when no schedule was given; workshop preferences are then reported as not allocated. */
  readonly workshops: readonly Workshop[];
  /** Workshop item ids known from themes.csv (scheduled or not). */
  readonly workshopIds: readonly string[];
};

export const MECHANISMS = ['da', 'rank-maximal'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export type AllocationOptions = {
  /** Civil Society Day places (roles included). */
  readonly places: number;
  /** Sectors in admission order; sectors not named share one last tier. */
  readonly tiers: readonly Sector[];
  readonly mechanism: Mechanism;
  /**
   * The lottery key of a registrant id: any string that sorts the draw
   * (io computes the hex SHA-256 of `${seed}:${id}`). It must depend on the
   * seed and the id alone; equal keys fall back to the id.
   */
  readonly lotteryKey: (id: string) => string;
};

export const DEFAULT_TIERS: readonly Sector[] = [
  'civil_society',
  'irm',
  'academia',
  'multilateral',
  'private',
  'other',
  'government',
];
