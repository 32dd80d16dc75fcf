/**
 * Rules about placements together: each item once, no two items in a room at
 * once (with set-up, tear-down and the hallway gap), no speaker in two places
 * at once (with their break), nothing beside an exclusive item, and items in
 * their declared order. Each builder turns a list of placements into packing
 * constraints; the model builds them over every candidate placement, the
 * checker over the placements of a finished schedule, so the two cannot
 * drift apart.
 */
import type { Assignment, Minutes } from '../../domain/types.js';
import type { ConflictRule, PackingConstraint } from '../constraint.js';
import { occupiedFrom, occupiedUntil, speakerBusyUntil, type Context } from '../context.js';
import { compareText } from '../../domain/compare.js';
import { groupIndices } from '../../domain/group.js';

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
    'No two items share a room at once; an item takes its room for its set-up and tear-down too, and a main-hall session or workshop leaves it free for the hallway gap after (lightning talks run back to back).',
  build(ctx, placements) {
    const out: PackingConstraint[] = [];
    for (const [key, members] of groupIndices(placements, (p) => [`${p.room}\u0000${p.date}`])) {
      const [room = '', date = ''] = key.split('\u0000');
      for (const clique of cliques(placements, members, (p) => occupiedFrom(ctx, p), (p) => occupiedUntil(ctx, p))) {
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
  description: 'No speaker is in two places at once (a lightning talk during their own workshop counts), nor without their break (--speaker-gap) between two items.',
  build(ctx, placements) {
    const out: PackingConstraint[] = [];
    const bySpeakerDate = groupIndices(placements, (p) => (ctx.items.get(p.item)?.speakers ?? []).map((s) => `${s}\u0000${p.date}`));
    for (const [key, members] of bySpeakerDate) {
      const [speaker = '', date = ''] = key.split('\u0000');
      for (const clique of cliques(placements, members, (p) => p.start, (p) => speakerBusyUntil(ctx, p))) {
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

/**
 * An exclusive item (an opening, a keynote) runs with nothing else in any
 * room. Per exclusive item, start and other item: at most one of the
 * exclusive item there and the other item anywhere it would overlap.
 */
export const exclusiveRule: ConflictRule = {
  name: 'exclusive',
  aboutRooms: false,
  description: 'Nothing else runs, in any room, while an exclusive item (themes.csv column exclusive) does.',
  build(ctx, placements) {
    const exclusive = [...ctx.items.values()].filter((i) => i.exclusive).map((i) => i.id).sort();
    if (exclusive.length === 0) return [];
    const byItem = groupIndices(placements, (p) => [p.item]);
    const out: PackingConstraint[] = [];
    for (const id of exclusive) {
      for (const own of startsOf(placements, byItem.get(id) ?? []).values()) {
        const first = placements[own[0]!]!;
        for (const [other, list] of byItem) {
          if (other === id) continue;
          const meets = list.filter((j) => overlaps(placements[j]!, first));
          if (meets.length === 0) continue;
          out.push({
            rule: 'exclusive',
            kind: 'at-most',
            members: [...own, ...meets].sort((a, b) => a - b),
            subject: { kind: 'exclusive', id, date: first.date },
            finding: (chosen) => ({ rule: 'exclusive', item: id, placements: chosen }),
          });
        }
      }
    }
    return out;
  },
};

/**
 * Items listed in another's `after` end before it starts: per item, start of
 * it and earlier item, at most one of it starting there and the earlier item
 * anywhere that does not end by then.
 */
export const orderRule: ConflictRule = {
  name: 'order',
  aboutRooms: false,
  description: "Items listed in an item's after column (themes.csv) end before it starts.",
  build(ctx, placements) {
    const ordered = [...ctx.items.values()].filter((i) => i.after.length > 0).sort((a, b) => compareText(a.id, b.id));
    if (ordered.length === 0) return [];
    const byItem = groupIndices(placements, (p) => [p.item]);
    const out: PackingConstraint[] = [];
    for (const later of ordered) {
      const starts = startsOf(placements, byItem.get(later.id) ?? []);
      for (const before of [...later.after].sort()) {
        const list = byItem.get(before) ?? [];
        for (const own of starts.values()) {
          const first = placements[own[0]!]!;
          const tooLate = list.filter((j) => !endsBy(placements[j]!, first));
          if (tooLate.length === 0) continue;
          out.push({
            rule: 'order',
            kind: 'at-most',
            members: [...own, ...tooLate].sort((a, b) => a - b),
            items: [later.id, before],
            finding: (chosen) => ({ rule: 'order', item: later.id, before, placements: chosen }),
          });
        }
      }
    }
    return out;
  },
};

export const CONFLICT_RULES: readonly ConflictRule[] = [placedOnceRule, roomOverlapRule, speakerOverlapRule, exclusiveRule, orderRule];

/** An item's placements grouped by date and start, in time order. */
function startsOf(placements: readonly Assignment[], own: readonly number[]): ReadonlyMap<string, readonly number[]> {
  const map = new Map<string, number[]>();
  for (const i of [...own].sort((a, b) => compareText(placements[a]!.date, placements[b]!.date) || placements[a]!.start - placements[b]!.start || a - b)) {
    const key = `${placements[i]!.date}\u0000${placements[i]!.start}`;
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  }
  return map;
}

function overlaps(p: Assignment, q: Assignment): boolean {
  return p.date === q.date && p.start < q.end && q.start < p.end;
}

/** Whether `p` ends by the time `q` starts (an earlier date, or the same date no later than its start). */
function endsBy(p: Assignment, q: Assignment): boolean {
  return p.date < q.date || (p.date === q.date && p.end <= q.start);
}

/**
 * Maximal sets of intervals [from, until) that share a moment. For intervals
 * the largest cliques all sit at some interval's start, so one candidate set
 * per distinct start is exact; a set that is contained in the next one, or that
 * holds placements of a single item only (already limited by placed-once), is
 * dropped. `at` is the moment the set shares.
 */
export function cliques(
  placements: readonly Assignment[],
  members: readonly number[],
  from: (p: Assignment) => Minutes,
  until: (p: Assignment) => Minutes,
): readonly { readonly at: Minutes; readonly members: readonly number[] }[] {
  const sorted = [...members].sort((a, b) => from(placements[a]!) - from(placements[b]!) || a - b);
  const starts = [...new Set(sorted.map((i) => from(placements[i]!)))];
  const out: { at: Minutes; members: number[] }[] = [];
  let active: number[] = [];
  let next = 0;
  starts.forEach((at, k) => {
    active = active.filter((i) => until(placements[i]!) > at);
    while (next < sorted.length && from(placements[sorted[next]!]!) === at) active.push(sorted[next++]!);
    const following = starts[k + 1];
    // Contained in the next set when nothing active ends before the next start.
    if (following !== undefined && active.every((i) => until(placements[i]!) > following)) return;
    if (new Set(active.map((i) => placements[i]!.item)).size < 2) return;
    out.push({ at, members: [...active].sort((a, b) => a - b) });
  });
  return out;
}
