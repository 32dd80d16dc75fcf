/**
 * Identical rooms: two classrooms of the same size and features, open at the same times,
 * that no item asks for by name, can trade every item they hold and no rule
 * or cost would notice. A solver then meets each schedule once per way of
 * labelling them, and must rule out every copy to prove a bound. Here each
 * schedule keeps one labelling: the rooms of a class are used in order of
 * first use by the items in id order, so the item at position j among those
 * that can use the class may only use its first j + 1 rooms. Any schedule
 * can be relabelled that way (`canonicalRooms`), at the same cost, so
 * nothing is lost.
 */
import type { Assignment, Schedule } from '../domain/types.js';
import type { Baseline } from './goals/moves.js';
import { availabilityFor, type Context } from './context.js';
import { byId, compareText } from '../domain/compare.js';

/** Classes of two or more interchangeable rooms, each sorted by id; classes sorted by their first room. */
export function identicalRoomClasses(ctx: Context, baseline?: Baseline): readonly (readonly string[])[] {
  // A room an item names (its allowed list or pin) or a baseline uses can be told apart.
  const named = new Set<string>();
  for (const item of ctx.items.values()) if (item.pin.room) named.add(item.pin.room);
  for (const a of baseline?.values() ?? []) named.add(a.room);
  const groups = new Map<string, string[]>();
  for (const room of [...ctx.rooms.values()].sort(byId)) {
    if (named.has(room.id)) continue;
    const key = JSON.stringify([room.kind, room.capacity, room.interpretation, [...room.features].sort(), availabilityFor(ctx, room.id)]);
    groups.set(key, [...(groups.get(key) ?? []), room.id]);
  }
  return [...groups.values()]
    .map((rooms) => {
      // An allowed list that takes part of a class and not the rest tells its rooms apart: drop them.
      const partly = new Set<string>();
      for (const item of ctx.items.values()) {
        const listed = rooms.filter((r) => item.rooms.includes(r));
        if (item.rooms.length > 0 && listed.length > 0 && listed.length < rooms.length) for (const r of listed) partly.add(r);
      }
      return rooms.filter((r) => !partly.has(r));
    })
    .filter((rooms) => rooms.length > 1)
    .sort((a, b) => compareText(a[0]!, b[0]!));
}

/**
 * The placements that keep one labelling of each class: the item at
 * position j (in id order) among the items with a placement in the class
 * keeps only placements in the class's first j + 1 rooms.
 */
export function withoutRoomSymmetry(placements: readonly Assignment[], classes: readonly (readonly string[])[]): readonly Assignment[] {
  if (classes.length === 0) return placements;
  const position = new Map<string, number>(); // class index + item -> j
  const classOf = new Map<string, { index: number; rank: number }>();
  classes.forEach((rooms, index) => rooms.forEach((r, rank) => classOf.set(r, { index, rank })));
  const usersOf = classes.map(() => new Set<string>());
  for (const p of placements) {
    const c = classOf.get(p.room);
    if (c) usersOf[c.index]!.add(p.item);
  }
  usersOf.forEach((users, index) => [...users].sort().forEach((item, j) => position.set(`${index}\u0000${item}`, j)));
  return placements.filter((p) => {
    const c = classOf.get(p.room);
    return !c || c.rank <= position.get(`${c.index}\u0000${p.item}`)!;
  });
}

/**
 * The same schedule with each class's rooms relabelled in order of first use
 * by its items in id order: a schedule the symmetry-broken model admits
 * (for a warm start from any schedule). Items keep their times.
 */
export function canonicalRooms(schedule: Schedule, classes: readonly (readonly string[])[]): Schedule {
  if (classes.length === 0) return schedule;
  const rename = new Map<string, string>();
  for (const rooms of classes) {
    const inClass = new Set(rooms);
    const used = [...schedule].filter((a) => inClass.has(a.room)).sort((a, b) => compareText(a.item, b.item));
    let next = 0;
    const renamed = new Map<string, string>();
    for (const a of used) if (!renamed.has(a.room)) renamed.set(a.room, rooms[next++]!);
    // Rooms of the class nobody uses take the labels left, so the renaming stays one-to-one.
    for (const r of rooms) if (!renamed.has(r)) renamed.set(r, rooms[next++]!);
    for (const [from, to] of renamed) rename.set(from, to);
  }
  return schedule.map((a) => (rename.has(a.room) ? { ...a, room: rename.get(a.room)! } : a));
}
