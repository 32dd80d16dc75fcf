/**
 * Rules about placements together: each item once, no two items in a room at
 * once (with the hallway gap), no speaker in two places at once. Each builder
 * turns a list of placements into packing constraints; the model builds them
 * over every candidate placement, the checker over the placements of a
 * finished schedule, so the two cannot drift apart.
 */
import type { Assignment, Minutes } from '../../domain/types.js';
import type { ConflictRule, PackingConstraint } from '../constraint.js';
import { gapAfter, type Context } from '../context.js';
import { byKey } from '../../domain/compare.js';

export const placedOnceRule: ConflictRule = {
  name: 'placed-once',
  description: 'Every item is placed exactly once.',
  aboutRooms: false,
  build(ctx, placements) {
    const byItem = groupIndices(placements, (p) => [p.item]);
    return [...ctx.items.values()]
      .map((item) => item.id)
      .sort()
      .map((id): PackingConstraint => ({
        rule: 'placed-once',
        kind: 'exactly',
        members: byItem.get(id) ?? [],
        items: [id],
        finding: (chosen) => ({ rule: 'placed-once', item: id, places: chosen }),
      }));
  },
};

export const roomOverlapRule: ConflictRule = {
  name: 'room-overlap',
  aboutRooms: true,
  description:
    'No two items share a room at once; a main-hall session or workshop leaves its room free for the hallway gap after it ends (lightning talks run back to back).',
  build(ctx, placements) {
    const out: PackingConstraint[] = [];
    for (const [key, members] of groupIndices(placements, (p) => [`${p.room}\u0000${p.date}`])) {
      const [room = '', date = ''] = key.split('\u0000');
      for (const clique of cliquesAtStarts(placements, members, (p) => occupiedUntil(ctx, p))) {
        out.push({
          rule: 'room-overlap',
          kind: 'at-most',
          members: clique.members,
          subject: { kind: 'room', id: room, date },
          finding: (chosen) => ({ rule: 'room-overlap', who: room, date, at: clique.at, placements: chosen }),
        });
      }
    }
    return out;
  },
};

export const speakerOverlapRule: ConflictRule = {
  name: 'speaker-overlap',
  aboutRooms: false,
  description: 'No speaker is in two places at once (a lightning talk during their own workshop counts).',
  build(ctx, placements) {
    const out: PackingConstraint[] = [];
    const bySpeakerDate = groupIndices(placements, (p) =>
      (ctx.items.get(p.item)?.speakers ?? []).map((s) => `${s}\u0000${p.date}`),
    );
    for (const [key, members] of bySpeakerDate) {
      const [speaker = '', date = ''] = key.split('\u0000');
      for (const clique of cliquesAtStarts(placements, members, (p) => p.end)) {
        out.push({
          rule: 'speaker-overlap',
          kind: 'at-most',
          members: clique.members,
          subject: { kind: 'speaker', id: speaker, date },
          finding: (chosen) => ({ rule: 'speaker-overlap', who: speaker, date, at: clique.at, placements: chosen }),
        });
      }
    }
    return out;
  },
};

export const CONFLICT_RULES: readonly ConflictRule[] = [placedOnceRule, roomOverlapRule, speakerOverlapRule];

export function occupiedUntil(ctx: Context, p: Assignment): Minutes {
  const item = ctx.items.get(p.item);
  return p.end + (item ? gapAfter(ctx, item) : 0);
}

/** Indices of placements grouped under every key `keys` gives them, keys and members in a stable order. */
function groupIndices(
  placements: readonly Assignment[],
  keys: (p: Assignment) => readonly string[],
): ReadonlyMap<string, readonly number[]> {
  const map = new Map<string, number[]>();
  placements.forEach((p, i) => {
    for (const k of keys(p)) {
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    }
  });
  return new Map([...map.entries()].sort(byKey));
}

/**
 * Maximal sets of intervals [start, until) that share a moment. For intervals
 * the largest cliques all sit at some interval's start, so one candidate set
 * per distinct start is exact; a set that is contained in the next one, or that
 * holds placements of a single item only (already limited by placed-once), is
 * dropped.
 */
export function cliquesAtStarts(
  placements: readonly Assignment[],
  members: readonly number[],
  until: (p: Assignment) => Minutes,
): readonly { readonly at: Minutes; readonly members: readonly number[] }[] {
  const sorted = [...members].sort((a, b) => placements[a]!.start - placements[b]!.start || a - b);
  const starts = [...new Set(sorted.map((i) => placements[i]!.start))];
  const out: { at: Minutes; members: number[] }[] = [];
  let active: number[] = [];
  let next = 0;
  starts.forEach((at, k) => {
    active = active.filter((i) => until(placements[i]!) > at);
    while (next < sorted.length && placements[sorted[next]!]!.start === at) active.push(sorted[next++]!);
    const following = starts[k + 1];
    // Contained in the next set when nothing active ends before the next start.
    if (following !== undefined && active.every((i) => until(placements[i]!) > following)) return;
    if (new Set(active.map((i) => placements[i]!.item)).size < 2) return;
    out.push({ at, members: [...active].sort((a, b) => a - b) });
  });
  return out;
}
