/**
 * A row of unconference.csv: one session of the Civil Society Day
 * unconference. Shared by the allocation (which seats people) and the
 * published session pages.
 */
export type Session = {
  readonly id: string;
  readonly title: string;
  /** Sessions of one block run at the same time. */
  readonly block: string;
  /** Seats, roles included. */
  readonly capacity: number;
  readonly room: string;
  /** Registrant ids the organisers already chose; null when the allocation should pick one. */
  readonly facilitator: string | null;
  readonly noteTaker: string | null;
  readonly line: number;
};

/** The roles of a roster row (rosters.csv, as `convene allocate` writes it). */
export const ROSTER_ROLES = ['facilitator', 'note_taker', 'attendee'] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];

/** One row of rosters.csv. */
export type RosterRow = {
  readonly session: string;
  readonly registrant: string;
  readonly name: string;
  readonly organization: string;
  readonly role: RosterRole;
};
