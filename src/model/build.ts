import type { Assignment, Schedule } from '../domain/types.js';
import { isFree } from './availability.js';
import { candidatePlacements, type Rejections } from './candidates.js';
import { availabilityFor, type Context } from './context.js';
import { coarsestGrid } from './grid.js';
import { makeRow, type MipColumn, type MipModel, type MipRow } from './mip.js';
import { forcedClashCuts } from './objectives/clash-cuts.js';
import { moveCost, moveWeights, type Baseline, type MoveWeights } from './objectives/moves.js';
import { sizeSteps, sizeUnits } from './objectives/room-size.js';
import { spreadThemes } from './objectives/theme-spread.js';
import { avoidingSpeakers, busySpeakers, unpreferredSpeakers } from './objectives/speakers.js';
import { DEFAULT_WEIGHTS, type Weights } from './objectives/weights.js';
import { introGoalApplies } from './objectives/intro-blocks.js';
import { blockOf, lightningGroups } from './objectives/lightning.js';
import { overlapPairs } from './objectives/pair-overlap.js';
import { overlapRows, themeClashRows, type ThemePair } from './objectives/theme-clash.js';
import type { PackingConstraint } from './constraint.js';
import { CONFLICT_RULES, cliquesAtStarts, occupiedUntil } from './rules/conflicts.js';
import type { Subject } from '../domain/findings.js';
import { canonicalRooms, identicalRoomClasses, withoutRoomSymmetry } from './symmetry.js';
import { byKey, compareText } from '../domain/compare.js';

/**
 * Which model to build:
 * - `whole`: one binary per admissible (item, room, start);
 * - `times`: one binary per admissible (item, start), with the rooms left
 *   open. Rooms are limited per moment instead: for every set of rooms, no
 *   more items that can only use rooms of that set run at once than the set
 *   has rooms. A relaxation of `whole` (room costs count at their least), and
 *   exact when the items of a kind may use the same rooms;
 * - `rooms`: the whole model restricted to the given times (one row per item
 *   of a finished `times` solution): only the rooms are left to choose.
 */
export type Stage =
  | 'whole'
  | 'times'
  /** `times: 'day'` keeps only each item's date, for when no rooms fit the exact times. */
  | { readonly rooms: Schedule; readonly times?: 'fixed' | 'day' };

export type BuiltModel = {
  readonly stage: 'whole' | 'times' | 'rooms';
  readonly grid: number;
  /** One per column, first; in the `times` stage with room '' (see `roomOptions`). */
  readonly placements: readonly Assignment[];
  /** `times` stage: the rooms each placement could use then. */
  readonly roomOptions?: readonly (readonly string[])[];
  readonly mip: MipModel;
  /** The theme pairs that got a penalty column, in column order after the placements. */
  readonly pairs: readonly ThemePair[];
  /** Items without any admissible placement, and why (only an elastic model is built with some). */
  readonly rejected: ReadonlyMap<string, Rejections>;
  /** Elastic models only: per item, the column that is 1 when the item is left out. */
  readonly slack: readonly { readonly item: string; readonly column: number }[];
  /** Elastic models with rule slacks only: per rule and subject, the column that is positive when its rows give. */
  readonly ruleSlack: readonly RuleSlack[];
  /** Classes of identical rooms whose symmetry the placements break (see symmetry.ts); none in the times stage. */
  readonly roomClasses: readonly (readonly string[])[];
};

export type RuleSlack = {
  readonly rule: string;
  readonly subject: Subject;
  readonly column: number;
  /** The rows that give with it, for describing what a solution did. */
  readonly constraints: readonly PackingConstraint[];
};

