/**
 * The Civil Society Day unconference as `convene agenda` sees it: proposals
 * made on the morning, the interest people marked, the day's blocks and the
 * spaces, and the agenda that places proposals into (block, space). Plain
 * readonly records; nothing here imports anything else of ours but the time type.
 */
import type { Minutes } from './types.js';

/** A row of proposals.csv. */
export type Proposal = {
  readonly id: string;
  readonly title: string;
  /** Registrant ids, at least one; the first facilitates unless `facilitator` is given. */
  readonly proposers: readonly string[];
  readonly language: string;
  readonly description: string;
  /** The facilitator: the `facilitator` cell, or the first proposer. */
  readonly facilitator: string;
  /** A note-taker the proposers chose; null when one is to be found among the volunteers. */
  readonly noteTaker: string | null;
  /** The fewest seats the session's space must have (0: any space). */
  readonly minSize: number;
  readonly pinBlock: string | null;
  readonly pinSpace: string | null;
  /** Proposals that must not run in the same block as this one (as written; the rule is symmetric). */
  readonly conflicts: readonly string[];
  readonly line: number;
};

/** Interest of one person in one proposal: the dots they gave it (rows of interest.csv for the same pair add up). */
export type Interest = {
  readonly registrant: string;
  readonly proposal: string;
  readonly weight: number;
};

/** A row of blocks.csv: sessions of one block run at the same time. */
export type Block = {
  readonly id: string;
  readonly date: string;
  readonly start: Minutes;
  readonly end: Minutes;
  readonly line: number;
};

/** A row of spaces.csv. */
export type Space = {
  readonly id: string;
  readonly name: string;
  /** Every seat, roles included. */
  readonly capacity: number;
  /** The blocks the space is available in; null for all of them. */
  readonly blocks: readonly string[] | null;
  readonly line: number;
};

/** A registrant as the agenda needs them. */
export type Participant = {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  /** Registered for civil_society_day. */
  readonly attending: boolean;
  /** Volunteered to take notes (`note_taker` in registrations.csv's roles). */
  readonly noteTaker: boolean;
};

export type AgendaInput = {
  /** Sorted by id. */
  readonly proposals: readonly Proposal[];
  /** One per (registrant, proposal), sorted by registrant then proposal. */
  readonly interest: readonly Interest[];
  /** Sorted by start time, then id. */
  readonly blocks: readonly Block[];
  /** Sorted by id. */
  readonly spaces: readonly Space[];
  /** Sorted by id. */
  readonly participants: readonly Participant[];
};

/** One proposal placed: it runs in `space` during `block`. */
export type AgendaSlot = {
  readonly proposal: string;
  readonly block: string;
  readonly space: string;
};

/** Who runs a placed session. */
export type SessionRoles = {
  readonly proposal: string;
  readonly facilitator: string;
  /** null when no volunteer could take the notes. */
  readonly noteTaker: string | null;
};

/** A finished agenda: where each placed proposal runs, and its roles. Sorted by block order, then space id. */
export type Agenda = {
  readonly slots: readonly AgendaSlot[];
  readonly roles: readonly SessionRoles[];
};

/**
 * A published agenda to keep on a re-run: its slots (read back from an
 * unconference.csv) and the blocks already held, which are frozen.
 */
export type AgendaBaseline = {
  readonly slots: readonly AgendaSlot[];
  readonly roles: readonly SessionRoles[];
  readonly done: readonly string[];
  /** Sessions of blocks not yet held whose room is no longer a space (moved, and said so). */
  readonly lostRooms?: readonly { readonly proposal: string; readonly block: string; readonly room: string }[];
};
