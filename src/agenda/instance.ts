/**
 * The agenda problem by index, built once from the validated input: people
 * with identical interest (and the same sessions to run) folded into groups,
 * who runs what, which (proposal, block, space) the placement rules allow,
 * which proposals must stay apart, and what a re-run's baseline asks to keep.
 * The search, the models and the scoring all read this; none of them reads
 * the input rows again.
 */
import type { AgendaBaseline, AgendaInput, Proposal } from '../domain/agenda.js';
import { conflictPairs, PLACEMENT_RULES, roleSeats, type AgendaContext } from './rules.js';
import { compareText } from '../domain/compare.js';

/** People who marked the same proposals with the same weights and run the same sessions. */
export type Group = {
  readonly count: number;
  /** Registrant ids, sorted. */
  readonly members: readonly string[];
  /** Proposal indices and weights, by proposal. */
  readonly interests: readonly (readonly [number, number])[];
  /** Proposals its members run. */
  readonly runs: readonly number[];
};

/** Spaces of one block that are interchangeable for the models (same capacity, no pin or baseline names them). */
export type SpaceClass = {
  readonly key: string;
  readonly capacity: number;
  /** Space indices, by id. */
  readonly spaces: readonly number[];
};

/** What a move of a baseline session costs, in units of MOVE_UNIT (see ./objective.ts). */
export const MOVE_COST = { none: 0, space: 1, block: 2, dropped: 3 } as const;

export type Instance = {
  readonly input: AgendaInput;
  readonly ctx: AgendaContext;
  readonly proposals: readonly Proposal[];
  readonly blockIds: readonly string[];
  readonly spaceIds: readonly string[];
  readonly capacity: readonly number[];
  readonly proposalIndex: ReadonlyMap<string, number>;
  readonly blockIndex: ReadonlyMap<string, number>;
  readonly spaceIndex: ReadonlyMap<string, number>;
  readonly groups: readonly Group[];
  /** People per group. */
  readonly groupCount: Int32Array;
  /** Per proposal: the groups that marked it and their weights. */
  readonly interestedGroup: readonly Int32Array[];
  readonly interestedWeight: readonly Int32Array[];
  /** Per proposal: the interest its own runners marked in it (met whenever it runs: they are there). */
  readonly runnerValue: readonly number[];
  /** Per proposal: seats taken before anyone attends (runners and the note-taker). */
  readonly roleSeats: readonly number[];
  /** Per proposal: the groups whose members run it (busy in its block). */
  readonly runnerGroups: readonly (readonly number[])[];
  /** Per proposal: the proposals that may not share its block (a declared conflict, or someone runs both). */
  readonly apart: readonly ReadonlySet<number>[];
  /** Per proposal: 1 at block * spaces + space when every placement rule (and the frozen blocks) allow it. */
  readonly allowed: readonly Uint8Array[];
  /** Per proposal: pinned (by proposals.csv, or frozen in a block already held). */
  readonly pinned: readonly boolean[];
  /** Blocks already held (--done): nothing in them changes. */
  readonly frozenBlock: readonly boolean[];
  /** Per proposal: its baseline slot (block * spaces + space), or -1. */
  readonly baselineSlot: readonly number[];
  /** Per block: its spaces in classes. */
  readonly classes: readonly (readonly SpaceClass[])[];
  /** Sum of every weight of interest.csv. */
  readonly totalInterest: number;
};

const SEP = '\u0000';

export function modelContext(input: AgendaInput): AgendaContext {
  const proposals = new Map(input.proposals.map((p) => [p.id, p]));
  const runners = new Map(
    input.proposals.map((p) => [p.id, [...new Set([...p.proposers, p.facilitator, ...(p.noteTaker === null ? [] : [p.noteTaker])])].sort()]),
  );
  return {
    proposals,
    blocks: new Map(input.blocks.map((b) => [b.id, b])),
    spaces: new Map(input.spaces.map((s) => [s.id, s])),
    participants: new Map(input.participants.map((p) => [p.id, p])),
    runners: (id) => runners.get(id) ?? [],
  };
}