export type BuildOptions = {
  /**
   * Elastic: every item may be left out, at a cost above any schedule's total
   * cost, so the solver places as many items as possible (then the usual
   * objective). Used to find the fewest items that must give.
   */
  readonly elastic?: boolean;
  /**
   * With elastic: the room and speaker rules may give too, per room or
   * speaker and day, at one more than an item's cost, so the diagnosis names
   * a rule only when giving on it saves leaving out two items or more. Never
   * for schedules that are written: only to explain an impossibility.
   */
  readonly elasticRules?: boolean;
  /** A previous schedule to stay close to: moving an item costs (see objectives/moves.ts). */
  readonly baseline?: Baseline;
  /** Soft-goal weights; the defaults when absent. */
  readonly weights?: Weights;
  /** The whole model (default), its times, or its rooms at given times. */
  readonly stage?: Stage;
  /**
   * Only pairs sharing one of these themes get a theme-clash column and rows
   * (all pairs when absent). Leaving pairs out relaxes the model: its bound
   * stays a bound, and a solution whose clashes all lie among the modelled
   * pairs is scored exactly (see pipeline/two-stage.ts).
   */
  readonly clashThemes?: ReadonlySet<string>;
  /** The same for language-clash: only pairs in these languages get columns and rows (all when absent). */
  readonly clashLanguages?: ReadonlySet<string>;
  /** Each build adds the seconds it took here (for the report's timing). */
  readonly meter?: BuildMeter;
};

/** Seconds spent building models, summed over every build that shares it. */
export type BuildMeter = { seconds: number };

export type BuildResult =
  | { readonly ok: true; readonly model: BuiltModel }
  /** Some items have no admissible placement at all: no model is worth building. */
  | { readonly ok: false; readonly grid: number; readonly rejected: ReadonlyMap<string, Rejections> };

/**
 * The time-indexed model: one binary per admissible placement, one row per
 * packing constraint of every conflict rule, and the soft goals' penalty
 * columns and rows.
 */
export function buildModel(ctx: Context, options: BuildOptions = {}): BuildResult {
  const started = performance.now();
  try {
    return build(ctx, options);
  } finally {
    if (options.meter) options.meter.seconds += (performance.now() - started) / 1000;
  }
}

