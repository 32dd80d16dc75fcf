/**
 * The greedy agenda of open-space tools (the bench's baseline, and the
 * search's first agenda): pinned proposals first, then the most wanted
 * first, each into the block where it clashes least with what is already
 * there (fewest people who want both), in that block's biggest free space.
 * A proposal with no free slot that keeps every rule is left out.
 */
import type { Instance } from './instance.js';
import type { Placement } from './score.js';
import { compareText } from '../domain/compare.js';

/** Total weight of interest in each proposal, its runners' own included. */
export function demandOf(inst: Instance): readonly number[] {
  return inst.proposals.map((_, p) => {
    let total = inst.runnerValue[p]!;
    const gs = inst.interestedGroup[p]!;
    const ws = inst.interestedWeight[p]!;
    for (let i = 0; i < gs.length; i++) total += ws[i]! * inst.groups[gs[i]!]!.count;
    return total;
  });
}

/** People who marked both p and q, per proposal pair, computed on demand. */
export function coInterest(inst: Instance): (p: number, q: number) => number {
  const marks = inst.groups.map((g) => new Set(g.interests.map(([p]) => p)));
  const cache = new Map<number, number>();
  const P = inst.proposals.length;
  return (p, q) => {
    const key = p < q ? p * P + q : q * P + p;
    const known = cache.get(key);
    if (known !== undefined) return known;
    let n = 0;
    const a = p < q ? p : q;
    const b = p < q ? q : p;
    for (const g of inst.interestedGroup[a]!) if (marks[g]!.has(b)) n += inst.groups[g]!.count;
    cache.set(key, n);
    return n;
  };
}

export function greedyPlacement(inst: Instance): Placement {
  const P = inst.proposals.length;
  const B = inst.blockIds.length;
  const S = inst.spaceIds.length;
  const at = new Int32Array(P).fill(-1);
  const occ = new Int32Array(B * S).fill(-1);
  const inBlock: number[][] = Array.from({ length: B }, () => []);
  const demand = demandOf(inst);
  const both = coInterest(inst);
  const order = [...Array(P).keys()].sort(
    (a, b) => Number(inst.pinned[b]) - Number(inst.pinned[a]) || demand[b]! - demand[a]! || compareText(inst.proposals[a]!.id, inst.proposals[b]!.id),
  );
  const fits = (p: number, b: number) => inBlock[b]!.every((q) => !inst.apart[p]!.has(q));
  for (const p of order) {
    let best: { k: number; clash: number; capacity: number } | null = null;
    for (let b = 0; b < B; b++) {
      if (!fits(p, b)) continue;
      // The block's biggest free space this proposal may use.
      let k = -1;
      for (let s = 0; s < S; s++) {
        const slot = b * S + s;
        if (occ[slot] !== -1 || !inst.allowed[p]![slot]) continue;
        if (k < 0 || inst.capacity[s]! > inst.capacity[k % S]!) k = slot;
      }
      if (k < 0) continue;
      let clash = 0;
      for (const q of inBlock[b]!) clash += both(p, q);
      const capacity = inst.capacity[k % S]!;
      if (!best || clash < best.clash || (clash === best.clash && capacity > best.capacity)) best = { k, clash, capacity };
    }
    if (!best) continue;
    at[p] = best.k;
    occ[best.k] = p;
    inBlock[Math.floor(best.k / S)]!.push(p);
  }
  return at;
}
