/**
 * Between a model's columns and schedules: the schedule a solution chose,
 * the items an elastic solution left out, and a schedule as a starting
 * solution (a warm start).
 */
import type { Assignment, Schedule } from '../domain/types.js';
import type { BuiltModel } from './build.js';
import { canonicalRooms } from './symmetry.js';
import { timeKey } from './times-stage.js';

/** The placements a solution chose (value above one half). */
export function scheduleOf(model: BuiltModel, values: ArrayLike<number>): Schedule {
  return model.placements.filter((_, i) => (values[i] ?? 0) > 0.5);
}

/** Items an elastic solution leaves out. */
export function leftOut(model: BuiltModel, values: ArrayLike<number>): readonly string[] {
  return model.slack.filter((s) => (values[s.column] ?? 0) > 0.5).map((s) => s.item);
}

/**
 * A schedule as a starting solution of this model, or null when it is not one
 * (an item missing, or placed where the model has no candidate). Penalty
 * columns are set as low as their rows allow, which is what the schedule
 * costs: the rows come in the order their goals built them, each after the
 * columns it leans on.
 */
export function initialValues(model: BuiltModel, given: Schedule): Float64Array | null {
  // Identical rooms relabelled the one way the model admits.
  const schedule = canonicalRooms(given, model.roomClasses);
  const keyOf = (p: Assignment) => (model.stage === 'times' ? timeKey(p) : `${p.item}\u0000${p.room}\u0000${p.date}\u0000${p.start}`);
  const index = new Map(model.placements.map((p, i) => [keyOf(p), i]));
  const items = new Set(model.placements.map((p) => p.item));
  const values = new Float64Array(model.mip.columns.length);
  const at = new Set<string>();
  for (const a of schedule) {
    if (!items.has(a.item)) continue;
    const i = index.get(keyOf(a));
    if (i === undefined || at.has(a.item)) return null;
    values[i] = 1;
    at.add(a.item);
  }
  if (at.size !== items.size) return null;
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