function build(ctx: Context, options: BuildOptions): BuildResult {
  const grid = coarsestGrid(ctx);
  const candidates = candidatePlacements(ctx, grid, options.baseline);
  const { rejected } = candidates;
  if (rejected.size > 0 && !options.elastic) return { ok: false, grid, rejected };

  const soft = options.weights ?? DEFAULT_WEIGHTS;
  const moves = options.baseline ? moveWeights(ctx, soft) : null;
  const costOf = (p: Assignment) => placementCost(ctx, soft, options.baseline && moves ? { baseline: options.baseline, moves } : null, p);
  const stage = options.stage ?? 'whole';
  // The times stage has no rooms to tell apart.
  const roomClasses = stage === 'times' ? [] : identicalRoomClasses(ctx, options.baseline);
  let placements: readonly Assignment[] = candidates.placements;
  let costs: readonly number[];
  let roomOptions: readonly (readonly string[])[] | undefined;
  if (stage === 'times') {
    const slots = timeSlots(candidates.placements, costOf);
    placements = slots.placements;
    costs = slots.costs;
    roomOptions = slots.rooms;
  } else {
    if (stage !== 'whole') {
      const at = new Set(stage.rooms.map(stage.times === 'day' ? dayKey : timeKey));
      placements = placements.filter((p) => at.has(stage.times === 'day' ? dayKey(p) : timeKey(p)));
    }
    placements = withoutRoomSymmetry(placements, roomClasses);
    costs = placements.map(costOf);
  }
  const columns: MipColumn[] = placements.map((p, i) => ({
    name: `x_${p.item}_${p.room}_${p.date}_${p.start}`,
    cost: costs[i]!,
    lower: 0,
    upper: 1,
    integer: true,
  }));
  const rows: MipRow[] = [];
  const once: { item: string; members: readonly number[] }[] = [];
  const ruleSlack = new Map<string, { rule: string; subject: Subject; column: number; constraints: PackingConstraint[] }>();
  for (const rule of CONFLICT_RULES) {
    if (rule.aboutRooms && roomOptions) continue;
    rule.build(ctx, placements).forEach((c, k) => {
      if (c.kind === 'at-most' && c.members.length < 2) return;
      if (options.elastic && c.kind === 'exactly' && c.items?.length === 1) {
        once.push({ item: c.items[0]!, members: c.members });
        return;
      }
      const terms = c.members.map((i) => [i, 1] as [number, number]);
      if (options.elastic && options.elasticRules && c.kind === 'at-most' && c.subject !== undefined) {
        const key = `${rule.name}\u0000${c.subject.kind}\u0000${c.subject.id}\u0000${c.subject.date}`;
        let s = ruleSlack.get(key);
        if (!s) {
          s = { rule: rule.name, subject: c.subject, column: columns.length, constraints: [] };
          ruleSlack.set(key, s);
          // Its cost is set below, once every other cost is known.
          columns.push({ name: `gives_${rule.name}_${ruleSlack.size}`, cost: 0, lower: 0, upper: 1, integer: true });
        }
        s.constraints.push(c);
        // Once it gives, it gives entirely: sum(x) <= 1 + (members - 1) * gives.
        terms.push([s.column, -(c.members.length - 1)]);
      }
      const lower = c.kind === 'exactly' ? 1 : -Infinity;
      rows.push(makeRow(`${rule.name}_${k}`, lower, 1, terms));
    });
  }
  if (roomOptions) rows.push(...roomCapacityRows(ctx, placements, roomOptions));
  const pairs: ThemePair[] = [];
  const roomsOf = roomOptions ? (i: number) => roomOptions[i]! : undefined;
  // A clash that costs nothing needs no rows.
  const modelled = soft['theme-clash'] === 0 ? new Set<string>() : options.clashThemes;
  const clashRowsOf = themeClashRows(ctx, placements, roomsOf, modelled ? (pair) => pair.themes.some((t) => modelled.has(t)) : undefined);
  for (const { pair, rows: clashRows } of clashRowsOf) {
    const z = columns.length;
    columns.push({ name: `clash_${pair.a.id}_${pair.b.id}`, cost: soft['theme-clash'] * pair.weight, lower: 0, upper: 1, integer: false });
    pairs.push(pair);
    clashRows.forEach((members, k) => {
      // z - sum(members) >= -1
      rows.push(makeRow(`clash_${pair.a.id}_${pair.b.id}_${k}`, -1, Infinity, [[z, 1], ...members.map((i) => [i, -1] as const)]));
    });
  }
  rows.push(...forcedClashCuts(ctx, placements, pairs, placements.length, modelled));
  for (const term of ['advanced-clash', 'language-clash'] as const) {
    if (soft[term] === 0) continue;
    const languages = term === 'language-clash' ? options.clashLanguages : undefined;
    const pairs = languages ? overlapPairs(ctx, term).filter((p) => languages.has(p.a.language)) : overlapPairs(ctx, term);
    for (const { pair, rows: overlap } of overlapRows(placements, pairs, roomsOf)) {
      const z = columns.length;
      columns.push({ name: `${term}_${pair.a.id}_${pair.b.id}`, cost: soft[term], lower: 0, upper: 1, integer: false });
      overlap.forEach((members, k) => rows.push(makeRow(`${term}_${pair.a.id}_${pair.b.id}_${k}`, -1, Infinity, [[z, 1], ...members.map((i) => [i, -1] as const)])));
    }
  }
  const parts: Parts = { ctx, placements, byItem: placementsByItem(placements), columns, rows };
  introBlockColumns(parts, soft['intro-blocks']);
  const regionalOffset = lightningColumns(parts, soft['lightning-groups']);
  const offset = speakerDayColumns(parts, soft['speaker-days']);
  themeSpreadColumns(parts, soft['theme-spread']);
  // Leaving an item out costs more than every clash and move together: fewest items out first.
  const penalty = 1 + columns.reduce((n, c) => n + Math.max(0, c.cost), 0);
  for (const s of ruleSlack.values()) columns[s.column] = { ...columns[s.column]!, cost: penalty + 1 };
  const slack = once.map(({ item, members }) => {
    const column = columns.length;
    columns.push({ name: `unplaced_${item}`, cost: penalty, lower: 0, upper: 1, integer: true });
    rows.push(makeRow(`placed-once_${item}`, 1, 1, [...members.map((i) => [i, 1] as const), [column, 1] as const]));
    return { item, column };
  });
  const integralObjective = columns.every((c) => Number.isInteger(c.cost));
  const kind = typeof stage === 'string' ? stage : 'rooms';
  return {
    ok: true,
    model: {
      stage: kind,
      grid,
      placements,
      ...(roomOptions ? { roomOptions } : {}),
      mip: { columns, rows, offset: offset + regionalOffset, integralObjective },
      pairs,
      rejected,
      slack,
      ruleSlack: [...ruleSlack.values()],
      roomClasses,
    },
  };
}