export function buildInstance(input: AgendaInput, baseline: AgendaBaseline | null = null): Instance {
  const ctx = modelContext(input);
  const proposals = input.proposals;
  const P = proposals.length;
  const blockIds = input.blocks.map((b) => b.id);
  const spaceIds = input.spaces.map((s) => s.id);
  const S = spaceIds.length;
  const proposalIndex = new Map(proposals.map((p, i) => [p.id, i]));
  const blockIndex = new Map(blockIds.map((b, i) => [b, i]));
  const spaceIndex = new Map(spaceIds.map((s, i) => [s, i]));

  // Groups: people keyed by what they marked and what they run.
  const marks = new Map<string, [number, number][]>();
  for (const m of input.interest) {
    const p = proposalIndex.get(m.proposal);
    if (p === undefined) continue;
    const list = marks.get(m.registrant);
    if (list) list.push([p, m.weight]);
    else marks.set(m.registrant, [[p, m.weight]]);
  }
  const runs = new Map<string, number[]>();
  proposals.forEach((p, i) => {
    for (const r of ctx.runners(p.id)) runs.set(r, [...(runs.get(r) ?? []), i]);
  });
  const byKey = new Map<string, { members: string[]; interests: [number, number][]; runs: number[] }>();
  for (const person of [...new Set([...marks.keys(), ...runs.keys()])].sort()) {
    const interests = (marks.get(person) ?? []).sort((a, b) => a[0] - b[0]);
    if (interests.length === 0) continue;
    const own = (runs.get(person) ?? []).sort((a, b) => a - b);
    const key = `${interests.map(([p, w]) => `${p}:${w}`).join(',')}|${own.join(',')}`;
    const g = byKey.get(key);
    if (g) g.members.push(person);
    else byKey.set(key, { members: [person], interests, runs: own });
  }
  const groups: Group[] = [...byKey.values()].map((g) => ({ count: g.members.length, members: g.members, interests: g.interests, runs: g.runs }));

  const interested: [number, number][][] = proposals.map(() => []);
  const runnerValue = new Array<number>(P).fill(0);
  const runnerGroups: number[][] = proposals.map(() => []);
  groups.forEach((g, gi) => {
    for (const [p, w] of g.interests) {
      if (g.runs.includes(p)) runnerValue[p]! += w * g.count;
      else interested[p]!.push([gi, w]);
    }
    for (const p of g.runs) runnerGroups[p]!.push(gi);
  });

  const apart: Set<number>[] = proposals.map(() => new Set());
  for (const [a, b] of conflictPairs(proposals)) {
    const i = proposalIndex.get(a);
    const j = proposalIndex.get(b);
    if (i !== undefined && j !== undefined) apart[i]!.add(j), apart[j]!.add(i);
  }
  for (const list of runs.values()) for (const i of list) for (const j of list) if (i !== j) apart[i]!.add(j);

  // A baseline: its done blocks are frozen (their sessions pinned where they ran, nothing else enters).
  const done = new Set(baseline?.done ?? []);
  const frozenBlock = blockIds.map((b) => done.has(b));
  const frozenAt = new Map<number, number>();
  const baselineSlot = new Array<number>(P).fill(-1);
  for (const slot of baseline?.slots ?? []) {
    const p = proposalIndex.get(slot.proposal);
    const b = blockIndex.get(slot.block);
    const s = spaceIndex.get(slot.space);
    if (p === undefined || b === undefined || s === undefined) continue;
    if (done.has(slot.block)) frozenAt.set(p, b * S + s);
    else baselineSlot[p] = b * S + s;
  }

  const allowed = proposals.map((p, i) => {
    const row = new Uint8Array(blockIds.length * S);
    const frozen = frozenAt.get(i);
    input.blocks.forEach((block, b) => {
      input.spaces.forEach((space, s) => {
        const k = b * S + s;
        if (frozen !== undefined) row[k] = k === frozen ? 1 : 0;
        else if (frozenBlock[b]) row[k] = 0;
        else row[k] = PLACEMENT_RULES.every((rule) => rule.check(ctx, p, block, space) === null) ? 1 : 0;
      });
    });
    return row;
  });
  const pinned = proposals.map((p, i) => p.pinBlock !== null || p.pinSpace !== null || frozenAt.has(i));

  // Space classes per block: equal capacity, unless a pin or a baseline slot names the space.
  const named = new Set<number>();
  for (const p of proposals) if (p.pinSpace !== null) named.add(spaceIndex.get(p.pinSpace) ?? -1);
  for (const k of [...baselineSlot, ...frozenAt.values()]) if (k >= 0) named.add(k % S);
  const classes = input.blocks.map((block) => {
    const byKey2 = new Map<string, number[]>();
    input.spaces.forEach((space, s) => {
      if (space.blocks !== null && !space.blocks.includes(block.id)) return;
      const key = named.has(s) ? `space${SEP}${space.id}` : `capacity${SEP}${String(space.capacity).padStart(6, '0')}`;
      byKey2.set(key, [...(byKey2.get(key) ?? []), s]);
    });
    return [...byKey2]
      .sort(([a], [b]) => compareText(a, b))
      .map(([key, spaces]): SpaceClass => ({ key, capacity: input.spaces[spaces[0]!]!.capacity, spaces }));
  });

  return {
    input,
    ctx,
    proposals,
    blockIds,
    spaceIds,
    capacity: input.spaces.map((s) => s.capacity),
    proposalIndex,
    blockIndex,
    spaceIndex,
    groups,
    groupCount: Int32Array.from(groups, (g) => g.count),
    interestedGroup: interested.map((l) => Int32Array.from(l, ([g]) => g)),
    interestedWeight: interested.map((l) => Int32Array.from(l, ([, w]) => w)),
    runnerValue,
    roleSeats: proposals.map((p) => roleSeats(p)),
    runnerGroups,
    apart,
    allowed,
    pinned,
    frozenBlock,
    baselineSlot,
    classes,
    totalInterest: input.interest.reduce((n, m) => n + m.weight, 0),
  };
}

/** Attendee seats of proposal p in space s: the space's capacity less the seats its roles take. */
export function seatsIn(inst: Instance, p: number, s: number): number {
  return Math.max(0, (inst.capacity[s] ?? 0) - (inst.roleSeats[p] ?? 0));
}
