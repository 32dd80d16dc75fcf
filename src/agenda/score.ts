/**
 * What an agenda is worth: per block, the best seating of its sessions
 * (./seating.ts), plus the interest of runners in their own sessions, plus,
 * on a re-run, what keeping the baseline is worth. A placement vector gives
 * each proposal its slot (block * spaces + space) or -1.
 */
import type { Instance } from './instance.js';
import { MOVE_COST, seatsIn } from './instance.js';
import { seatBlock, type Seating, type SeatingProblem } from './seating.js';

/** A placement vector: per proposal, block * spaces + space, or -1 when left out. */
export type Placement = Int32Array;

/**
 * The value of keeping a baseline session, per unit of move cost: above the
 * whole interest of the day, so that no amount of interest buys a move.
 */
export function moveUnit(inst: Instance): number {
  return inst.totalInterest + 1;
}

/** The re-run term of proposal p at slot k (-1: left out): MOVE_UNIT x (dropped cost - this slot's cost); 0 without a baseline. */
export function slotBonus(inst: Instance, p: number, k: number): number {
  const base = inst.baselineSlot[p] ?? -1;
  if (base < 0) return 0;
  return moveUnit(inst) * (MOVE_COST.dropped - moveCost(inst, p, k));
}

/** How far slot k is from p's baseline slot, in MOVE_COST units. */
export function moveCost(inst: Instance, p: number, k: number): number {
  const base = inst.baselineSlot[p] ?? -1;
  if (base < 0) return MOVE_COST.none;
  if (k < 0) return MOVE_COST.dropped;
  if (k === base) return MOVE_COST.none;
  const S = inst.spaceIds.length;
  return Math.floor(k / S) === Math.floor(base / S) ? MOVE_COST.space : MOVE_COST.block;
}

/** The seating problem of block b: its sessions (proposal indices, by space) and the people free to attend. */
export type BlockProblem = {
  readonly sessions: readonly number[];
  readonly problem: SeatingProblem;
  /** Per edge of the problem: the group. */
  readonly edgeGroup: Int32Array;
};

export function blockSessions(inst: Instance, at: Placement, b: number): number[] {
  const S = inst.spaceIds.length;
  const out: number[] = [];
  for (let p = 0; p < at.length; p++) {
    const k = at[p]!;
    if (k >= 0 && Math.floor(k / S) === b) out.push(p);
  }
  return out.sort((x, y) => at[x]! - at[y]!);
}

/** The seating problem of these sessions (proposal and space) held together in one block. */
export function blockProblem(inst: Instance, sessions: readonly (readonly [number, number])[]): BlockProblem {
  const busy = busyMark(inst);
  busy.stamp++;
  for (const [p] of sessions) for (const g of inst.runnerGroups[p] ?? []) busy.mark[g] = busy.stamp;
  let edges = 0;
  for (const [p] of sessions) edges += inst.interestedGroup[p]!.length;
  const edgeGroup = new Int32Array(edges);
  const edgeSession = new Int32Array(edges);
  const edgeWeight = new Int32Array(edges);
  let e = 0;
  sessions.forEach(([p], j) => {
    const gs = inst.interestedGroup[p]!;
    const ws = inst.interestedWeight[p]!;
    for (let i = 0; i < gs.length; i++) {
      if (busy.mark[gs[i]!] === busy.stamp) continue;
      edgeGroup[e] = gs[i]!;
      edgeSession[e] = j;
      edgeWeight[e] = ws[i]!;
      e++;
    }
  });
  return {
    sessions: sessions.map(([p]) => p),
    edgeGroup: edgeGroup.subarray(0, e),
    problem: {
      groupCount: inst.groupCount,
      seats: Int32Array.from(sessions, ([p, s]) => seatsIn(inst, p, s)),
      edgeGroup: edgeGroup.subarray(0, e),
      edgeSession: edgeSession.subarray(0, e),
      edgeWeight: edgeWeight.subarray(0, e),
      edges: e,
    },
  };
}

/** Reused arrays for seatedValue: the search seats thousands of blocks. */
type Buffers = { group: Int32Array; session: Int32Array; weight: Int32Array; seats: Int32Array };
const buffers = new WeakMap<Instance, Buffers>();

/**
 * The seated interest of these sessions (proposal and space) held in one
 * block, as blockValue gives it, without allocating: the search's hot path.
 */
export function seatedValue(inst: Instance, sessions: readonly (readonly [number, number])[]): number {
  let buf = buffers.get(inst);
  let edges = 0;
  for (const [p] of sessions) edges += inst.interestedGroup[p]!.length;
  if (!buf || buf.group.length < edges || buf.seats.length < sessions.length) {
    const n = Math.max(edges, buf?.group.length ?? 0) * 2;
    buf = { group: new Int32Array(n), session: new Int32Array(n), weight: new Int32Array(n), seats: new Int32Array(Math.max(64, sessions.length * 2)) };
    buffers.set(inst, buf);
  }
  const busy = busyMark(inst);
  busy.stamp++;
  for (const [p] of sessions) for (const g of inst.runnerGroups[p]!) busy.mark[g] = busy.stamp;
  let e = 0;
  for (let j = 0; j < sessions.length; j++) {
    const [p, s] = sessions[j]!;
    buf.seats[j] = seatsIn(inst, p, s);
    const gs = inst.interestedGroup[p]!;
    const ws = inst.interestedWeight[p]!;
    for (let i = 0; i < gs.length; i++) {
      if (busy.mark[gs[i]!] === busy.stamp) continue;
      buf.group[e] = gs[i]!;
      buf.session[e] = j;
      buf.weight[e] = ws[i]!;
      e++;
    }
  }
  return seatBlock({ groupCount: inst.groupCount, seats: buf.seats.subarray(0, sessions.length), edgeGroup: buf.group, edgeSession: buf.session, edgeWeight: buf.weight, edges: e }).value;
}

/** Marks of the groups busy running a session of the block being built (one array per instance, reused). */
const busyMarks = new WeakMap<Instance, { mark: Int32Array; stamp: number }>();
function busyMark(inst: Instance): { mark: Int32Array; stamp: number } {
  let m = busyMarks.get(inst);
  if (!m) busyMarks.set(inst, (m = { mark: new Int32Array(inst.groups.length), stamp: 0 }));
  return m;
}

/** Seated interest of block b under placement `at`. */
export function blockValue(inst: Instance, at: Placement, b: number): number {
  const S = inst.spaceIds.length;
  const sessions = blockSessions(inst, at, b).map((p): [number, number] => [p, at[p]! % S]);
  return seatBlock(blockProblem(inst, sessions).problem).value;
}

/** The seating of block b, with the problem it solves. */
export function seatingOf(inst: Instance, at: Placement, b: number): { readonly block: BlockProblem; readonly seating: Seating } {
  const S = inst.spaceIds.length;
  const block = blockProblem(inst, blockSessions(inst, at, b).map((p): [number, number] => [p, at[p]! % S]));
  return { block, seating: seatBlock(block.problem, true) };
}

/** Interest met by a placement: every block's seating plus runners' own interest. */
export function interestMet(inst: Instance, at: Placement): number {
  let total = 0;
  for (let b = 0; b < inst.blockIds.length; b++) total += blockValue(inst, at, b);
  for (let p = 0; p < at.length; p++) if (at[p]! >= 0) total += inst.runnerValue[p]!;
  return total;
}

/** The objective the search maximises: interest met plus the re-run terms. */
export function objective(inst: Instance, at: Placement): number {
  let total = interestMet(inst, at);
  for (let p = 0; p < at.length; p++) total += slotBonus(inst, p, at[p]!);
  return total;
}
