/**
 * Minimal change against a previous schedule (a baseline). Moving an item to
 * another time costs more than moving it to another room, and either costs
 * more than every theme clash together, so a re-run moves only what it must
 * and then, among the schedules that move that little, clashes least. Items
 * new since the baseline move nothing; items no longer in the event are
 * ignored.
 */
import type { Assignment, Schedule } from '../../domain/types.js';
import type { Context } from '../context.js';
import { overlapPairs } from './pair-overlap.js';
import { sizeUnits } from './room-size.js';
import { themePairs } from './theme-clash.js';
import { DEFAULT_WEIGHTS, type Weights } from './weights.js';

export type Baseline = ReadonlyMap<string, Assignment>;

export type MoveWeights = { readonly room: number; readonly time: number };

export const MOVES_TERMS = {
  time: { name: 'moved-time', description: 'Items moved to another date or start time than in the baseline.' },
  room: { name: 'moved-room', description: 'Items kept at their time but moved to another room than in the baseline.' },
};

export function baselineOf(schedule: Schedule): Baseline {
  const map = new Map<string, Assignment>();
  for (const a of schedule) if (!map.has(a.item)) map.set(a.item, a);
  return map;
}

/**
 * A room move outweighs every soft goal together (all clashes, and every
 * speaker wish broken for every item); a time move outweighs two room moves.
 */
export function moveWeights(ctx: Context, weights: Weights = DEFAULT_WEIGHTS): MoveWeights {
  const clashes = weights['theme-clash'] * themePairs(ctx).reduce((n, p) => n + p.weight, 0);
  const speakerSlots = [...ctx.items.values()].reduce((n, i) => n + i.speakers.length, 0);
  const wishes = (weights['speaker-avoid'] + weights['speaker-preferred']) * speakerSlots + weights['speaker-days'] * ctx.dates.length * ctx.speakers.size;
  const sizes = weights['room-size'] * [...ctx.items.values()].reduce((n, i) => n + sizeUnits(i) * ctx.rooms.size, 0);
  const spread = weights['theme-spread'] * ctx.dates.length * new Set([...ctx.items.values()].flatMap((i) => i.themes)).size;
  const pairs = weights['advanced-clash'] * overlapPairs(ctx, 'advanced-clash').length + weights['language-clash'] * overlapPairs(ctx, 'language-clash').length;
  const blocks = weights['intro-blocks'] * ctx.programWindows.length + weights['lightning-groups'] * [...ctx.items.values()].filter((i) => i.format === 'lightning').length;
  const room = 1 + Math.ceil(clashes + wishes + sizes + spread + pairs + blocks);
  return { room, time: 2 * room + 1 };
}

export type MoveKind = 'time' | 'room' | null;

export function moveKind(baseline: Baseline, p: Assignment): MoveKind {
  const b = baseline.get(p.item);
  if (!b) return null;
  if (b.date !== p.date || b.start !== p.start) return 'time';
  return b.room !== p.room ? 'room' : null;
}

export function moveCost(baseline: Baseline, weights: MoveWeights, p: Assignment): number {
  const kind = moveKind(baseline, p);
  return kind === null ? 0 : weights[kind];
}

export type Moves = { readonly time: readonly string[]; readonly room: readonly string[]; readonly cost: number };

export function scoreMoves(baseline: Baseline, weights: MoveWeights, schedule: Schedule): Moves {
  const time: string[] = [];
  const room: string[] = [];
  for (const a of schedule) {
    const kind = moveKind(baseline, a);
    if (kind === 'time') time.push(a.item);
    if (kind === 'room') room.push(a.item);
  }
  time.sort();
  room.sort();
  return { time, room, cost: time.length * weights.time + room.length * weights.room };
}
