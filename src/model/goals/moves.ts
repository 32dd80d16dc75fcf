/**
 * Minimal change against a previous schedule (a baseline). Moving an item to
 * another time costs more than moving it to another room, and either costs
 * more than every other goal at its worst together, so a re-run moves only
 * what it must and then, among the schedules that move that little, keeps
 * the other goals as low as it can. Items new since the baseline move
 * nothing; items no longer in the event are ignored.
 *
 * The two move goals are not in the registry: their weights follow from the
 * others' (moveWeights), not from weights.csv.
 */
import type { Assignment, Schedule } from '../../domain/types.js';
import type { Context } from '../context.js';
import { counted, type Goal, type WeightedGoal } from './goal.js';

export type Baseline = ReadonlyMap<string, Assignment>;

export type MoveWeights = { readonly room: number; readonly time: number };

export function baselineOf(schedule: Schedule): Baseline {
  const map = new Map<string, Assignment>();
  for (const a of schedule) if (!map.has(a.item)) map.set(a.item, a);
  return map;
}

/** A room move outweighs every weighted goal at its worst together; a time move outweighs two room moves. */
export function moveWeights(ctx: Context, goals: readonly WeightedGoal[]): MoveWeights {
  const worst = goals.reduce((n, { goal, weight }) => n + weight * goal.maxUnits(ctx), 0);
  const room = 1 + Math.ceil(worst);
  return { room, time: 2 * room + 1 };
}

export type MoveKind = 'time' | 'room';

export function moveKind(baseline: Baseline, p: Assignment): MoveKind | null {
  const b = baseline.get(p.item);
  if (!b) return null;
  if (b.date !== p.date || b.start !== p.start) return 'time';
  return b.room !== p.room ? 'room' : null;
}

function moveGoal(kind: MoveKind, baseline: Baseline, description: string): Goal {
  return {
    name: `moved-${kind}`,
    description,
    defaultWeight: 0,
    placementUnits: (_ctx, p) => (moveKind(baseline, p) === kind ? 1 : 0),
    score: (_ctx, schedule) =>
      counted(
        schedule
          .filter((a) => moveKind(baseline, a) === kind)
          .map((a) => a.item)
          .sort()
          .map((item) => ({ items: [item], message: item })),
      ),
    maxUnits: (ctx) => ctx.items.size,
  };
}

/** The move goals of a re-run, time first, with the weights that outweigh `goals`. */
export function moveGoals(ctx: Context, baseline: Baseline, goals: readonly WeightedGoal[]): readonly WeightedGoal[] {
  const w = moveWeights(ctx, goals);
  return [
    { goal: moveGoal('time', baseline, 'Items moved to another date or start time than in the baseline.'), weight: w.time },
    { goal: moveGoal('room', baseline, 'Items kept at their time but moved to another room than in the baseline.'), weight: w.room },
  ];
}
