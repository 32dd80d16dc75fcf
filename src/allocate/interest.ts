/**
 * Ranked lists from interest marks (interest.csv, as `convene agenda` reads
 * it): within each block, a person's sessions from the most dots to the
 * fewest, ties by a seeded draw, so nobody has to rank again after marking.
 */
import { compareText as cmp } from '../domain/compare.js';
import type { Preference } from '../domain/allocation.js';

export type Mark = { readonly registrant: string; readonly session: string; readonly weight: number; readonly line: number };

/**
 * One Preference per mark whose session has a group (`groupOf`; marks of
 * other sessions are dropped), ranked 1, 2, ... per person and group.
 * `tieKey(registrant, session)` orders equal weights (io passes the hex
 * SHA-256 of `${seed}:${registrant}:${session}`); equal keys fall back to the session id.
 */
export function ranksFromInterest(
  marks: readonly Mark[],
  groupOf: (session: string) => string | undefined,
  tieKey: (registrant: string, session: string) => string,
): readonly Preference[] {
  const lists = new Map<string, { mark: Mark; key: string }[]>();
  for (const m of marks) {
    const group = groupOf(m.session);
    if (group === undefined) continue;
    const k = `${m.registrant}\u0000${group}`;
    const list = lists.get(k);
    const entry = { mark: m, key: tieKey(m.registrant, m.session) };
    if (list) list.push(entry);
    else lists.set(k, [entry]);
  }
  const out: Preference[] = [];
  for (const list of lists.values()) {
    list.sort((a, b) => b.mark.weight - a.mark.weight || cmp(a.key, b.key) || cmp(a.mark.session, b.mark.session));
    list.forEach(({ mark }, i) => out.push({ registrant: mark.registrant, session: mark.session, rank: i + 1, line: mark.line }));
  }
  return out.sort((a, b) => cmp(a.registrant, b.registrant) || cmp(a.session, b.session));
}
