/**
 * Soft goals about two items running at once, other than theme clashes:
 * - advanced-clash (workshop levels): two `advanced` workshops sharing a
 *   theme run at the same time, so the experienced audience must choose;
 * - language-clash (languages spread): two sessions in the same language run
 *   at the same time, for every language but the event's most common one
 *   among sessions without interpretation (workshops and lightning talks):
 *   people who follow only that language should not find all of its
 *   sessions at once and nothing the rest of the day.
 * One occurrence per pair; the model uses the same overlap rows as theme
 * clashes. Both only ever fall when items are left out, as the staged
 * solve's certificate needs (a part of an event keeps the whole event's
 * common language: see partOf in context.ts).
 */
import type { Assignment, Item, Schedule } from '../../domain/types.js';
import { formatSpan } from '../../domain/time.js';
import { itemLabel, type Context } from '../context.js';
import { themePairs } from './theme-clash.js';
import { byId } from '../../domain/compare.js';

export type OverlapPair = { readonly a: Item; readonly b: Item; readonly why: string };

export const PAIR_TERMS = {
  advanced: {
    name: 'advanced-clash',
    description: 'Two advanced workshops sharing a theme run at the same time (per pair).',
  },
  language: {
    name: 'language-clash',
    description: "Two sessions in the same language run at the same time, for every language but the most common one among workshops and lightning talks (per pair).",
  },
} as const;

export type PairTermName = (typeof PAIR_TERMS)[keyof typeof PAIR_TERMS]['name'];

const cache = new WeakMap<Context, Map<PairTermName, readonly OverlapPair[]>>();

/** The pairs a term counts when they overlap, in a stable order. */
export function overlapPairs(ctx: Context, term: PairTermName): readonly OverlapPair[] {
  let byTerm = cache.get(ctx);
  if (!byTerm) cache.set(ctx, (byTerm = new Map()));
  const cached = byTerm.get(term);
  if (cached) return cached;
  const items = [...ctx.items.values()].sort(byId);
  const pairs: OverlapPair[] = [];
  if (term === 'advanced-clash') {
    const advanced = (i: Item) => i.format === 'workshop' && i.level === 'advanced';
    for (const p of themePairs(ctx)) if (advanced(p.a) && advanced(p.b)) pairs.push({ a: p.a, b: p.b, why: `both advanced, on ${p.themes.join(', ')}` });
  } else {
    const spoken = items.filter((i) => i.format !== 'plenary' && i.language !== '');
    const common = ctx.commonLanguage;
    forPairs(
      spoken.filter((i) => i.language !== common),
      (a, b) => {
        if (a.language === b.language) pairs.push({ a, b, why: `both in ${a.language}` });
      },
    );
  }
  byTerm.set(term, pairs);
  return pairs;
}

function forPairs(items: readonly Item[], f: (a: Item, b: Item) => void): void {
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) f(items[i]!, items[j]!);
}

/** The pairs of a term that overlap in a finished schedule, with when. */
export function overlappingPairs(ctx: Context, schedule: Schedule, term: PairTermName): readonly (OverlapPair & { readonly date: string; readonly start: number; readonly end: number })[] {
  const at = new Map<string, Assignment>();
  for (const a of schedule) if (!at.has(a.item)) at.set(a.item, a);
  const out: (OverlapPair & { date: string; start: number; end: number })[] = [];
  for (const pair of overlapPairs(ctx, term)) {
    const x = at.get(pair.a.id);
    const y = at.get(pair.b.id);
    if (!x || !y || x.date !== y.date) continue;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ ...pair, date: x.date, start, end });
  }
  return out;
}

/** The pairs of a term that overlap in a finished schedule, each in plain words. */
export function scorePairOverlaps(ctx: Context, schedule: Schedule, term: PairTermName): readonly string[] {
  return overlappingPairs(ctx, schedule, term).map(
    (p) => `${itemLabel(p.a)} and ${itemLabel(p.b)} run at once on ${formatSpan(p.date, p.start, p.end)} (${p.why})`,
  );
}
