/**
 * How `convene agenda` finds its agenda and its bound: named steps, chosen
 * here and nowhere else, each reported with why it ran or not.
 *
 *   start     the greedy agenda (most wanted first, least clash), or on a
 *             re-run the baseline's slots that still keep every rule
 *   search    local search with exact seating (./search.ts), seeded
 *   lagrange  the quick upper bound (./lagrange.ts), LP strength
 *   exact     the whole model (./model.ts) by HiGHS, when it is small:
 *             proves the optimum outright
 *   patterns  with --prove: block patterns priced by HiGHS at the
 *             Lagrangian prices (./patterns.ts), a tighter bound
 *
 * The agenda depends on the inputs, the seed and the budgets, not on the
 * machine's speed, unless the time limit cuts the search short (reported).
 */
import type { AgendaBaseline } from '../domain/agenda.js';
import type { Solver } from '../solve/index.js';
import { greedyPlacement } from './greedy.js';
import { buildInstance, type Instance } from './instance.js';
import { lagrangeBound } from './lagrange.js';
import { buildSeatModel, candidatesOf, decodePlacement } from './model.js';
import { pricedBound } from './patterns.js';
import { seededRandom } from '../domain/random.js';
import { interestMet, objective, type Placement } from './score.js';
import { improve } from './search.js';

export const STEPS = ['start', 'search', 'lagrange', 'exact', 'patterns'] as const;
export type StepName = (typeof STEPS)[number];

export type StepReport = {
  readonly step: StepName;
  readonly ran: boolean;
  /** Why it ran or not, and what it found, in plain words. */
  readonly note: string;
  readonly seconds: number;
};

export type PlanOptions = {
  readonly seed: string;
  /** The whole run's limit. */
  readonly timeLimitSeconds: number;
  /** Seconds for the patterns step (0: skip it). */
  readonly proveSeconds: number;
  readonly solver: Solver;
  readonly now: () => number;
  /** Kicks of the search after its first local optimum. */
  readonly kicks?: number;
};

export type Plan = {
  readonly at: Placement;
  /** Interest met by the agenda. */
  readonly interest: number;
  /** The greedy agenda and its interest (the open-space baseline). */
  readonly greedy: { readonly at: Placement; readonly interest: number };
  /** Proven upper bound on the interest any agenda can meet (with the blocks already held as they were); null if none. */
  readonly bound: number | null;
  readonly boundMethod: 'none' | 'lagrange' | 'patterns' | 'exact';
  readonly steps: readonly StepReport[];
  /** The clock cut the search short: another run may differ. */
  readonly stoppedByClock: boolean;
};

/** Proposals x slots above which the search seats only its best-guessed moves. */
export const LARGE_NEIGHBOURHOOD = 4000;

/** Shares of --time-limit by which the search, then the bound, stop (the rest is for analysis and writing). */
export const SHARE = { search: 0.45, bound: 0.75 } as const;

/** Whole-model size up to which the exact step runs (placement columns, seating columns). */
export const EXACT_MAX = { placements: 400, seats: 3000 } as const;

