import { compareText } from '../domain/compare.js';
/**
 * The draw: registrants ordered by their lottery key (a function of the seed
 * and the id alone, see AllocationOptions.lotteryKey), equal keys by id. Row
 * order never enters, so shuffling a file changes nothing.
 */

/** Lottery numbers, 1-based, for every id. */
export function drawLottery(ids: readonly string[], key: (id: string) => string): ReadonlyMap<string, number> {
  const keyed = [...new Set(ids)].map((id) => ({ id, key: key(id) }));
  keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id));
  return new Map(keyed.map((k, i) => [k.id, i + 1]));
}

/** `#0042`: zero-padded to at least 4 digits, so numbers sort as text too. */
export function lotteryLabel(n: number, total: number): string {
  return `#${String(n).padStart(Math.max(4, String(total).length), '0')}`;
}

