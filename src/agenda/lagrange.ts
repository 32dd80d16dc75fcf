/**
 * A quick upper bound, proven in plain arithmetic: relax "one session per
 * person and block" with a price u[g,b] >= 0 per person (of group g) and
 * block. What is left falls apart into independent sessions: placed in a
 * space, proposal p then seats the interested people whose weight exceeds
 * their price, best first, up to its seats; a runner of p costs the price of
 * their block. Choosing where each proposal goes is then an assignment of
 * proposals to (block, space) slots, interchangeable spaces taken together
 * (./transport.ts); the bound sums the assignment's dual certificate, so it
 * holds even if the assignment found were not the best.
 * Dropping the rules about runners and declared conflicts only loosens it.
 * For every u >= 0,
 *
 *   L(u) = sum_{g,b} n_g u[g,b] + max_assignment sum_{p in slot k} value_k(p; u)
 *
 * is an upper bound on every agenda; subgradient steps on u lower it towards
 * the LP relaxation of the whole model (./model.ts), whose optimum it
 * reaches in the limit. The assignment's row prices are the proposals'
 * prices that ./patterns.ts then prices block patterns with.
 */
import { FORBIDDEN, maxTransport } from './transport.js';
import type { Instance } from './instance.js';
import { seatsIn } from './instance.js';
import { slotBonus } from './score.js';

export type LagrangeOptions = {
  /** Most subgradient steps. */
  readonly iterations: number;
  /** The value of the best agenda known (a lower bound): steps aim at it, and reaching it proves that agenda optimal. */
  readonly target: number;
  readonly now: () => number;
  readonly deadline: number;
};

export type LagrangeResult = {
  /** The least bound found, rounded down (every agenda is worth a whole number); null when the pins cannot all be kept. */
  readonly bound: number | null;
  readonly iterations: number;
  /** The proposals' prices at the least bound (see ./patterns.ts). */
  readonly prices: Float64Array;
};

export function lagrangeBound(inst: Instance, options: LagrangeOptions): LagrangeResult {
  const P = inst.proposals.length;
  const B = inst.blockIds.length;
  const S = inst.spaceIds.length;
  const G = inst.groups.length;
  // Columns: each block's classes of interchangeable spaces (the slot of the class's first space
  // stands for all of them), then one "left out" column for every proposal but the pinned.
  const slots: number[] = [];
  const capacity: number[] = [];
  for (let b = 0; b < B; b++) {
    for (const cls of inst.classes[b]!) {
      slots.push(b * S + cls.spaces[0]!);
      capacity.push(cls.spaces.length);
    }
  }
  const K = slots.length;
  capacity.push(P);
  const u = new Float64Array(G * B);
  const seated = new Float64Array(G * B);
  let best: number | null = null;
  let bestPrices = new Float64Array(P);
  let theta = 2;
  let sinceBetter = 0;
  let iterations = 0;

  // Per proposal and block: the interested groups' reduced weights, best first.
  const order: Int32Array[] = inst.proposals.map((_, p) => Int32Array.from(inst.interestedGroup[p]!.keys()));
  const value = new Float64Array(P * K);
  const weights = new Float64Array(P * (K + 1));
  while (iterations < options.iterations && options.now() <= options.deadline) {
    iterations++;
    // Each proposal's value in each slot under the current prices.
    for (let p = 0; p < P; p++) {
      const gs = inst.interestedGroup[p]!;
      const ws = inst.interestedWeight[p]!;
      const idx = order[p]!;
      for (let b = 0; b < B; b++) {
        const reduced = (i: number) => ws[i]! - u[gs[i]! * B + b]!;
        idx.sort((x, y) => reduced(y) - reduced(x));
        let runners = 0;
        for (const g of inst.runnerGroups[p]!) runners += inst.groups[g]!.count * u[g * B + b]!;
        for (let k = 0; k < K; k++) {
          const slot = slots[k]!;
          if (Math.floor(slot / S) !== b) continue;
          if (!inst.allowed[p]![slot]) {
            value[p * K + k] = Number.NaN;
            continue;
          }
          let left = seatsIn(inst, p, slot % S);
          let v = inst.runnerValue[p]! + slotBonus(inst, p, slot) - runners;
          for (let t = 0; t < idx.length && left > 0; t++) {
            const r = reduced(idx[t]!);
            if (r <= 0) break;
            const n = Math.min(left, inst.groups[gs[idx[t]!]!]!.count);
            v += n * r;
            left -= n;
          }
          value[p * K + k] = v;
        }
      }
    }
    const C = K + 1;
    for (let p = 0; p < P; p++) {
      for (let j = 0; j < K; j++) {
        const v = value[p * K + j]!;
        weights[p * C + j] = Number.isNaN(v) ? FORBIDDEN : v;
      }
      weights[p * C + K] = inst.pinned[p] ? FORBIDDEN : 0;
    }
    const result = maxTransport(P, C, capacity, weights);
    if (result === null) return { bound: null, iterations, prices: bestPrices };
    // The bound is the assignment's dual certificate: valid whatever the assignment found.
    let L = result.dualValue;
    for (let i = 0; i < G * B; i++) L += inst.groups[Math.floor(i / B)]!.count * u[i]!;
    if (best === null || L < best - 1e-9) {
      best = L;
      bestPrices = Float64Array.from(result.rowPrice);
      sinceBetter = 0;
    } else if (++sinceBetter >= 8) {
      theta /= 2;
      sinceBetter = 0;
    }
    if (best - options.target < 1 - 1e-6 || theta < 1e-4) break;

    // Subgradient: free places per person and block, less seats taken and sessions run.
    seated.fill(0);
    for (let p = 0; p < P; p++) {
      const j = result.column[p]!;
      if (j >= K) continue;
      const slot = slots[j]!;
      const b = Math.floor(slot / S);
      const gs = inst.interestedGroup[p]!;
      const ws = inst.interestedWeight[p]!;
      const idx = order[p]!;
      idx.sort((x, y) => ws[y]! - u[gs[y]! * B + b]! - (ws[x]! - u[gs[x]! * B + b]!));
      let left = seatsIn(inst, p, slot % S);
      for (let t = 0; t < idx.length && left > 0; t++) {
        const g = gs[idx[t]!]!;
        if (ws[idx[t]!]! - u[g * B + b]! <= 0) break;
        const n = Math.min(left, inst.groups[g]!.count);
        seated[g * B + b]! += n;
        left -= n;
      }
      for (const g of inst.runnerGroups[p]!) seated[g * B + b]! += inst.groups[g]!.count;
    }
    let norm = 0;
    for (let i = 0; i < G * B; i++) {
      const s = inst.groups[Math.floor(i / B)]!.count - seated[i]!;
      seated[i] = s;
      norm += s * s;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(0, L - options.target)) / norm;
    for (let i = 0; i < G * B; i++) u[i] = Math.max(0, u[i]! - step * seated[i]!);
  }
  return { bound: best === null ? null : Math.floor(best + 1e-6), iterations, prices: bestPrices };
}
