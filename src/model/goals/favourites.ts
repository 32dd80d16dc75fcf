/**
 * audience-overlap, from favourites.csv (who starred what): two items many
 * people want should not run at once, and an item should seat the people
 * who want it. Per person: one for each pair of starred plenaries or
 * workshops that run at once (lightning talks are drop-in: ten minutes in
 * the lobby, people come and go), and one for each person beyond the seats
 * of a starred item's room (its expected audience is the larger of
 * `audience` and its stars; the hard capacity rule already seats
 * `audience`).
 */
import type { Item } from '../../domain/types.js';
import { compareText } from '../../domain/compare.js';
import { formatSpan } from '../../domain/time.js';
import { itemLabel, roomLabel, type Context } from '../context.js';
import type { Goal, Occurrence } from './goal.js';
import { overlapColumns, overlapping } from './overlap.js';

/** Two items some people both starred. */
export type SharedStars = { readonly a: Item; readonly b: Item; readonly people: number };

type Stars = { readonly count: ReadonlyMap<string, number>; readonly pairs: readonly SharedStars[] };

const cache = new WeakMap<Context, Stars>();

/** Stars per item, and the pairs of plenaries and workshops starred by the same people (by ids). */
export function stars(ctx: Context): Stars {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const byPerson = new Map<string, string[]>();
  const count = new Map<string, number>();
  for (const f of ctx.event.favourites) {
    const item = ctx.items.get(f.item);
    if (!item) continue;
    count.set(f.item, (count.get(f.item) ?? 0) + 1);
    if (item.format !== 'lightning') byPerson.set(f.registrant, [...(byPerson.get(f.registrant) ?? []), f.item]);
  }
  const shared = new Map<string, number>();
  for (const list of byPerson.values()) {
    const ids = [...new Set(list)].sort(compareText);
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) shared.set(`${ids[i]}\u0000${ids[j]}`, (shared.get(`${ids[i]}\u0000${ids[j]}`) ?? 0) + 1);
  }
  const pairs = [...shared.entries()]
    .sort(([x], [y]) => compareText(x, y))
    .map(([key, people]) => {
      const [a = '', b = ''] = key.split('\u0000');
      return { a: ctx.items.get(a)!, b: ctx.items.get(b)!, people };
    });
  const found = { count, pairs };
  cache.set(ctx, found);
  return found;
}

/** People who starred an item beyond the seats of a room. */
function unseated(ctx: Context, item: Item, roomId: string): number {
  const room = ctx.rooms.get(roomId);
  const want = stars(ctx).count.get(item.id) ?? 0;
  return room ? Math.max(0, want - room.capacity) : 0;
}

export const audienceOverlapGoal: Goal = {
  name: 'audience-overlap',
  description:
    'People who starred two plenaries or workshops (favourites.csv) that run at once (per person and pair), and people who starred an item beyond the seats of its room (per person).',
  defaultWeight: 1,
  placementUnits: (ctx, p) => {
    const item = ctx.items.get(p.item);
    return item ? unseated(ctx, item, p.room) : 0;
  },
  model(parts, weight) {
    const keys = parts.lazyKeys;
    const pairs = stars(parts.ctx).pairs.filter((p) => !keys || keys.has(p.a.id) || keys.has(p.b.id));
    return overlapColumns(parts, 'stars', pairs, (p) => weight * p.people).offset;
  },
  score(ctx, schedule) {
    const out: (Occurrence & { units: number })[] = [];
    for (const p of overlapping(schedule, stars(ctx).pairs)) {
      out.push({
        items: [p.a.id, p.b.id],
        units: p.people,
        message: `${p.people} ${p.people === 1 ? 'person' : 'people'} starred both ${itemLabel(p.a)} and ${itemLabel(p.b)}, which run at once on ${formatSpan(p.date, p.start, p.end)}`,
      });
    }
    for (const a of [...schedule].sort((x, y) => compareText(x.item, y.item))) {
      const item = ctx.items.get(a.item);
      const missing = item ? unseated(ctx, item, a.room) : 0;
      if (!item || missing === 0) continue;
      const want = stars(ctx).count.get(item.id) ?? 0;
      out.push({ items: [item.id], units: missing, message: `${itemLabel(item)} is starred by ${want} people but ${roomLabel(ctx, a.room)} seats ${ctx.rooms.get(a.room)?.capacity ?? 0}` });
    }
    return { count: out.length, units: out.reduce((n, o) => n + o.units, 0), occurrences: out.map(({ items, message }) => ({ items, message })) };
  },
  maxUnits: (ctx) => stars(ctx).pairs.reduce((n, p) => n + p.people, 0) + [...stars(ctx).count.values()].reduce((n, c) => n + c, 0),
  lazy: {
    keysOf: (ctx, schedule) => [...new Set(overlapping(schedule, stars(ctx).pairs).flatMap((p) => [p.a.id, p.b.id]))].sort(compareText),
  },
};

