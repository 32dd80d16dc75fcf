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
import { itemLabel, type Context } from '../context.js';
import { byId, byKey } from '../../domain/compare.js';

export const LIGHTNING_TERM = {
  name: 'lightning-groups',
  description:
    "A country's lightning talks do not follow one another in its order (government, civil society, IRM) in one lobby block (per broken link), or the regional initiatives use one more block than needed.",
} as const;

const SECTOR_ORDER = ['government', 'civil_society', 'irm'];

/** Is this lightning talk a regional initiative rather than a country's? */
export function isRegional(item: Item): boolean {
  return /^(regional|region|región|)$/i.test(item.country.trim());
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
    const key = t.country.trim().toLowerCase();
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
  const w = ctx.programWindows.find((w) => w.date === a.date && w.start <= a.start && a.end <= w.end);
  return `${a.room}\u0000${a.date}\u0000${w?.start ?? a.start}`;
}

export function scoreLightningGroups(ctx: Context, schedule: Schedule): readonly string[] {
  const at = new Map<string, Assignment>();
  for (const a of schedule) if (!at.has(a.item)) at.set(a.item, a);
  const { countries, regional } = lightningGroups(ctx);
  const out: string[] = [];
  for (const talks of countries) {
    for (let k = 0; k + 1 < talks.length; k++) {
      const x = at.get(talks[k]!.id);
      const y = at.get(talks[k + 1]!.id);
      if (!x || !y) continue;
      if (x.room === y.room && x.date === y.date && y.start === x.end) continue;
      out.push(
        `${itemLabel(talks[k + 1]!)} (${y.room}, ${formatSpan(y.date, y.start, y.end)}) does not follow ${itemLabel(talks[k]!)} (${x.room}, ${formatSpan(x.date, x.start, x.end)}) in ${talks[0]!.country}'s lightning talks`,
      );
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
    out.push(`the regional initiatives use ${used.length} lobby blocks instead of one (${used.map((ids) => ids.join(', ')).join(' | ')})`);
  }
  return out;
}
