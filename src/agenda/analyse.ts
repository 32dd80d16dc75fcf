/**
 * What a finished agenda means for people, as data (render turns it into
 * words): interest met and where the rest went (left out, lost to capacity,
 * to co-interest clashes, to running a session), the pairs of sessions that
 * split the same people in one block, why each left-out proposal is out and
 * who wanted it, which proposals could merge.
 */
import type { Instance } from './instance.js';
import { PLACEMENT_RULES } from './rules.js';
import { blockValue, seatingOf, type Placement } from './score.js';

export type SessionFigures = {
  readonly proposal: string;
  readonly block: string;
  readonly space: string;
  /** People who marked it (runners included), and their dots. */
  readonly wanted: number;
  readonly demand: number;
  /** People seated in the best seating (runners not counted) and their dots, runners' own dots included. */
  readonly seated: number;
  readonly met: number;
  /** Dots of people who wanted it but sit in another session they marked in this block. */
  readonly clash: number;
  /** Dots of people who wanted it and found no seat. */
  readonly capacity: number;
  /** Dots of people who wanted it but run another session in this block. */
  readonly running: number;
};

export type ClashPair = { readonly block: string; readonly a: string; readonly b: string; readonly people: number };

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

export type Analysis = {
  readonly total: number;
  readonly met: number;
  readonly leftOut: number;
  readonly capacity: number;
  readonly clash: number;
  readonly running: number;
  readonly sessions: readonly SessionFigures[];
  /** Pairs with people in common, most people first. */
  readonly clashes: readonly ClashPair[];
  readonly left: readonly LeftOut[];
  readonly merges: readonly Merge[];
};

export function analyse(inst: Instance, at: Placement): Analysis {
  const S = inst.spaceIds.length;
  const sessions: SessionFigures[] = [];
  let met = 0;
  let capacity = 0;
  let clash = 0;
  let running = 0;
  const people = (p: number) => {
    const out = new Map<number, number>();
    inst.interestedGroup[p]!.forEach((g, i) => out.set(g, inst.interestedWeight[p]![i]!));
    return out;
  };
  for (let b = 0; b < inst.blockIds.length; b++) {
    const { block, seating } = seatingOf(inst, at, b);
    const flow = seating.flow!;
    const seatedIn = new Map<string, number>();
    const seatedTotal = new Map<number, number>();
    for (let e = 0; e < block.problem.edges; e++) {
      const g = block.edgeGroup[e]!;
      const j = block.problem.edgeSession[e]!;
      seatedIn.set(`${g}:${j}`, flow[e]!);
      seatedTotal.set(g, (seatedTotal.get(g) ?? 0) + flow[e]!);
    }
    const busy = new Set(block.sessions.flatMap((p) => inst.runnerGroups[p]!));
    block.sessions.forEach((p, j) => {
      const fig = { seated: 0, met: inst.runnerValue[p]!, clash: 0, capacity: 0, running: 0 };
      for (const [g, w] of people(p)) {
        const n = inst.groups[g]!.count;
        if (busy.has(g)) {
          fig.running += n * w;
          continue;
        }
        const f = seatedIn.get(`${g}:${j}`) ?? 0;
        const elsewhere = Math.min(n - f, (seatedTotal.get(g) ?? 0) - f);
        fig.seated += f;
        fig.met += f * w;
        fig.clash += elsewhere * w;
        fig.capacity += (n - f - elsewhere) * w;
      }
      met += fig.met;
      clash += fig.clash;
      capacity += fig.capacity;
      running += fig.running;
      const runnersWanting = inst.runnerGroups[p]!.filter((g) => inst.groups[g]!.interests.some(([q]) => q === p));
      sessions.push({
        proposal: inst.proposals[p]!.id,
        block: inst.blockIds[b]!,
        space: inst.spaceIds[at[p]! % S]!,
        wanted: [...people(p).keys(), ...runnersWanting].reduce((n, g) => n + inst.groups[g]!.count, 0),
        demand: demandOf(inst, p),
        ...fig,
      });
    });
  }
  const leftOutDots = inst.proposals.reduce((n, _, p) => (at[p]! < 0 ? n + demandOf(inst, p) : n), 0);
  return {
    total: inst.totalInterest,
    met,
    leftOut: leftOutDots,
    capacity,
    clash,
    running,
    sessions: sessions.sort((x, y) => (x.proposal < y.proposal ? -1 : 1)),
    clashes: clashPairs(inst, at),
    left: leftOuts(inst, at),
    merges: merges(inst, at),
  };
}

function demandOf(inst: Instance, p: number): number {
  let total = inst.runnerValue[p]!;
  inst.interestedGroup[p]!.forEach((g, i) => (total += inst.groups[g]!.count * inst.interestedWeight[p]![i]!));
  return total;
}

/** People who marked both proposals (runners included). */
const markSets = new WeakMap<Instance, { marks: readonly ReadonlySet<number>[]; marking: readonly (readonly number[])[] }>();
function shared(inst: Instance, p: number, q: number): number {
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

function clashPairs(inst: Instance, at: Placement): ClashPair[] {
  const S = inst.spaceIds.length;
  const out: ClashPair[] = [];
  inst.blockIds.forEach((blockId, b) => {
    const here = [...at.keys()].filter((p) => at[p]! >= 0 && Math.floor(at[p]! / S) === b);
    for (let i = 0; i < here.length; i++) {
      for (let j = i + 1; j < here.length; j++) {
        const n = shared(inst, here[i]!, here[j]!);
        const [a, c] = [inst.proposals[here[i]!]!.id, inst.proposals[here[j]!]!.id].sort() as [string, string];
        if (n > 0) out.push({ block: blockId, a, b: c, people: n });
      }
    }
  });
  return out.sort((x, y) => y.people - x.people || (x.block < y.block ? -1 : x.block > y.block ? 1 : x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
}

function leftOuts(inst: Instance, at: Placement): LeftOut[] {
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
    wantedBy.sort((x, y) => (x.registrant < y.registrant ? -1 : 1));
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

function merges(inst: Instance, at: Placement): Merge[] {
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
  return out.sort((x, y) => y.shared - x.shared || (x.proposal < y.proposal ? -1 : x.proposal > y.proposal ? 1 : x.into < y.into ? -1 : 1)).slice(0, 12);
}
