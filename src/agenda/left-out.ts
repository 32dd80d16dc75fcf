/**
 * The proposals left out of an agenda, as data: who wanted each, its best
 * possible place (a free slot, or in place of a session) and what that would
 * change in interest met, or the rules in the way of every slot; and the
 * merges worth suggesting (a left-out proposal whose people mostly want a
 * placed one; two sessions of one block that share most of their people).
 */
import type { Instance } from './instance.js';
import { PLACEMENT_RULES } from './rules.js';
import { blockValue, type Placement } from './score.js';
import { compareText } from '../domain/compare.js';

export type LeftOut = {
  readonly proposal: string;
  /** Who marked it, with their dots, by id. */
  readonly wantedBy: readonly { readonly registrant: string; readonly weight: number }[];
  readonly demand: number;
  /** The best place it could have taken, and what that would change in interest met (negative: less). */
  readonly best: { readonly block: string; readonly space: string; readonly displaced: string | null; readonly change: number } | null;
  /** When no slot keeps every rule: the rules in the way. */
  readonly blockedBy: readonly string[];
};

export type Merge = { readonly proposal: string; readonly into: string; readonly shared: number; readonly of: number; readonly why: 'left-out' | 'clash' };

export function demandOf(inst: Instance, p: number): number {
  let total = inst.runnerValue[p]!;
  inst.interestedGroup[p]!.forEach((g, i) => (total += inst.groups[g]!.count * inst.interestedWeight[p]![i]!));
  return total;
}

/** People who marked both proposals (runners included). */
const markSets = new WeakMap<Instance, { marks: readonly ReadonlySet<number>[]; marking: readonly (readonly number[])[] }>();
export function shared(inst: Instance, p: number, q: number): number {
  let m = markSets.get(inst);
  if (!m) {
    const marking: number[][] = inst.proposals.map(() => []);
    inst.groups.forEach((g, gi) => g.interests.forEach(([x]) => marking[x]!.push(gi)));
    m = { marks: inst.groups.map((g) => new Set(g.interests.map(([x]) => x))), marking };
    markSets.set(inst, m);
  }
  let n = 0;
  for (const g of m.marking[p]!) if (m.marks[g]!.has(q)) n += inst.groups[g]!.count;
  return n;
}

export function leftOuts(inst: Instance, at: Placement): LeftOut[] {
  const S = inst.spaceIds.length;
  const out: LeftOut[] = [];
  const occ = new Map<number, number>();
  at.forEach((k, p) => k >= 0 && occ.set(k, p));
  const base = inst.blockIds.map((_, b) => blockValue(inst, at, b));
  inst.proposals.forEach((proposal, p) => {
    if (at[p]! >= 0) return;
    const wantedBy: { registrant: string; weight: number }[] = [];
    inst.groups.forEach((g) => {
      const w = g.interests.find(([x]) => x === p)?.[1];
      if (w !== undefined) for (const m of g.members) wantedBy.push({ registrant: m, weight: w });
    });
    wantedBy.sort((x, y) => compareText(x.registrant, y.registrant));
    let best: LeftOut['best'] = null;
    const blocked = new Set<string>();
    const allowedRow = inst.allowed[p]!;
    for (let k = 0; k < allowedRow.length; k++) {
      if (!allowedRow[k]) continue;
      const b = Math.floor(k / S);
      const q = occ.get(k);
      if (q !== undefined && inst.pinned[q]) {
        blocked.add(`${inst.spaceIds[k % S]} in block ${inst.blockIds[b]} holds pinned ${inst.proposals[q]!.id}`);
        continue;
      }
      const clashWith = [...occ].filter(([slot, r]) => Math.floor(slot / S) === b && r !== q && inst.apart[p]!.has(r)).map(([, r]) => inst.proposals[r]!.id);
      if (clashWith.length > 0) {
        blocked.add(`block ${inst.blockIds[b]} has ${clashWith.join(', ')} (a shared runner or a declared conflict)`);
        continue;
      }
      const trial = Int32Array.from(at);
      if (q !== undefined) trial[q] = -1;
      trial[p] = k;
      const change = blockValue(inst, trial, b) - base[b]! + inst.runnerValue[p]! - (q !== undefined ? inst.runnerValue[q]! : 0);
      if (!best || change > best.change) best = { block: inst.blockIds[b]!, space: inst.spaceIds[k % S]!, displaced: q === undefined ? null : inst.proposals[q]!.id, change };
    }
    const blockedBy = best ? [] : allowedRow.includes(1) ? [...blocked].sort() : placementReasons(inst, p);
    out.push({ proposal: proposal.id, wantedBy, demand: demandOf(inst, p), best, blockedBy });
  });
  return out;
}

/** Why no slot at all keeps the placement rules (min_size, pins, availability). */
function placementReasons(inst: Instance, p: number): string[] {
  const proposal = inst.proposals[p]!;
  const reasons = new Set<string>();
  for (const block of inst.input.blocks) {
    if (inst.frozenBlock[inst.blockIndex.get(block.id)!]) {
      reasons.add(`block ${block.id} is already held`);
      continue;
    }
    for (const space of inst.input.spaces) {
      for (const rule of PLACEMENT_RULES) if (rule.check(inst.ctx, proposal, block, space) !== null) reasons.add(rule.name);
    }
  }
  return [...reasons].sort();
}

export function merges(inst: Instance, at: Placement): Merge[] {
  const S = inst.spaceIds.length;
  const out: Merge[] = [];
  const wanted = (p: number) => inst.interestedGroup[p]!.reduce((n, g) => n + inst.groups[g]!.count, 0);
  const placed = [...at.keys()].filter((p) => at[p]! >= 0);
  for (let p = 0; p < at.length; p++) {
    if (at[p]! >= 0 || wanted(p) === 0) continue;
    let best: Merge | null = null;
    for (const q of placed) {
      const n = shared(inst, p, q);
      if (n >= 2 && n * 5 >= wanted(p) * 2 && (!best || n > best.shared)) best = { proposal: inst.proposals[p]!.id, into: inst.proposals[q]!.id, shared: n, of: wanted(p), why: 'left-out' };
    }
    if (best) out.push(best);
  }
  for (const p of placed) {
    for (const q of placed) {
      if (q <= p || Math.floor(at[p]! / S) !== Math.floor(at[q]! / S)) continue;
      const n = shared(inst, p, q);
      const [small, big] = wanted(p) <= wanted(q) ? [p, q] : [q, p];
      if (n >= 3 && n * 2 >= wanted(small)) out.push({ proposal: inst.proposals[small]!.id, into: inst.proposals[big]!.id, shared: n, of: wanted(small), why: 'clash' });
    }
  }
  return out.sort((x, y) => y.shared - x.shared || compareText(x.proposal, y.proposal) || compareText(x.into, y.into)).slice(0, 12);
}
