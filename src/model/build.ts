import type { Assignment, Schedule } from '../domain/types.js';
import { candidatePlacements, type Rejections } from './candidates.js';
import type { Context } from './context.js';
import { coarsestGrid } from './grid.js';
import { makeRow, type MipColumn, type MipModel, type MipRow } from './mip.js';
import { forcedClashCuts } from './objectives/clash-cuts.js';
import { moveCost, moveWeights, type Baseline } from './objectives/moves.js';
import { sizeSteps, sizeUnits } from './objectives/room-size.js';
import { spreadThemes } from './objectives/theme-spread.js';
import { avoidingSpeakers, busySpeakers, unpreferredSpeakers } from './objectives/speakers.js';
import { DEFAULT_WEIGHTS, type Weights } from './objectives/weights.js';
import { themeClashRows, type ThemePair } from './objectives/theme-clash.js';
import { CONFLICT_RULES } from './rules/conflicts.js';

export type BuiltModel = {
  readonly grid: number;
  readonly placements: readonly Assignment[];
  readonly mip: MipModel;
  /** The theme pairs that got a penalty column, in column order after the placements. */
  readonly pairs: readonly ThemePair[];
  /** Elastic models only: per item, the column that is 1 when the item is left out. */
  readonly slack: readonly { readonly item: string; readonly column: number }[];
};

export type BuildOptions = {
  /**
   * Elastic: every item may be left out, at a cost above any schedule's total
   * cost, so the solver places as many items as possible (then the usual
   * objective). Used to find the fewest items that must give.
   */
  readonly elastic?: boolean;
  /** A previous schedule to stay close to: moving an item costs (see objectives/moves.ts). */
  readonly baseline?: Baseline;
  /** Soft-goal weights; the defaults when absent. */
  readonly weights?: Weights;
};

export type BuildResult =
  | { readonly ok: true; readonly model: BuiltModel }
  /** Some items have no admissible placement at all: no model is worth building. */
  | { readonly ok: false; readonly grid: number; readonly rejected: ReadonlyMap<string, Rejections> };

/**
 * The time-indexed model: one binary per admissible (item, room, start), one
 * row per packing constraint of every conflict rule, and the theme-clash
 * penalty columns and rows.
 */
export function buildModel(ctx: Context, options: BuildOptions = {}): BuildResult {
  const grid = coarsestGrid(ctx);
  const { placements, rejected } = candidatePlacements(ctx, grid);
  if (rejected.size > 0 && !options.elastic) return { ok: false, grid, rejected };

  const soft = options.weights ?? DEFAULT_WEIGHTS;
  const weights = options.baseline ? moveWeights(ctx, soft) : null;
  const columns: MipColumn[] = placements.map((p) => ({
    name: `x_${p.item}_${p.room}_${p.date}_${p.start}`,
    cost:
      (options.baseline && weights ? moveCost(options.baseline, weights, p) : 0) +
      soft['speaker-avoid'] * avoidingSpeakers(ctx, p).length +
      soft['speaker-preferred'] * unpreferredSpeakers(ctx, p).length +
      soft['room-size'] * sizeSteps(ctx, p) * sizeUnits(ctx.items.get(p.item)!),
    lower: 0,
    upper: 1,
    integer: true,
  }));
  const rows: MipRow[] = [];
  const once: { item: string; members: readonly number[] }[] = [];
  for (const rule of CONFLICT_RULES) {
    rule.build(ctx, placements).forEach((c, k) => {
      if (c.kind === 'at-most' && c.members.length < 2) return;
      if (options.elastic && c.kind === 'exactly' && c.items?.length === 1) {
        once.push({ item: c.items[0]!, members: c.members });
        return;
      }
      const lower = c.kind === 'exactly' ? 1 : -Infinity;
      rows.push(makeRow(`${rule.name}_${k}`, lower, 1, c.members.map((i) => [i, 1] as const)));
    });
  }
  const pairs: ThemePair[] = [];
  for (const { pair, rows: clashRows } of themeClashRows(ctx, placements)) {
    const z = columns.length;
    columns.push({ name: `clash_${pair.a.id}_${pair.b.id}`, cost: soft['theme-clash'] * pair.weight, lower: 0, upper: 1, integer: false });
    pairs.push(pair);
    clashRows.forEach((members, k) => {
      // z - sum(members) >= -1
      rows.push(makeRow(`clash_${pair.a.id}_${pair.b.id}_${k}`, -1, Infinity, [[z, 1], ...members.map((i) => [i, -1] as const)]));
    });
  }
  rows.push(...forcedClashCuts(ctx, placements, pairs, placements.length));
  const offset = speakerDayColumns(ctx, placements, soft['speaker-days'], columns, rows);
  themeSpreadColumns(ctx, placements, soft['theme-spread'], columns, rows);
  // Leaving an item out costs more than every clash and move together: fewest items out first.
  const penalty = 1 + columns.reduce((n, c) => n + Math.max(0, c.cost), 0);
  const slack = once.map(({ item, members }) => {
    const column = columns.length;
    columns.push({ name: `unplaced_${item}`, cost: penalty, lower: 0, upper: 1, integer: true });
    rows.push(makeRow(`placed-once_${item}`, 1, 1, [...members.map((i) => [i, 1] as const), [column, 1] as const]));
    return { item, column };
  });
  const integralObjective = columns.every((c) => Number.isInteger(c.cost));
  return { ok: true, model: { grid, placements, mip: { columns, rows, offset, integralObjective }, pairs, slack } };
}

/**
 * speaker-days: for each speaker with several items and each date, a column
 * that must be 1 when any of their items runs that day; their sum less one per
 * speaker (the offset) is the number of extra days.
 */
function speakerDayColumns(ctx: Context, placements: readonly Assignment[], weight: number, columns: MipColumn[], rows: MipRow[]): number {
  if (weight === 0) return 0;
  const byItem = placementsByItem(placements);
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
function themeSpreadColumns(ctx: Context, placements: readonly Assignment[], weight: number, columns: MipColumn[], rows: MipRow[]): void {
  if (weight === 0) return;
  const byItem = placementsByItem(placements);
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

/** Placement indices by item id, in order. */
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
export function initialValues(model: BuiltModel, schedule: Schedule): Float64Array | null {
  const index = new Map(model.placements.map((p, i) => [`${p.item}\u0000${p.room}\u0000${p.date}\u0000${p.start}`, i]));
  const items = new Set(model.placements.map((p) => p.item));
  const values = new Float64Array(model.mip.columns.length);
  const at = new Map<string, Assignment>();
  for (const a of schedule) {
    if (!items.has(a.item)) continue;
    const i = index.get(`${a.item}\u0000${a.room}\u0000${a.date}\u0000${a.start}`);
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
  return values;
}
