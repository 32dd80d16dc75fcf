import type { Assignment } from '../domain/types.js';

/**
 * A constraint over placements, every coefficient 1: `exactly` one or
 * `at-most` one of `members` may be chosen. The model turns it into a row; the
 * checker counts how many of its members a finished schedule chose.
 */
export type PackingConstraint = {
  readonly rule: string;
  readonly kind: 'exactly' | 'at-most';
  /** Indices into the placements the rule was built over. */
  readonly members: readonly number[];
  /** Items the constraint is about even when none of them is chosen (an item placed nowhere). */
  readonly items?: readonly string[];
  /**
   * Who or what the constraint protects, in plain words ("room c1 (Aula 1) on
   * 2014-06-01"); the elastic diagnosis lets all of one subject's rows give
   * together, at the cost of one.
   */
  readonly subject?: string;
  /** The violation in plain words, given the members a schedule chose. */
  readonly describe: (chosen: readonly Assignment[]) => string;
};

/** A hard rule about several placements together. */
export type ConflictRule = {
  readonly name: string;
  readonly description: string;
  readonly build: (ctx: import('./context.js').Context, placements: readonly Assignment[]) => readonly PackingConstraint[];
};

export function isViolated(c: PackingConstraint, chosenCount: number): boolean {
  return c.kind === 'exactly' ? chosenCount !== 1 : chosenCount > 1;
}
