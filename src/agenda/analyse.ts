/**
 * What a finished agenda means for people, as data (render turns it into
 * words): interest met and where the rest went (left out, lost to capacity,
 * to co-interest clashes, to running a session), the pairs of sessions that
 * split the same people in one block, why each left-out proposal is out and
 * who wanted it, which proposals could merge.
 */
import type { Instance } from './instance.js';
import { demandOf, leftOuts, merges, shared, type LeftOut, type Merge } from './left-out.js';
import { seatingOf, type Placement } from './score.js';
import { compareText } from '../domain/compare.js';

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

export type { LeftOut, Merge } from './left-out.js';

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
    sessions: sessions.sort((x, y) => compareText(x.proposal, y.proposal)),
    clashes: clashPairs(inst, at),
    left: leftOuts(inst, at),
    merges: merges(inst, at),
  };
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
  return out.sort((x, y) => y.people - x.people || compareText(x.block, y.block) || compareText(x.a, y.a) || compareText(x.b, y.b));
}