/** What one placement costs on its own: speakers' wishes, room size, and moves from a baseline. */
function placementCost(ctx: Context, soft: Weights, baseline: { baseline: Baseline; moves: MoveWeights } | null, p: Assignment): number {
  return (
    (baseline ? moveCost(baseline.baseline, baseline.moves, p) : 0) +
    soft['speaker-avoid'] * avoidingSpeakers(ctx, p).length +
    soft['speaker-preferred'] * unpreferredSpeakers(ctx, p).length +
    soft['room-size'] * sizeSteps(ctx, p) * sizeUnits(ctx.items.get(p.item)!)
  );
}

const timeKey = (p: Assignment) => `${p.item}\u0000${p.date}\u0000${p.start}`;
const dayKey = (p: Assignment) => `${p.item}\u0000${p.date}`;

/**
 * The candidate placements merged per (item, date, start), in order, each
 * with the rooms it could use and the least cost among them.
 */
function timeSlots(
  placements: readonly Assignment[],
  costOf: (p: Assignment) => number,
): { placements: Assignment[]; rooms: string[][]; costs: number[] } {
  const index = new Map<string, number>();
  const out: Assignment[] = [];
  const rooms: string[][] = [];
  const costs: number[] = [];
  for (const p of placements) {
    const key = timeKey(p);
    const k = index.get(key);
    const cost = costOf(p);
    if (k === undefined) {
      index.set(key, out.length);
      out.push({ item: p.item, room: '', date: p.date, start: p.start, end: p.end });
      rooms.push([p.room]);
      costs.push(cost);
    } else {
      rooms[k]!.push(p.room);
      costs[k] = Math.min(costs[k]!, cost);
    }
  }
  // Candidates come by item, then room, then time: put each item's slots in time order.
  const order = out.map((_, i) => i).sort((a, b) => {
    const p = out[a]!;
    const q = out[b]!;
    return p.item < q.item ? -1 : p.item > q.item ? 1 : p.date < q.date ? -1 : p.date > q.date ? 1 : p.start - q.start;
  });
  return { placements: order.map((i) => out[i]!), rooms: order.map((i) => rooms[i]!.sort()), costs: order.map((i) => costs[i]!) };
}

/** Beyond this many sets of rooms per day, only the sets items use and their union are limited. */
const MAX_ROOM_SETS = 64;

/**
 * The `times` stage's stand-in for rooms: for each day and each set S of
 * rooms (the sets items may use, and their unions), at every moment no more
 * items whose rooms all lie in S run (with the hallway gap after) than S has
 * rooms open then. Necessary for a room assignment to exist (Hall's
 * condition at each moment), and sufficient when items of a kind share the
 * same rooms.
 */
