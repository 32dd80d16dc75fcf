/**
 * Goals about how many rooms a group of items uses on a day:
 * - track-rooms: plenaries or workshops sharing a theme stay in one room
 *   on a day where they can (per extra room a theme uses on a day, per
 *   format: a plenary and a workshop never share a room anyway);
 * - speaker-rooms: a speaker's items of one format on a day stay in one room
 *   where they can (per extra room; a speaker who changes rooms must walk).
 * In the model, per group, day and room a column y (1 when the group uses
 * the room that day) and per group and day e >= sum(y) - 1, the extra
 * rooms. The times stage leaves rooms open: it charges nothing (a
 * relaxation).
 */
import type { Format, Item, Schedule } from '../../domain/types.js';
import { byId, compareText } from '../../domain/compare.js';
import { itemLabel, speakerLabel, type Context } from '../context.js';
import { makeRow } from '../mip.js';
import { formatRooms } from '../rooms.js';
import { counted, type Goal, type GoalParts, type Occurrence } from './goal.js';

/** A group of items that should share a room on a day, and how the report names it. */
type Group = { readonly key: string; readonly format: Format; readonly items: readonly Item[]; readonly name: string };

function groupsBy(ctx: Context, keysOf: (item: Item) => readonly string[], name: (key: string) => string): readonly Group[] {
  const map = new Map<string, Item[]>();
  for (const item of [...ctx.items.values()].sort(byId)) {
    if (item.format === 'lightning') continue;
    for (const k of new Set(keysOf(item))) {
      const key = `${item.format}\u0000${k}`;
      map.set(key, [...(map.get(key) ?? []), item]);
    }
  }
  return [...map.entries()]
    .filter(([, items]) => items.length > 1)
    .sort(([x], [y]) => compareText(x, y))
    .map(([key, items]) => ({ key, format: items[0]!.format, items, name: name(key.split('\u0000')[1]!) }));
}

function model(groups: (ctx: Context) => readonly Group[], prefix: string) {
  return (parts: GoalParts, weight: number): number => {
    if (parts.roomsOpen) return 0;
    const { ctx, placements, byItem, rows, columns } = parts;
    groups(ctx).forEach((g, k) => {
      const rooms = formatRooms(ctx, g.format);
      if (rooms.length < 2) return;
      for (const date of ctx.dates) {
        const used: number[] = [];
        for (const room of rooms) {
          const perItem = g.items.map((i) => (byItem.get(i.id) ?? []).filter((j) => placements[j]!.date === date && placements[j]!.room === room.id)).filter((l) => l.length > 0);
          if (perItem.length === 0) continue;
          const y = columns.length;
          columns.push({ name: `${prefix}_${k}_${date}_${room.id}`, cost: 0, lower: 0, upper: 1, integer: false });
          used.push(y);
          // y >= the item's placements in this room that day (it has at most one).
          perItem.forEach((list, n) => rows.push(makeRow(`${prefix}_${k}_${date}_${room.id}_${n}`, 0, Infinity, [[y, 1], ...list.map((j) => [j, -1] as const)])));
        }
        if (used.length < 2) continue;
        const e = columns.length;
        columns.push({ name: `${prefix}_extra_${k}_${date}`, cost: weight, lower: 0, upper: used.length - 1, integer: false });
        // e - sum(y) >= -1
        rows.push(makeRow(`${prefix}_extra_${k}_${date}`, -1, Infinity, [[e, 1], ...used.map((y) => [y, -1] as const)]));
      }
    });
    return 0;
  };
}

function score(groups: (ctx: Context) => readonly Group[], say: (g: Group, date: string, rooms: readonly string[], placed: readonly Item[]) => string) {
  return (ctx: Context, schedule: Schedule) => {
    const at = new Map(schedule.map((a) => [a.item, a]));
    const out: Occurrence[] = [];
    for (const g of groups(ctx)) {
      for (const date of ctx.dates) {
        const placed = g.items.filter((i) => at.get(i.id)?.date === date);
        const rooms = [...new Set(placed.map((i) => at.get(i.id)!.room))].sort(compareText);
        for (let k = 1; k < rooms.length; k++) out.push({ items: placed.map((i) => i.id), message: say(g, date, rooms, placed) });
      }
    }
    return counted(out);
  };
}

const maxUnits = (groups: (ctx: Context) => readonly Group[]) => (ctx: Context) =>
  groups(ctx).reduce((n, g) => n + ctx.dates.length * Math.max(0, formatRooms(ctx, g.format).length - 1), 0);

const themeGroups = (ctx: Context) => groupsBy(ctx, (i) => i.themes, (t) => `theme ${t}`);
const speakerGroups = (ctx: Context) => groupsBy(ctx, (i) => i.speakers, (s) => speakerLabel(ctx, s));

export const trackRoomsGoal: Goal = {
  name: 'track-rooms',
  description: 'Plenaries or workshops sharing a theme use one more room than one on a day (per extra room).',
  defaultWeight: 20,
  model: model(themeGroups, 'track'),
  score: score(themeGroups, (g, date, rooms, placed) => `${g.name}'s ${g.format === 'plenary' ? 'plenaries' : 'workshops'} use ${rooms.length} rooms on ${date} (${rooms.join(', ')}): ${placed.map(itemLabel).join(', ')}`),
  maxUnits: maxUnits(themeGroups),
};

export const speakerRoomsGoal: Goal = {
  name: 'speaker-rooms',
  description: "A speaker's plenaries or workshops on one day are in one more room than one (per extra room: a walk between rooms).",
  defaultWeight: 20,
  model: model(speakerGroups, 'walk'),
  score: score(speakerGroups, (g, date, rooms, placed) => `${g.name} speaks in ${rooms.length} rooms on ${date} (${rooms.join(', ')}): ${placed.map(itemLabel).join(', ')}`),
  maxUnits: maxUnits(speakerGroups),
};
