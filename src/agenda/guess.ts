/**
 * Quick guesses at what a move is worth, to pick the few moves the search
 * seats exactly on a large day. A proposal in a slot is guessed worth what
 * its people gain over the best they already have from their other marks in
 * that block, the best `seats` of those gains; the seats of the other
 * sessions are ignored, so a guess can be off either way: it only orders moves.
 */
import type { Instance } from './instance.js';
import { seatsIn } from './instance.js';

/** A move's part: proposal p goes to slot k (block * spaces + space), or out (-1). */
export type Change = readonly [number, number];

export class MoveGuesser {
  private readonly B: number;
  private readonly S: number;
  /** Per group and block: the best weight among its marks placed there, the proposal giving it, and the second best. */
  private best1 = new Float64Array(0);
  private arg1 = new Int32Array(0);
  private best2 = new Float64Array(0);
  /** The placement version the tables were built for. */
  private tablesAt = -1;
  /** Guesses made since, by proposal, block and seats. */
  private readonly guesses = new Map<number, number>();

  constructor(private readonly inst: Instance) {
    this.B = inst.blockIds.length;
    this.S = inst.spaceIds.length;
  }

  /** The guessed gain of a move, for placement `at` (whose changes `version` counts). */
  guess(move: readonly Change[], at: Int32Array, version: number): number {
    this.tables(at, version);
    let total = 0;
    for (const [p, k] of move) {
      const from = at[p]!;
      if (from >= 0) total -= this.gainIn(p, from);
      if (k >= 0) total += this.gainIn(p, k);
    }
    return total;
  }

  private tables(at: Int32Array, version: number): void {
    if (this.tablesAt === version) return;
    this.guesses.clear();
    const G = this.inst.groups.length;
    if (this.best1.length !== G * this.B) {
      this.best1 = new Float64Array(G * this.B);
      this.arg1 = new Int32Array(G * this.B);
      this.best2 = new Float64Array(G * this.B);
    }
    this.best1.fill(0);
    this.arg1.fill(-1);
    this.best2.fill(0);
    this.inst.groups.forEach((g, gi) => {
      for (const [q, w] of g.interests) {
        const k = at[q]!;
        if (k < 0) continue;
        const i = gi * this.B + Math.floor(k / this.S);
        if (w > this.best1[i]!) {
          this.best2[i] = this.best1[i]!;
          this.best1[i] = w;
          this.arg1[i] = q;
        } else if (w > this.best2[i]!) this.best2[i] = w;
      }
    });
    this.tablesAt = version;
  }

  /** What p is guessed worth in slot k (leaving p itself aside in that block). */
  private gainIn(p: number, k: number): number {
    const b = Math.floor(k / this.S);
    const seats = seatsIn(this.inst, p, k % this.S);
    const key = (p * this.B + b) * 4096 + Math.min(seats, 4095);
    const known = this.guesses.get(key);
    if (known !== undefined) return known;
    const gs = this.inst.interestedGroup[p]!;
    const ws = this.inst.interestedWeight[p]!;
    const gains: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < gs.length; i++) {
      const j = gs[i]! * this.B + b;
      const d = ws[i]! - (this.arg1[j] === p ? this.best2[j]! : this.best1[j]!);
      if (d > 0) {
        gains.push(d);
        counts.push(this.inst.groupCount[gs[i]!]!);
      }
    }
    const order = gains.map((_, i) => i).sort((x, y) => gains[y]! - gains[x]!);
    let left = seats;
    let total = this.inst.runnerValue[p]!;
    for (const i of order) {
      if (left <= 0) break;
      total += gains[i]! * Math.min(counts[i]!, left);
      left -= counts[i]!;
    }
    this.guesses.set(key, total);
    return total;
  }
}