function roomCapacityRows(ctx: Context, slots: readonly Assignment[], options: readonly (readonly string[])[]): MipRow[] {
  const rows: MipRow[] = [];
  for (const date of ctx.dates) {
    const onDate = slots.map((_, i) => i).filter((i) => slots[i]!.date === date);
    const family = roomSets(onDate.map((i) => options[i]!));
    family.forEach((set, s) => {
      const inSet = new Set(set);
      const members = onDate.filter((i) => options[i]!.every((r) => inSet.has(r)));
      for (const clique of cliquesAtStarts(slots, members, (p) => occupiedUntil(ctx, p))) {
        const open = set.filter((r) => isFree(availabilityFor(ctx, r), date, clique.at, clique.at + 1)).length;
        if (new Set(clique.members.map((i) => slots[i]!.item)).size <= open) continue;
        rows.push(makeRow(`rooms_${date}_${s}_${clique.at}`, -Infinity, open, clique.members.map((i) => [i, 1] as const)));
      }
    });
  }
  return rows;
}

/** Distinct room sets, closed under union while that stays small; in a stable order. */
function roomSets(lists: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const sets = new Map<string, readonly string[]>();
  for (const l of lists) sets.set(l.join('\u0000'), l);
  const base = [...sets.values()];
  let grew = true;
  while (grew && sets.size <= MAX_ROOM_SETS) {
    grew = false;
    for (const a of [...sets.values()]) {
      for (const b of base) {
        // Disjoint sets limit nothing together that they do not limit apart.
        if (!a.some((r) => b.includes(r))) continue;
        const union = [...new Set([...a, ...b])].sort();
        const key = union.join('\u0000');
        if (!sets.has(key)) {
          sets.set(key, union);
          grew = true;
        }
      }
    }
  }
  if (sets.size > MAX_ROOM_SETS) {
    const all = [...new Set(base.flat())].sort();
    return [...base, all].sort(bySetKey);
  }
  return [...sets.values()].sort(bySetKey);
}

function bySetKey(a: readonly string[], b: readonly string[]): number {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return compareText(x, y);
}

/**
 * speaker-days: for each speaker with several items and each date, a column
 * that must be 1 when any of their items runs that day; their sum less one per
 * speaker (the offset) is the number of extra days.
 */
function speakerDayColumns(parts: Parts, weight: number): number {
  const { ctx, placements, byItem, columns, rows } = parts;
  if (weight === 0) return 0;
  let offset = 0;
  for (const [speaker, ids] of busySpeakers(ctx)) {
    offset -= weight;
    for (const date of ctx.dates) {
      const u = columns.length;
      columns.push({ name: `days_${speaker}_${date}`, cost: weight, lower: 0, upper: 1, integer: false });
      for (const id of ids) {
        const on = (byItem.get(id) ?? []).filter((i) => placements[i]!.date === date);
        if (on.length > 0) rows.push(makeRow(`days_${speaker}_${date}_${id}`, 0, Infinity, [[u, 1], ...on.map((i) => [i, -1] as const)]));
      }
    }
  }
  return offset;
}

/** theme-spread: a column per theme and day that must be 1 when none of the theme's sessions runs that day. */
function themeSpreadColumns(parts: Parts, weight: number): void {
  const { ctx, placements, byItem, columns, rows } = parts;
  if (weight === 0) return;
  for (const [theme, items] of spreadThemes(ctx)) {
    const ids = new Set(items.map((i) => i.id));
    for (const date of ctx.dates) {
      const v = columns.length;
      columns.push({ name: `spread_${theme}_${date}`, cost: weight, lower: 0, upper: 1, integer: false });
      const on = [...ids].flatMap((id) => (byItem.get(id) ?? []).filter((i) => placements[i]!.date === date));
      // v + sum(on) >= 1
      rows.push(makeRow(`spread_${theme}_${date}`, 1, Infinity, [[v, 1], ...on.map((i) => [i, 1] as const)]));
    }
  }
}

