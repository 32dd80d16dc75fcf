/**
 * What a hard rule finds wrong, as data: the rule, the ids and the times
 * involved. Rules return these; `check`, `explain`, the elastic diagnosis
 * and `--allow-partial` turn them into sentences (check/words.ts), and
 * nothing ever parses a sentence back.
 */
import type { Assignment, Minutes } from './types.js';

/** An item in a room it may not use: of another kind, without interpretation, or not among its allowed rooms. */
export type RoomKindFinding = {
  readonly rule: 'room-kind';
  readonly item: string;
  readonly room: string;
  readonly date: string;
  readonly start: Minutes;
  readonly problem: 'kind' | 'interpretation' | 'not-allowed';
};

export type CapacityFinding = {
  readonly rule: 'capacity';
  readonly item: string;
  readonly room: string;
  readonly date: string;
  readonly start: Minutes;
};

/** A wrong length, a start off the grid, a break crossed, or no program window at all. */
export type WindowFinding = {
  readonly rule: 'program-window';
  readonly item: string;
  readonly date: string;
  readonly start: Minutes;
  readonly end: Minutes;
  /** plenary-only: not a plenary, in a window kept for the main hall (calendar kind plenary_only). */
  readonly problem: 'duration' | 'grid' | 'break' | 'outside' | 'plenary-only';
  /** The break crossed (problem 'break'). */
  readonly crossed?: { readonly label: string; readonly start: Minutes; readonly end: Minutes };
};

/** Which parts of an item's pin a placement breaks (only those are present). */
export type PinFinding = {
  readonly rule: 'pin';
  readonly item: string;
  readonly room: string;
  readonly date: string;
  readonly start: Minutes;
  readonly broken: { readonly date?: string; readonly start?: Minutes; readonly room?: string };
};

/** Who is unavailable: one of the item's speakers, its room, or the item itself. */
export type AvailabilityFinding = {
  readonly rule: 'availability';
  readonly item: string;
  readonly date: string;
  readonly start: Minutes;
  readonly end: Minutes;
  readonly who: 'speaker' | 'room' | 'item';
  readonly id: string;
};

/** A room without a feature the item needs (`missing`, in the item's order). */
export type FeaturesFinding = {
  readonly rule: 'room-features';
  readonly item: string;
  readonly room: string;
  readonly date: string;
  readonly start: Minutes;
  readonly missing: readonly string[];
};

/** The finding of a rule about one placement alone. */
export type PlacementFinding = RoomKindFinding | FeaturesFinding | CapacityFinding | WindowFinding | PinFinding | AvailabilityFinding;

/** An item placed some number of times other than once (`places` empty: not at all). */
export type PlacedOnceFinding = {
  readonly rule: 'placed-once';
  readonly item: string;
  readonly places: readonly Assignment[];
};

/** Several items in one room, or with one speaker, at once (from moment `at`). */
export type OverlapFinding = {
  readonly rule: 'room-overlap' | 'speaker-overlap';
  /** The room or speaker id. */
  readonly who: string;
  readonly date: string;
  readonly at: Minutes;
  readonly placements: readonly Assignment[];
};

/** Items placed while an exclusive item runs (`placements` holds it and them). */
export type ExclusiveFinding = { readonly rule: 'exclusive'; readonly item: string; readonly placements: readonly Assignment[] };

/** An item placed before one it must come after has ended (`placements` holds both). */
export type OrderFinding = { readonly rule: 'order'; readonly item: string; readonly before: string; readonly placements: readonly Assignment[] };

/** The finding of a rule about placements together. */
export type ConflictFinding = PlacedOnceFinding | OverlapFinding | ExclusiveFinding | OrderFinding;

/** An id in a schedule that the event does not know. */
export type UnknownIdFinding = {
  readonly rule: 'unknown-id';
  readonly item: string;
  /** Set when the item is known and the room is not. */
  readonly room?: string;
};

export type RuleFinding = PlacementFinding | ConflictFinding | UnknownIdFinding;

/**
 * Who or what a packing constraint protects, per day: the elastic diagnosis
 * lets all of one subject's rows give together, at the cost of one.
 */
export type Subject = { readonly kind: 'room' | 'speaker' | 'exclusive'; readonly id: string; readonly date: string };
