/**
 * Workshops overlap in time in clusters (all of one afternoon's run at once).
 * Each connected cluster of the overlap graph is allocated as one group, with
 * at most one workshop per person, which guarantees nobody is in two
 * overlapping workshops. It is exact when every two workshops of a cluster
 * overlap (true of the bundled event); in a chain a-b-c where a and c do not
 * overlap, it is stricter than needed and gives a person only one of a and c.
 */
import { formatSpan } from '../domain/time.js';
import type { Workshop } from '../domain/allocation.js';
import { byId } from '../domain/compare.js';

export type WorkshopGroup = {
  /** `2014-11-19 14:00-17:00`: the span of the cluster. */
  readonly label: string;
  /** Sorted by id. */
  readonly workshops: readonly Workshop[];
};

export function overlaps(a: Workshop, b: Workshop): boolean {
  return a.date === b.date && a.start < b.end && b.start < a.end;
}

export function workshopGroups(workshops: readonly Workshop[]): readonly WorkshopGroup[] {
  const sorted = [...workshops].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start - b.start || byId(a, b)));
  const clusters: Workshop[][] = [];
  let end = -1;
  let date = '';
  for (const w of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && w.date === date && w.start < end) {
      last.push(w);
      end = Math.max(end, w.end);
    } else {
      clusters.push([w]);
      date = w.date;
      end = w.end;
    }
  }
  return clusters.map((c) => {
    const first = c[0];
    const label = first ? formatSpan(first.date, first.start, c.reduce((m, w) => Math.max(m, w.end), 0)) : '';
    return { label, workshops: [...c].sort(byId) };
  });
}