/**
 * intro-blocks: per program window, a column u (1 when any workshop runs in
 * it) and a penalty column d >= u - (intro workshops in it).
 */
function introBlockColumns(parts: Parts, weight: number): void {
  const { ctx, placements, byItem, columns, rows } = parts;
  if (weight === 0 || !introGoalApplies(ctx)) return;
  const workshops = [...byItem].filter(([id]) => ctx.items.get(id)?.format === 'workshop');
  ctx.programWindows.forEach((w, k) => {
    const inside = new Map<string, readonly number[]>();
    for (const [id, list] of workshops) {
      const here = list.filter((i) => placements[i]!.date === w.date && w.start <= placements[i]!.start && placements[i]!.end <= w.end);
      if (here.length > 0) inside.set(id, here);
    }
    if (inside.size === 0) return;
    const u = columns.length;
    columns.push({ name: `workshops_${k}`, cost: 0, lower: 0, upper: 1, integer: false });
    const d = columns.length;
    columns.push({ name: `no-intro_${k}`, cost: weight, lower: 0, upper: 1, integer: false });
    const intro: number[] = [];
    for (const [id, list] of inside) {
      // u >= sum of this workshop's placements in the window (it runs there at most once).
      rows.push(makeRow(`workshops_${k}_${id}`, 0, Infinity, [[u, 1], ...list.map((i) => [i, -1] as const)]));
      if (ctx.items.get(id)?.level === 'intro') intro.push(...list);
    }
    // d - u + sum(intro) >= 0
    rows.push(makeRow(`no-intro_${k}`, 0, Infinity, [[d, 1], [u, -1], ...intro.map((i) => [i, 1] as const)]));
  });
}

/**
 * lightning-groups. Per link (a, b) of a country's order, a penalty column
 * that must be 1 when a is placed and b does not start where a ends, in the
 * same room: for each placement p of a, broken >= x_p - sum(x_q of b at
 * p's room and end). In the times stage rooms are '' and only the time
 * counts (a relaxation). For the regional initiatives, a column per lobby
 * block that must be 1 when any of them runs there; their sum less one (the
 * returned offset) is the extra blocks.
 */
function lightningColumns(parts: Parts, weight: number): number {
  const { ctx, placements, byItem, columns, rows } = parts;
  if (weight === 0) return 0;
  const { countries, regional } = lightningGroups(ctx);
  // Where each talk of a country can start (only talks that have a link need looking up).
  const at = new Map<string, number>();
  for (const talks of countries) {
    for (const t of talks) for (const i of byItem.get(t.id) ?? []) at.set(`${t.id}\u0000${placements[i]!.room}\u0000${placements[i]!.date}\u0000${placements[i]!.start}`, i);
  }
  for (const talks of countries) {
    for (let k = 0; k + 1 < talks.length; k++) {
      const a = talks[k]!.id;
      const b = talks[k + 1]!.id;
      const broken = columns.length;
      columns.push({ name: `follows_${a}_${b}`, cost: weight, lower: 0, upper: 1, integer: false });
      for (const i of byItem.get(a) ?? []) {
        const p = placements[i]!;
        const next = at.get(`${b}\u0000${p.room}\u0000${p.date}\u0000${p.end}`);
        // broken - x_p + x_next >= 0
        rows.push(makeRow(`follows_${a}_${b}_${i}`, 0, Infinity, [[broken, 1], [i, -1], ...(next === undefined ? [] : [[next, 1] as const])]));
      }
    }
  }
  const placedRegional = regional.filter((item) => (byItem.get(item.id) ?? []).length > 0);
  if (placedRegional.length === 0) return 0;
  const blocks = new Map<string, Map<string, number[]>>();
  for (const item of placedRegional) {
    for (const i of byItem.get(item.id)!) {
      const key = blockOf(ctx, placements[i]!);
      const inBlock = blocks.get(key) ?? new Map<string, number[]>();
      inBlock.set(item.id, [...(inBlock.get(item.id) ?? []), i]);
      blocks.set(key, inBlock);
    }
  }
  for (const [key, inBlock] of [...blocks.entries()].sort(byKey)) {
    const used = columns.length;
    columns.push({ name: `regional_${key.replaceAll('\u0000', '_')}`, cost: weight, lower: 0, upper: 1, integer: false });
    for (const [id, list] of inBlock) rows.push(makeRow(`regional_${used}_${id}`, 0, Infinity, [[used, 1], ...list.map((i) => [i, -1] as const)]));
  }
  return -weight;
}

