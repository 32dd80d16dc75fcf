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
  /** People who marked it (its runners included), and their dots. */
  readonly wanted: number;
  readonly demand: number;
  /** People seated in it by the best seating (runners not counted), and the dots met there, runners' own included. */
  readonly seated: number;
  readonly met: number;
  /** People who wanted it and found it full: they sit in something they wanted less, or nowhere. */
  readonly turnedAway: number;
  /** People who wanted it but sit in another session of the block they wanted at least as much. */
  readonly elsewhere: number;
  /** People who wanted it but run another session in the block. */
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
  /** Dots marked for proposals left out. */
  readonly leftOut: number;
  /** Per person and block: the dots of their best session placed there less what they got (seats ran out). */
  readonly capacity: number;
  /** Per person and block: the dots of the sessions placed there beyond their best (nobody attends two at once). */
  readonly clash: number;
  /** Dots of runners for the other sessions of the block they run one in. */
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
  const totals = { met: 0, capacity: 0, clash: 0, running: 0 };
  for (let b = 0; b < inst.blockIds.length; b++) {
    const { block, seating } = seatingOf(inst, at, b);
    const flow = seating.flow!;
    // Per group: the sessions of this block its people sit in, and how many.
    const seats = new Map<number, Map<number, number>>();
    for (let e = 0; e < block.problem.edges; e++) {
      if (flow[e] === 0) continue;
      const g = block.edgeGroup[e]!;
      const p = block.sessions[block.problem.edgeSession[e]!]!;
      if (!seats.has(g)) seats.set(g, new Map());
      seats.get(g)!.set(p, flow[e]!);
    }
    const here = new Set(block.sessions);
    const busy = new Set(block.sessions.flatMap((p) => inst.runnerGroups[p]!));
    const figures = new Map(block.sessions.map((p) => [p, { seated: 0, met: inst.runnerValue[p]!, turnedAway: 0, elsewhere: 0, running: 0 }]));
    totals.met += block.sessions.reduce((n, p) => n + inst.runnerValue[p]!, 0);
    inst.groups.forEach((group, g) => {
      const marked = group.interests.filter(([p]) => here.has(p) && !group.runs.includes(p));
      if (marked.length === 0) return;
      const n = group.count;
      const weights = marked.map(([, w]) => w);
      const most = Math.max(...weights);
      const sum = weights.reduce((a, w) => a + w, 0);
      if (busy.has(g)) {
        totals.running += n * sum;
        for (const [p] of marked) figures.get(p)!.running += n;
        return;
      }
      const sat = seats.get(g) ?? new Map<number, number>();
      const weightOf = new Map(marked);
      let seated = 0;
      for (const [p, f] of sat) {
        const w = weightOf.get(p) ?? 0;
        seated += f;
        totals.met += f * w;
        totals.capacity += f * (most - w);
        figures.get(p)!.seated += f;
        figures.get(p)!.met += f * w;
      }
      totals.capacity += (n - seated) * most;
      totals.clash += n * (sum - most);
      for (const [p, w] of marked) {
        let atLeast = 0;
        for (const [q, f] of sat) if (q !== p && (weightOf.get(q) ?? 0) >= w) atLeast += f;
        const fig = figures.get(p)!;
        fig.elsewhere += atLeast;
        fig.turnedAway += n - (sat.get(p) ?? 0) - atLeast;
      }
    });
    for (const p of block.sessions) {
      const runnersWanting = inst.runnerGroups[p]!.filter((g) => inst.groups[g]!.interests.some(([q]) => q === p));
      sessions.push({
        proposal: inst.proposals[p]!.id,
        block: inst.blockIds[b]!,
        space: inst.spaceIds[at[p]! % S]!,
        wanted: [...inst.interestedGroup[p]!, ...runnersWanting].reduce((n, g) => n + inst.groups[g]!.count, 0),
        demand: demandOf(inst, p),
        ...figures.get(p)!,
      });
    }
  }
  const leftOutDots = inst.proposals.reduce((n, _, p) => (at[p]! < 0 ? n + demandOf(inst, p) : n), 0);
  return {
    total: inst.totalInterest,
    met: totals.met,
    leftOut: leftOutDots,
    capacity: totals.capacity,
    clash: totals.clash,
    running: totals.running,
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
