/**
 * Local search over whole agendas, each move judged by the exact seating of
 * the blocks it touches: move a session to a free slot, swap two sessions,
 * put a left-out proposal in (into a free slot, or in place of a session),
 * take a session out. For each proposal in turn (in a seeded order) the best
 * improving move is made, until no move improves; then a few seeded kicks
 * (random moves followed by the same descent) look past that local optimum,
 * keeping the best agenda seen. Deterministic: the same seed and budget give
 * the same agenda; only the clock (`deadline`) can cut a run short.
 */
import type { Instance } from './instance.js';
import { seatsIn } from './instance.js';
import type { Random } from '../domain/random.js';
import { MoveGuesser, type Change } from './guess.js';
import { moveUnit, seatedValue, slotBonus, type Placement } from './score.js';

export type SearchOptions = {
  readonly random: Random;
  /** Block seatings the search may compute (a deterministic budget). */
  readonly maxEvaluations: number;
  /** Kicks after the first local optimum. */
  readonly kicks: number;
  /** When a proposal has more moves than this, only this many (the best guesses) are seated exactly. */
  readonly movesPerProposal?: number;
  /** Stop when now() passes this (milliseconds); Infinity for none. */
  readonly deadline: number;
  readonly now: () => number;
};

export type SearchResult = {
  readonly at: Placement;
  readonly value: number;
  readonly evaluations: number;
  /** True when the clock, not the budget or a local optimum, ended the search. */
  readonly stoppedByClock: boolean;
};

class State {
  readonly P: number;
  readonly B: number;
  readonly S: number;
  readonly at: Int32Array;
  readonly occ: Int32Array;
  readonly blockVal: Float64Array;
  value = 0;
  evaluations = 0;
  /** Above everything else a proposal can be worth, re-run terms included. */
  readonly pinWeight: number;
  /** Bumped by every applied or undone move. */
  private version = 0;
  private readonly cache = new Map<string, number>();

  constructor(readonly inst: Instance, start: Placement) {
    this.P = inst.proposals.length;
    this.B = inst.blockIds.length;
    this.S = inst.spaceIds.length;
    this.at = new Int32Array(this.P);
    this.occ = new Int32Array(this.B * this.S);
    this.blockVal = new Float64Array(this.B);
    this.pinWeight = 4 * moveUnit(inst) * (this.P + 1);
    this.guesser = new MoveGuesser(inst);
    this.reset(start);
  }

  /** Back to the agenda `at`. */
  reset(at: Placement): void {
    this.version++;
    this.at.set(at);
    this.occ.fill(-1);
    this.at.forEach((k, p) => {
      if (k >= 0) this.occ[k] = p;
    });
    for (let b = 0; b < this.B; b++) this.blockVal[b] = this.seat(b);
    this.value = this.blockVal.reduce((a, v) => a + v, 0);
    for (let p = 0; p < this.P; p++) this.value += this.fixedTerm(p, this.at[p]!);
  }

  /** Runners' own interest, the re-run term of p at slot k, and (so that the search places them first) a pinned proposal's weight. */
  fixedTerm(p: number, k: number): number {
    const pin = k >= 0 && this.inst.pinned[p] ? this.pinWeight : 0;
    return (k >= 0 ? this.inst.runnerValue[p]! : 0) + slotBonus(this.inst, p, k) + pin;
  }

  /** Seated interest of block b as the slots now stand (remembered by content). */
  seat(b: number): number {
    const sessions: [number, number][] = [];
    let key = `${b}`;
    for (let s = 0; s < this.S; s++) {
      const p = this.occ[b * this.S + s]!;
      if (p >= 0) {
        sessions.push([p, s]);
        key += `,${p}:${seatsIn(this.inst, p, s)}`;
      }
    }
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    this.evaluations++;
    const v = seatedValue(this.inst, sessions);
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(key, v);
    return v;
  }

  /** Whether p may take slot k beside the block's other sessions (after the change is applied). */
  fits(p: number, k: number): boolean {
    if (k < 0) return true;
    if (!this.inst.allowed[p]![k]) return false;
    const b = Math.floor(k / this.S);
    const apart = this.inst.apart[p]!;
    if (apart.size === 0) return true;
    for (let s = 0; s < this.S; s++) {
      const q = this.occ[b * this.S + s]!;
      if (q >= 0 && q !== p && apart.has(q)) return false;
    }
    return true;
  }