/** What the soft goals' column builders share: the placements, indexed once by item, and the model being built. */
type Parts = {
  readonly ctx: Context;
  readonly placements: readonly Assignment[];
  readonly byItem: ReadonlyMap<string, readonly number[]>;
  readonly columns: MipColumn[];
  readonly rows: MipRow[];
};

/** PlacedItem indices by item id, in order. */
function placementsByItem(placements: readonly Assignment[]): ReadonlyMap<string, readonly number[]> {
  const map = new Map<string, number[]>();
  placements.forEach((p, i) => {
    const list = map.get(p.item);
    if (list) list.push(i);
    else map.set(p.item, [i]);
  });
  return map;
}

/** Items an elastic solution leaves out. */
export function leftOut(model: BuiltModel, values: ArrayLike<number>): readonly string[] {
  return model.slack.filter((s) => (values[s.column] ?? 0) > 0.5).map((s) => s.item);
}

/** The placements a solution chose (value above one half). */
export function decode(model: BuiltModel, values: ArrayLike<number>): Schedule {
  return model.placements.filter((_, i) => (values[i] ?? 0) > 0.5);
}

/**
 * A schedule as a starting solution of this model, or null when it is not one
 * (an item missing, or placed where the model has no candidate). Penalty
 * columns are set to what the schedule implies.
 */
export function initialValues(model: BuiltModel, given: Schedule): Float64Array | null {
  // Identical rooms relabelled the one way the model admits.
  const schedule = canonicalRooms(given, model.roomClasses);
  const keyOf = (p: Assignment) => (model.stage === 'times' ? timeKey(p) : `${p.item}\u0000${p.room}\u0000${p.date}\u0000${p.start}`);
  const index = new Map(model.placements.map((p, i) => [keyOf(p), i]));
  const items = new Set(model.placements.map((p) => p.item));
  const values = new Float64Array(model.mip.columns.length);
  const at = new Map<string, Assignment>();
  for (const a of schedule) {
    if (!items.has(a.item)) continue;
    const i = index.get(keyOf(a));
    if (i === undefined || at.has(a.item)) return null;
    values[i] = 1;
    at.set(a.item, a);
  }
  if (at.size !== items.size) return null;
  model.pairs.forEach((pair, k) => {
    const x = at.get(pair.a.id);
    const y = at.get(pair.b.id);
    if (x && y && x.date === y.date && x.start < y.end && y.start < x.end) values[model.placements.length + k] = 1;
  });
  // Every other penalty column (speaker days, theme spread) as low as its rows allow.
  for (const row of model.mip.rows) {
    if (row.lower === -Infinity) continue;
    let activity = 0;
    row.indices.forEach((c, k) => (activity += row.values[k]! * values[c]!));
    if (activity >= row.lower - 1e-9) continue;
    const k = row.indices.findIndex((c, j) => c >= model.placements.length && !model.mip.columns[c]!.integer && row.values[j]! > 0);
    if (k < 0) continue;
    const c = row.indices[k]!;
    values[c] = Math.min(model.mip.columns[c]!.upper, values[c]! + (row.lower - activity) / row.values[k]!);
  }
  return values;
}