export async function planAgenda(inst: Instance, baseline: AgendaBaseline | null, options: PlanOptions): Promise<Plan> {
  const started = options.now();
  const deadline = started + options.timeLimitSeconds * 1000;
  const steps: StepReport[] = [];
  const step = (name: StepName, ran: boolean, note: string, since: number) => steps.push({ step: name, ran, note, seconds: (options.now() - since) / 1000 });
  // The bound speaks of interest alone: on a re-run, over agendas that keep the blocks already held (moves free).
  const plain = baseline === null ? inst : buildInstance(inst.input, { slots: baseline.slots.filter((s) => baseline.done.includes(s.block)), roles: [], done: baseline.done });

  let t = options.now();
  const greedy = greedyPlacement(inst);
  const greedyInterest = interestMet(inst, greedy);
  const start = baseline === null ? greedy : baselineStart(inst);
  step('start', true, baseline === null ? `greedy agenda: ${greedyInterest} interest met` : `the baseline's slots that still keep every rule (${start.filter((k) => k >= 0).length} sessions)`, t);

  t = options.now();
  // A large day has too many moves to seat each one exactly: guesses pick the few that are.
  const neighbourhood = inst.proposals.length * inst.classes.reduce((n, cls) => n + cls.reduce((m, c) => m + c.spaces.length, 0), 0);
  const large = neighbourhood > LARGE_NEIGHBOURHOOD;
  const searched = improve(inst, start, {
    random: seededRandom(options.seed),
    maxEvaluations: 5_000_000,
    kicks: options.kicks ?? (large ? 3 : 10),
    ...(large ? { movesPerProposal: 24 } : {}),
    deadline: started + options.timeLimitSeconds * 1000 * SHARE.search,
    now: options.now,
  });
  let at = searched.at;
  step('search', true, `${searched.evaluations} block seatings; ${interestMet(inst, at)} interest met${searched.stoppedByClock ? ' (stopped by the time limit)' : ''}`, t);

  t = options.now();
  let interest = interestMet(inst, at);
  let bound: number | null = null;
  let boundMethod: Plan['boundMethod'] = 'none';
  const lagrange = lagrangeBound(plain, { iterations: 300, target: interest, now: options.now, deadline: started + options.timeLimitSeconds * 1000 * SHARE.bound });
  if (lagrange.bound !== null) {
    bound = lagrange.bound;
    boundMethod = 'lagrange';
  }
  step('lagrange', true, `${lagrange.iterations} subgradient steps; bound ${lagrange.bound ?? 'none'}`, t);

  t = options.now();
  const placements = candidatesOf(inst, [...inst.blockIds.keys()]).length;
  const seats = inst.interestedGroup.reduce((n, g) => n + g.length, 0) * inst.blockIds.length;
  const proven = bound !== null && bound <= interest;
  if (proven) step('exact', false, 'not needed: the bound equals the interest met', t);
  else if (baseline !== null) step('exact', false, 'not on a re-run (the search keeps the baseline)', t);
  else if (placements > EXACT_MAX.placements || seats > EXACT_MAX.seats) step('exact', false, `the whole model is too large (${placements} placements, ${seats} seatings; up to ${EXACT_MAX.placements} and ${EXACT_MAX.seats})`, t);
  else {
    const model = buildSeatModel(inst, [...inst.blockIds.keys()], { pins: true });
    const left = Math.max(1, (deadline - options.now()) / 1000);
    const r = await options.solver(model.mip, { backend: 'highs', timeLimitSeconds: left });
    if (r.status === 'optimal' || r.status === 'feasible') {
      const found = decodePlacement(inst, model, r.values);
      if (objective(inst, found) > objective(inst, at)) at = found;
      interest = interestMet(inst, at);
      if (r.bound !== null && (bound === null || Math.floor(-r.bound + 0.01) < bound)) {
        bound = Math.floor(-r.bound + 0.01);
        boundMethod = 'exact';
      }
    }
    step('exact', true, `HiGHS on the whole model: ${r.status}`, t);
  }

  t = options.now();
  if (options.proveSeconds <= 0) step('patterns', false, 'not asked for (--prove)', t);
  else if (bound !== null && bound <= interest) step('patterns', false, 'not needed: the agenda is proven optimal', t);
  else {
    const r = await pricedBound(plain, lagrange.prices, { solver: options.solver, seconds: options.proveSeconds, now: options.now });
    if (r.bound !== null && (bound === null || r.bound < bound)) {
      bound = r.bound;
      boundMethod = 'patterns';
    }
    step('patterns', true, `${r.solves} pricing solves (${r.stopped} stopped at their limit); bound ${r.bound ?? 'none'}`, t);
  }
  return { at, interest, greedy: { at: greedy, interest: greedyInterest }, bound, boundMethod, steps, stoppedByClock: searched.stoppedByClock };
}

/** The baseline's slots that keep every rule, taken in proposal order; the rest start left out. */
function baselineStart(inst: Instance): Placement {
  const S = inst.spaceIds.length;
  const at = new Int32Array(inst.proposals.length).fill(-1);
  const taken = new Set<number>();
  const inBlock = new Map<number, number[]>();
  // Frozen sessions (blocks already held) first: they may not move.
  const order = [...at.keys()].sort((a, b) => Number(inst.pinned[b]) - Number(inst.pinned[a]) || a - b);
  for (const p of order) {
    const allowedRow = inst.allowed[p]!;
    // Its baseline slot; a pinned proposal without one takes the first slot its pin allows that is free.
    const options = inst.baselineSlot[p]! >= 0 ? [inst.baselineSlot[p]!] : inst.pinned[p] ? [...allowedRow.keys()].filter((k) => allowedRow[k]) : [];
    for (const k of options) {
      if (!allowedRow[k] || taken.has(k)) continue;
      const b = Math.floor(k / S);
      if ((inBlock.get(b) ?? []).some((q) => inst.apart[p]!.has(q))) continue;
      at[p] = k;
      taken.add(k);
      inBlock.set(b, [...(inBlock.get(b) ?? []), p]);
      break;
    }
  }
  return at;
}
