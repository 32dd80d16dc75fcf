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
import type { Item, Schedule } from '../../domain/types.js';
import { byId } from '../../domain/compare.js';
import { groupIndices } from '../../domain/group.js';
import { formatSpan } from '../../domain/time.js';
import { itemLabel, type Context } from '../context.js';
import type { Candidates } from '../candidates.js';
import { forcedPairCost } from './bounds.js';
import { crowdingRelaxation, familiesFor, type ClashFamily } from './crowding.js';
import { counted, type Goal } from './goal.js';
import { overlapColumns, overlapping, type ItemPair } from './overlap.js';
import { themePairs } from './theme-clash.js';

export type OverlapPair = ItemPair & { readonly why: string };

type PairGoalName = 'advanced-clash' | 'language-clash';

const cache = new WeakMap<Context, Map<PairGoalName, readonly OverlapPair[]>>();

/** The pairs a goal counts when they overlap, in a stable order. */
export function overlapPairs(ctx: Context, goal: PairGoalName): readonly OverlapPair[] {
  let byGoal = cache.get(ctx);
  if (!byGoal) cache.set(ctx, (byGoal = new Map()));
  const cached = byGoal.get(goal);
  if (cached) return cached;
  const pairs: OverlapPair[] = [];
  if (goal === 'advanced-clash') {
    const advanced = (i: Item) => i.format === 'workshop' && i.level === 'advanced';
    for (const p of themePairs(ctx)) if (advanced(p.a) && advanced(p.b)) pairs.push({ a: p.a, b: p.b, why: `both advanced, on ${p.themes.join(', ')}` });
  } else {
    const common = ctx.commonLanguage;
    const spoken = [...ctx.items.values()].sort(byId).filter((i) => i.format !== 'plenary' && i.language !== '' && i.language !== common);
    for (let i = 0; i < spoken.length; i++) {
      for (let j = i + 1; j < spoken.length; j++) {
        const a = spoken[i]!;
        const b = spoken[j]!;
        if (a.language === b.language) pairs.push({ a, b, why: `both in ${a.language}` });
      }
    }
  }
  byGoal.set(goal, pairs);
  return pairs;
}

const familyCache = new WeakMap<Candidates, Map<PairGoalName, readonly ClashFamily[]>>();

/**
 * The groups whose items' pairs a goal counts (a language; a theme of
 * advanced workshops), with what each costs at least by counting
 * (forcedPairCost): the bound and its relaxation both read them. A pair of
 * advanced workshops may share several themes: each theme counts its part.
 */
function pairFamilies(ctx: Context, candidates: Candidates, name: PairGoalName): readonly ClashFamily[] {
  return familiesFor(familyCache, candidates, name, () => {
    const language = byLanguage(name);
    const pairs = overlapPairs(ctx, name);
    const keysOf = (i: Item) => (language ? [i.language] : i.themes);
    const within = groupIndices(pairs, (p) => keysOf(p.a).filter((k) => keysOf(p.b).includes(k)));
    const most = language ? 1 : Math.max(1, ...pairs.map((p) => p.a.themes.filter((t) => p.b.themes.includes(t)).length));
    return [...within].map(([key, indices]): ClashFamily => {
      const group = indices.map((k) => pairs[k]!);
      const items = [...new Set(group.flatMap((p) => [p.a, p.b]))];
      const floor = forcedPairCost(ctx, items, candidates, group.map((p) => ({ a: p.a, b: p.b, cost: 1 }))) / most;
      return { key, items, pairs: group.map((p) => ({ a: p.a, b: p.b, cost: 1 / most })), floor };
    });
  });
}

/** Language clashes are counted per language, and their rows added lazily per language; advanced clashes per theme, at once. */
const byLanguage = (name: PairGoalName) => name === 'language-clash';

function pairGoal(name: PairGoalName, description: string, defaultWeight: number): Goal {
  const lazyByLanguage = byLanguage(name);
  const scored = (ctx: Context, schedule: Schedule) => overlapping(schedule, overlapPairs(ctx, name));
  return {
    name,
    description,
    defaultWeight,
    model(parts, weight) {
      const keys = lazyByLanguage ? parts.lazyKeys : undefined;
      const pairs = overlapPairs(parts.ctx, name).filter((p) => !keys || keys.has(p.a.language));
      return overlapColumns(parts, name, pairs, () => weight).offset;
    },
    score: (ctx, schedule) =>
      counted(
        scored(ctx, schedule).map((p) => ({
          items: [p.a.id, p.b.id],
          message: `${itemLabel(p.a)} and ${itemLabel(p.b)} run at once on ${formatSpan(p.date, p.start, p.end)} (${p.why})`,
        })),
      ),
    maxUnits: (ctx) => overlapPairs(ctx, name).length,
    minUnits: (ctx, candidates) => pairFamilies(ctx, candidates, name).reduce((n, f) => n + f.floor, 0),
    // Advanced workshops share one track, where counting already sees what crowding would.
    ...(lazyByLanguage ? { relaxation: (ctx: Context, candidates: Candidates) => crowdingRelaxation(ctx, candidates, pairFamilies(ctx, candidates, name)) } : {}),
    ...(lazyByLanguage ? { lazy: { keysOf: (ctx: Context, schedule: Schedule) => [...new Set(scored(ctx, schedule).map((p) => p.a.language))].sort() } } : {}),
  };
}

export const advancedClashGoal = pairGoal('advanced-clash', 'Two advanced workshops sharing a theme run at the same time (per pair).', 100);

export const languageClashGoal = pairGoal(
  'language-clash',
  'Two sessions in the same language run at the same time, for every language but the most common one among workshops and lightning talks (per pair).',
  20,
);
