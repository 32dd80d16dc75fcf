/**
 * lightning-groups: the lobby's lightning talks come in groups. Each
 * country's talks run back to back in one lobby block, government first, then
 * civil society, then the independent reporting mechanism (by the sector of
 * the talk's first speaker; other sectors after, then by id). Regional
 * initiatives (country "Regional" or empty) are grouped in as few lobby
 * blocks as possible, in any order. One occurrence per broken link in a
 * country's order (the next talk does not start where the previous one ends,
 * in the same room) and per extra block the regional initiatives use.
 * Leaving talks out never raises it, as the staged solve's certificate needs.
 */
import type { Assignment, Item, Schedule } from '../../domain/types.js';
import { formatSpan } from '../../domain/time.js';
import { itemLabel, programWindowOf, type Context } from '../context.js';
import { countryKey, isRegionalCountry } from '../../domain/countries.js';
import { makeRow } from '../mip.js';
import { addPenalty, counted, type Goal, type GoalParts, type Occurrence } from './goal.js';
import { byId, byKey } from '../../domain/compare.js';

const SECTOR_ORDER = ['government', 'civil_society', 'irm'];

/** Is this lightning talk a regional initiative rather than a country's? */
export function isRegional(item: Item): boolean {
  return isRegionalCountry(item.country);
}

export type LightningGroups = {
  /** Each country's talks in their intended order, countries sorted; only countries with two or more. */
  readonly countries: readonly (readonly Item[])[];
  /** The regional initiatives, by id; empty unless there are two or more. */
  readonly regional: readonly Item[];
};

const cache = new WeakMap<Context, LightningGroups>();

export function lightningGroups(ctx: Context): LightningGroups {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const talks = [...ctx.items.values()].filter((i) => i.format === 'lightning').sort(byId);
  const rank = (i: Item) => {
    const sector = ctx.speakers.get(i.speakers[0] ?? '')?.sector ?? '';
    const k = SECTOR_ORDER.indexOf(sector);
    return k < 0 ? SECTOR_ORDER.length : k;
  };
  const byCountry = new Map<string, Item[]>();
  for (const t of talks) {
    if (isRegional(t)) continue;
    const key = countryKey(t.country);
    byCountry.set(key, [...(byCountry.get(key) ?? []), t]);
  }
  const countries = [...byCountry.entries()]
    .sort(byKey)
    .map(([, items]) => items.sort((a, b) => rank(a) - rank(b) || byId(a, b)))
    .filter((items) => items.length > 1);
  const regional = talks.filter(isRegional);
  const groups = { countries, regional: regional.length > 1 ? regional : [] };
  cache.set(ctx, groups);
  return groups;
}

/** The lobby block of a placement: its room and the program window holding it. */
export function blockOf(ctx: Context, a: Assignment): string {
  const w = programWindowOf(ctx, a);
  return `${a.room}\u0000${a.date}\u0000${w?.start ?? a.start}`;
}

/**
 * The model: per link (a, b) of a country's order, a penalty column that must
 * be 1 when a is placed and b does not start where a ends, in the same room:
 * for each placement p of a, broken >= x_p - sum(x_q of b at p's room and
 * end). In the times stage rooms are '' and only the time counts (a
 * relaxation). For the regional initiatives, a column per lobby block that
 * must be 1 when any of them runs there; their sum less one (the offset) is
 * the extra blocks.
 */
function lightningColumns(parts: GoalParts, weight: number): number {
  const { ctx, placements, byItem, rows } = parts;
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
      const broken = addPenalty(parts, `follows_${a}_${b}`, weight);
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
    const used = addPenalty(parts, `regional_${key.replaceAll('\u0000', '_')}`, weight);
    for (const [id, list] of inBlock) rows.push(makeRow(`regional_${used}_${id}`, 0, Infinity, [[used, 1], ...list.map((i) => [i, -1] as const)]));
  }
  return -weight;
}

function scoreLightningGroups(ctx: Context, schedule: Schedule): readonly Occurrence[] {
  const at = new Map<string, Assignment>();
  for (const a of schedule) if (!at.has(a.item)) at.set(a.item, a);
  const { countries, regional } = lightningGroups(ctx);
  const out: Occurrence[] = [];
  for (const talks of countries) {
    for (let k = 0; k + 1 < talks.length; k++) {
      const x = at.get(talks[k]!.id);
      const y = at.get(talks[k + 1]!.id);
      if (!x || !y) continue;
      if (x.room === y.room && x.date === y.date && y.start === x.end) continue;
      out.push({
        items: [x.item, y.item],
        message: `${itemLabel(talks[k + 1]!)} (${y.room}, ${formatSpan(y.date, y.start, y.end)}) does not follow ${itemLabel(talks[k]!)} (${x.room}, ${formatSpan(x.date, x.start, x.end)}) in ${talks[0]!.country}'s lightning talks`,
      });
    }
  }
  const placed = regional.filter((i) => at.has(i.id));
  const blocks = new Map<string, string[]>();
  for (const i of placed) {
    const key = blockOf(ctx, at.get(i.id)!);
    blocks.set(key, [...(blocks.get(key) ?? []), i.id]);
  }
  const used = [...blocks.values()];
  for (let k = 1; k < used.length; k++) {
    out.push({ items: placed.map((i) => i.id), message: `the regional initiatives use ${used.length} lobby blocks instead of one (${used.map((ids) => ids.join(', ')).join(' | ')})` });
  }
  return out;
}

export const lightningGroupsGoal: Goal = {
  name: 'lightning-groups',
  description:
    "A country's lightning talks do not follow one another in its order (government, civil society, IRM) in one lobby block (per broken link), or the regional initiatives use one more block than needed.",
  defaultWeight: 30,
  model: lightningColumns,
  score: (ctx, schedule) => counted(scoreLightningGroups(ctx, schedule)),
  maxUnits: (ctx) => [...ctx.items.values()].filter((i) => i.format === 'lightning').length,
  // A group longer than the longest lobby block it can use must break (or take another block) that often.
  minUnits: (ctx, candidates) => {
    const longest = (talks: readonly Item[]) => {
      const ids = new Set(talks.map((t) => t.id));
      let most = 0;
      for (const w of ctx.programWindows) {
        if (candidates.placements.some((p) => ids.has(p.item) && p.date === w.date && w.start <= p.start && p.end <= w.end)) most = Math.max(most, w.end - w.start);
      }
      return most;
    };
    const extra = (talks: readonly Item[]) => {
      const most = longest(talks);
      const total = talks.reduce((n, t) => n + t.duration, 0);
      return most === 0 ? 0 : Math.max(0, Math.ceil(total / most) - 1);
    };
    const { countries, regional } = lightningGroups(ctx);
    return countries.reduce((n, talks) => n + extra(talks), 0) + (regional.length > 0 ? extra(regional) : 0);
  },
};
