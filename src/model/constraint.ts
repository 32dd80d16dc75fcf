import type { Assignment } from '../domain/types.js';
import type { ConflictFinding, Subject } from '../domain/findings.js';
import type { Context } from './context.js';

/**
 * A constraint over placements, every coefficient 1: `exactly` one or
 * `at-most` one of `members` may be chosen. The model turns it into a row; the
 * checker counts how many of its members a finished schedule chose.
 */
export type PackingConstraint = {
  readonly rule: ConflictFinding['rule'];
  readonly kind: 'exactly' | 'at-most';
  /** Indices into the placements the rule was built over. */
  readonly members: readonly number[];
  /** Items the constraint is about even when none of them is chosen (an item placed nowhere). */
  readonly items?: readonly string[];
  /**
   * Who or what the constraint protects, per day; the elastic diagnosis lets
   * all of one subject's rows give together, at the cost of one.
   */
  readonly subject?: Subject;
  /** What is wrong, given the members a schedule chose (when the constraint is broken). */
  readonly finding: (chosen: readonly Assignment[]) => ConflictFinding;
};

/** A hard rule about several placements together. */
export type ConflictRule = {
  readonly name: ConflictFinding['rule'];
  readonly description: string;
  /**
   * Whether the rule is about rooms. A model that leaves rooms open (the
   * times stage) cannot build it and limits rooms per moment instead.
   */
  readonly aboutRooms: boolean;
  readonly build: (ctx: Context, placements: readonly Assignment[]) => readonly PackingConstraint[];
};

export function isViolated(c: PackingConstraint, chosenCount: number): boolean {
  return c.kind === 'exactly' ? chosenCount !== 1 : chosenCount > 1;
}