  /** Applies the changes and returns the gain, or null (changes undone) when a rule would break. */
  apply(changes: readonly Change[]): { gain: number; undo: () => void } | null {
    const old = changes.map(([p]) => [p, this.at[p]!] as const);
    for (const [p] of changes) if (this.at[p]! >= 0) this.occ[this.at[p]!] = -1;
    for (const [p, k] of changes) {
      this.at[p] = k;
      if (k >= 0) this.occ[k] = p;
    }
    const undo = () => {
      for (const [p] of changes) if (this.at[p]! >= 0) this.occ[this.at[p]!] = -1;
      for (const [p, k] of old) {
        this.at[p] = k;
        if (k >= 0) this.occ[k] = p;
      }
    };
    if (!changes.every(([p, k]) => this.fits(p, k))) {
      undo();
      return null;
    }
    const blocks = new Set<number>();
    for (const [p, k] of [...changes, ...old]) if (k >= 0) blocks.add(Math.floor(k / this.S));
    let gain = 0;
    const before: [number, number][] = [];
    for (const b of blocks) {
      const v = this.seat(b);
      before.push([b, this.blockVal[b]!]);
      gain += v - this.blockVal[b]!;
      this.blockVal[b] = v;
    }
    for (const [p, k] of old) gain -= this.fixedTerm(p, k);
    for (const [p, k] of changes) gain += this.fixedTerm(p, k);
    this.value += gain;
    this.version++;
    return {
      gain,
      undo: () => {
        undo();
        for (const [b, v] of before) this.blockVal[b] = v;
        this.value -= gain;
        this.version++;
      },
    };
  }

  /** Quick guesses at moves' gains, for days too large to seat every move (./guess.ts). */
  private readonly guesser: MoveGuesser;

  /** The guessed gain of a move (see ./guess.ts). */
  guess(move: readonly Change[]): number {
    return this.guesser.guess(move, this.at, this.version);
  }

  /** Every move that involves p. */
  movesOf(p: number): Change[][] {
    const { inst, at, occ } = this;
    const moves: Change[][] = [];
    const k0 = at[p]!;
    const allowed = inst.allowed[p]!;
    if (k0 >= 0) {
      for (let k = 0; k < allowed.length; k++) {
        if (k === k0 || !allowed[k]) continue;
        const q = occ[k]!;
        if (q < 0) moves.push([[p, k]]);
        else if (!inst.pinned[q] && inst.allowed[q]![k0]) moves.push([[p, k], [q, k0]]);
      }
      // A pinned proposal moves only within its pin; it is never taken out.
      if (!inst.pinned[p]) {
        for (let q = 0; q < this.P; q++) if (at[q] === -1 && inst.allowed[q]![k0]) moves.push([[p, -1], [q, k0]]);
        moves.push([[p, -1]]);
      }
    } else {
      for (let k = 0; k < allowed.length; k++) {
        if (!allowed[k]) continue;
        const q = occ[k]!;
        if (q < 0) moves.push([[p, k]]);
        else if (!inst.pinned[q]) moves.push([[q, -1], [p, k]]);
      }
    }
    return moves;
  }
}

/** Best-improvement descent, proposal by proposal, until nothing improves (or the budget or clock runs out). */
function descend(state: State, options: SearchOptions, movable: readonly number[]): boolean {
  for (;;) {
    let improved = false;
    for (const p of options.random.shuffled(movable)) {
      if (state.evaluations >= options.maxEvaluations || options.now() > options.deadline) return false;
      let best: { gain: number; move: Change[] } | null = null;
      let moves = state.movesOf(p);
      if (options.movesPerProposal !== undefined && moves.length > options.movesPerProposal) {
        // Too many to seat each exactly: the best guesses only.
        moves = moves
          .map((move, i) => ({ move, i, guess: state.guess(move) }))
          .sort((a, b) => b.guess - a.guess || a.i - b.i)
          .slice(0, options.movesPerProposal)
          .map((m) => m.move);
      }
      for (const move of moves) {
        const tried = state.apply(move);
        if (!tried) continue;
        if (tried.gain > 0.5 && (!best || tried.gain > best.gain)) best = { gain: tried.gain, move };
        tried.undo();
      }
      if (best) {
        state.apply(best.move);
        improved = true;
      }
    }
    if (!improved) return true;
  }
}

export function improve(inst: Instance, start: Placement, options: SearchOptions): SearchResult {
  const state = new State(inst, start);
  const movable = [...Array(state.P).keys()];
  let finished = descend(state, options, movable);
  let best = { at: Int32Array.from(state.at), value: state.value };
  for (let kick = 0; kick < options.kicks && finished; kick++) {
    // A few random moves that keep every rule, then descend again; keep the result only if better.
    for (let tries = 0, done = 0; tries < 50 && done < 3; tries++) {
      const p = movable[options.random.below(movable.length)];
      if (p === undefined) break;
      const moves = state.movesOf(p);
      const move = moves[options.random.below(moves.length)];
      if (move && state.apply(move)) done++;
    }
    finished = descend(state, options, movable);
    if (state.value > best.value + 0.5) best = { at: Int32Array.from(state.at), value: state.value };
    else state.reset(best.at);
  }
  const stoppedByClock = options.now() > options.deadline;
  return { at: best.at, value: best.value, evaluations: state.evaluations, stoppedByClock };
}
