/**
 * The exact seated-interest model as a MIP, over any set of blocks:
 * placement binaries x[p,b,c] (proposal p in block b, in one space of class
 * c: spaces of equal capacity are interchangeable), seating variables
 * a[g,p,b] (people of group g seated in p; continuous, since for fixed
 * placements the seating is a transportation problem with an integral
 * optimum), the hard rules from ./rules.ts as rows, and
 *
 *   a[g,p,b] <= n_g * y[p,b]                      nobody sits in a session that does not run
 *   sum_p a[g,p,b] + n_g * y[q,b] <= n_g           one session per person and block; runners of q are in q
 *   sum_g a[g,p,b] <= sum_c seats(p,c) x[p,b,c]    a session seats at most its space, less its roles
 *
 * where y[p,b] = sum_c x[p,b,c]. The objective (minimised, so negated) is the
 * seated interest, the runners' interest in their own sessions, the re-run
 * terms, less an optional price per proposal (column generation's duals).
 * Over all blocks it is the whole problem; over one block, with prices, it
 * is the pricing problem of ./patterns.ts.
 */
import { makeRow, type MipColumn, type MipModel, type MipRow } from '../model/mip.js';
import type { Instance } from './instance.js';
import { seatsIn } from './instance.js';
import { CONFLICT_RULES, type Placed } from './rules.js';
import { slotBonus } from './score.js';

/** A placement column: proposal p in block b, in one space of class c (rep: the class's first space). */
export type Candidate = { readonly p: number; readonly b: number; readonly c: number; readonly rep: number };

export type SeatModel = {
  readonly mip: MipModel;
  /** Column i < candidates.length is candidates[i]. */
  readonly candidates: readonly Candidate[];
};

export type SeatModelOptions = {
  /** Subtracted from the value of placing each proposal (by index); none when absent. */
  readonly prices?: ArrayLike<number>;
  /** Keep "pinned: exactly once" rows (the whole problem); a one-block pricing model drops them. */
  readonly pins: boolean;
};

export function candidatesOf(inst: Instance, blocks: readonly number[]): Candidate[] {
  const S = inst.spaceIds.length;
  const out: Candidate[] = [];
  for (let p = 0; p < inst.proposals.length; p++) {
    for (const b of blocks) {
      (inst.classes[b] ?? []).forEach((cls, c) => {
        const rep = cls.spaces[0]!;
        if (inst.allowed[p]![b * S + rep]) out.push({ p, b, c, rep });
      });
    }
  }
  return out;
}

export function buildSeatModel(inst: Instance, blocks: readonly number[], options: SeatModelOptions): SeatModel {
  const S = inst.spaceIds.length;
  const candidates = candidatesOf(inst, blocks);
  const columns: MipColumn[] = [];
  const rows: MipRow[] = [];
  const price = (p: number) => options.prices?.[p] ?? 0;
  candidates.forEach((x) => {
    const id = inst.proposals[x.p]!.id;
    const value = inst.runnerValue[x.p]! + slotBonus(inst, x.p, x.b * S + x.rep) - price(x.p);
    columns.push({ name: `x:${id}:${inst.blockIds[x.b]}:${inst.classes[x.b]![x.c]!.key}`, cost: -value, lower: 0, upper: 1, integer: true });
  });

  // The hard rules, built over the candidates as placements.
  const placed: Placed[] = candidates.map((x) => ({
    proposal: inst.proposals[x.p]!.id,
    block: inst.blockIds[x.b]!,
    spaces: inst.classes[x.b]![x.c]!.spaces.map((s) => inst.spaceIds[s]!),
  }));
  for (const rule of CONFLICT_RULES) {
    for (const c of rule.build(inst.ctx, placed)) {
      if (c.members.length === 0) {
        if (c.exact && options.pins) rows.push({ name: c.rule, lower: 1, upper: 1, indices: [], values: [] });
        continue;
      }
      if (!c.exact && c.members.length <= c.limit) continue;
      const exact = c.exact && options.pins;
      rows.push(makeRow(`${c.rule}:${rows.length}`, exact ? c.limit : -Infinity, c.limit, c.members.map((i) => [i, 1] as const)));
    }
  }

  // Seating, block by block.
  for (const b of blocks) {
    const here = candidates.map((x, i) => [x, i] as const).filter(([x]) => x.b === b);
    const byProposal = new Map<number, number[]>();
    for (const [x, i] of here) byProposal.set(x.p, [...(byProposal.get(x.p) ?? []), i]);
    const seatedBy = new Map<number, [number, number][]>();
    for (const [p, xs] of byProposal) {
      const gs = inst.interestedGroup[p]!;
      const ws = inst.interestedWeight[p]!;
      const capacityTerms: [number, number][] = xs.map((i) => [i, -seatsIn(inst, p, candidates[i]!.rep)]);
      for (let k = 0; k < gs.length; k++) {
        const g = gs[k]!;
        const n = inst.groups[g]!.count;
        const a = columns.length;
        columns.push({ name: `a:${g}:${inst.proposals[p]!.id}:${inst.blockIds[b]}`, cost: -ws[k]!, lower: 0, upper: n, integer: false });
        rows.push(makeRow(`open:${a}`, -Infinity, 0, [[a, 1], ...xs.map((i) => [i, -n] as [number, number])]));
        capacityTerms.push([a, 1]);
        seatedBy.set(g, [...(seatedBy.get(g) ?? []), [a, 1]]);
      }
      rows.push(makeRow(`seats:${inst.proposals[p]!.id}:${inst.blockIds[b]}`, -Infinity, 0, capacityTerms));
    }
    for (const [g, terms] of seatedBy) {
      const n = inst.groups[g]!.count;
      const running = inst.groups[g]!.runs.flatMap((q) => (byProposal.get(q) ?? []).map((i) => [i, n] as [number, number]));
      rows.push(makeRow(`person:${g}:${inst.blockIds[b]}`, -Infinity, n, [...terms, ...running]));
    }
  }
  return { mip: { columns, rows, integralObjective: options.prices === undefined }, candidates };
}

/**
 * The placement a solution of the model chooses: in each block and class,
 * the chosen proposals take the class's spaces in id order.
 */
export function decodePlacement(inst: Instance, model: SeatModel, values: ArrayLike<number>, base?: Int32Array): Int32Array {
  const S = inst.spaceIds.length;
  const at = base ? Int32Array.from(base) : new Int32Array(inst.proposals.length).fill(-1);
  const chosen = new Map<string, number[]>();
  model.candidates.forEach((x, i) => {
    if ((values[i] ?? 0) < 0.5) return;
    const key = `${x.b}:${x.c}`;
    chosen.set(key, [...(chosen.get(key) ?? []), x.p]);
  });
  for (const [key, ps] of chosen) {
    const [b = 0, c = 0] = key.split(':').map(Number);
    const spaces = inst.classes[b]![c]!.spaces;
    ps.sort((x, y) => x - y).forEach((p, i) => {
      const s = spaces[i];
      if (s !== undefined) at[p] = b * S + s;
    });
  }
  return at;
}
