/**
 * The tighter bound of `--prove`: block patterns at given prices.
 *
 * A pattern is what one block holds (sessions in spaces), worth its exact
 * seating plus its runners' interest (and re-run terms). An agenda is one
 * pattern per block with no proposal twice. For any prices pi_p >= 0 on the
 * proposals (free for pinned ones, which run exactly once),
 *
 *   value(agenda) = sum_b [v(k_b) - pi(k_b)] + sum_{p placed} pi_p
 *                <= sum_b Z_b(pi) + sum_p pi_p,      Z_b(pi) = max_k [v(k) - pi(k)]
 *
 * so the right-hand side is an upper bound on every agenda, whatever the
 * prices, as long as each Z_b is itself an upper bound. Z_b comes from the
 * one-block model of ./model.ts solved by HiGHS: its proven dual bound, never
 * a heuristic value, so the bound is real even when a solve stops early. The
 * prices are the Lagrangian step's (./lagrange.ts). Blocks that are alike
 * (same spaces, same allowed proposals, no pin or baseline of their own)
 * share one pricing solve.
 */
import type { Solver } from '../solve/index.js';
import type { Instance } from './instance.js';
import { buildSeatModel } from './model.js';
import { slotBonus } from './score.js';

/** Blocks that share one pricing problem, by a signature of everything the model of one block reads. */
export function blockKinds(inst: Instance): readonly (readonly number[])[] {
  const S = inst.spaceIds.length;
  const kinds = new Map<string, number[]>();
  inst.blockIds.forEach((_, b) => {
    const parts: string[] = [inst.frozenBlock[b] ? 'frozen' : 'open'];
    for (const cls of inst.classes[b]!) parts.push(`${cls.key}=${cls.spaces.join(',')}`);
    inst.proposals.forEach((_, p) => {
      const cells = inst.classes[b]!.map((cls) => `${inst.allowed[p]![b * S + cls.spaces[0]!]}${slotBonus(inst, p, b * S + cls.spaces[0]!)}`);
      parts.push(cells.join(''));
    });
    const key = parts.join('|');
    kinds.set(key, [...(kinds.get(key) ?? []), b]);
  });
  return [...kinds.values()];
}

export type PricedBound = {
  /** Rounded down; null when a pricing solve gave no bound. */
  readonly bound: number | null;
  readonly solves: number;
  /** Solves stopped at their time limit (their proven dual bound was used). */
  readonly stopped: number;
};

/**
 * The bound at the given prices (negative ones are raised to 0, except for
 * pinned proposals, which run exactly once): sum of prices plus, per block,
 * the proven bound of its pricing model. Blocks that are alike share a solve;
 * the seconds are shared out among the solves.
 */
export async function pricedBound(
  inst: Instance,
  rawPrices: ArrayLike<number>,
  options: { readonly solver: Solver; readonly seconds: number; readonly now: () => number },
): Promise<PricedBound> {
  const prices = Float64Array.from({ length: inst.proposals.length }, (_, p) => (inst.pinned[p] ? rawPrices[p] ?? 0 : Math.max(0, rawPrices[p] ?? 0)));
  let total = prices.reduce((a, b) => a + b, 0);
  const kinds = blockKinds(inst);
  const until = options.now() + options.seconds * 1000;
  let solves = 0;
  let stopped = 0;
  for (const [i, kind] of kinds.entries()) {
    const model = buildSeatModel(inst, [kind[0]!], { prices, pins: false });
    const seconds = Math.max(0.5, (until - options.now()) / 1000 / (kinds.length - i));
    const r = await options.solver(model.mip, { backend: 'highs', timeLimitSeconds: seconds });
    solves++;
    if ((r.status !== 'optimal' && r.status !== 'feasible') || r.bound === null) return { bound: null, solves, stopped };
    if (r.status === 'feasible') stopped++;
    total += -r.bound * kind.length;
  }
  // Every agenda's value is a whole number: round down, with room for the solver's tolerances.
  return { bound: Math.floor(total + 0.01), solves, stopped };
}
