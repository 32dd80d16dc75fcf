/**
 * Student-proposing deferred acceptance with one shared lottery as every
 * seat's priority. With a single priority order common to all seats, DA's
 * outcome is exactly that of serial dictatorship in lottery order: the first
 * person proposes to their first choice and is never rejected (nobody outranks
 * them), the second is rejected only where the first sits, and so on. So this
 * computes DA that way, in O(people x list length). It is strategy-proof and
 * leaves no justified envy; tests check the latter with ./audit.ts.
 */
import type { Market, Matching } from './market.js';

export function deferredAcceptance(market: Market): Matching {
  const left = market.seats.map((s) => s.capacity);
  return market.people.map((_, p) => {
    for (const c of market.choices[p] ?? []) {
      if ((left[c.seat] ?? 0) > 0) {
        left[c.seat] = (left[c.seat] ?? 0) - 1;
        return c.seat;
      }
    }
    return -1;
  });
}
