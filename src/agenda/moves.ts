/**
 * A re-run against a published agenda: what changed for each session and
 * why, as data. A session that left its place is explained by what its old
 * place now breaks (a rule, a pinned session there, a shared runner or a
 * declared conflict in that block); one that did not have to move says so.
 */
import type { AgendaBaseline } from '../domain/agenda.js';
import type { Instance } from './instance.js';
import { PLACEMENT_RULES } from './rules.js';
import type { Placement } from './score.js';
import { compareText } from '../domain/compare.js';

export type Place = { readonly block: string; readonly space: string };

export type MoveKind = 'space' | 'block' | 'dropped' | 'added' | 'withdrawn';

export type Move = {
  readonly proposal: string;
  readonly title: string;
  readonly kind: MoveKind;
  readonly from: Place | null;
  readonly to: Place | null;
  readonly why: string;
};

export function movesFrom(inst: Instance, baseline: AgendaBaseline, at: Placement): readonly Move[] {
  const S = inst.spaceIds.length;
  const done = new Set(baseline.done);
  const place = (k: number): Place | null => (k < 0 ? null : { block: inst.blockIds[Math.floor(k / S)]!, space: inst.spaceIds[k % S]! });
  const occupant = new Map<number, number>();
  at.forEach((k, p) => k >= 0 && occupant.set(k, p));
  const out: Move[] = [];
  const before = new Set<string>();
  for (const slot of baseline.slots) {
    if (done.has(slot.block)) continue;
    before.add(slot.proposal);
    const p = inst.proposalIndex.get(slot.proposal);
    const from: Place = { block: slot.block, space: slot.space };
    if (p === undefined) {
      out.push({ proposal: slot.proposal, title: '', kind: 'withdrawn', from, to: null, why: 'no longer in proposals.csv' });
      continue;
    }
    const old = inst.baselineSlot[p]!;
    const now = at[p]!;
    if (now === old) continue;
    const to = place(now);
    const kind: MoveKind = now < 0 ? 'dropped' : Math.floor(now / S) === Math.floor(old / S) ? 'space' : 'block';
    out.push({ proposal: slot.proposal, title: inst.proposals[p]!.title, kind, from, to, why: whyMoved(inst, at, occupant, p, old) });
  }
  for (const lost of baseline.lostRooms ?? []) {
    before.add(lost.proposal);
    const p = inst.proposalIndex.get(lost.proposal);
    if (p === undefined) continue;
    const now = at[p]!;
    const kind: MoveKind = now < 0 ? 'dropped' : inst.blockIds[Math.floor(now / S)] === lost.block ? 'space' : 'block';
    out.push({ proposal: lost.proposal, title: inst.proposals[p]!.title, kind, from: { block: lost.block, space: lost.room }, to: place(now), why: `its old space "${lost.room}" is no longer in spaces.csv` });
  }
  inst.proposals.forEach((proposal, p) => {
    const k = at[p]!;
    if (k < 0 || before.has(proposal.id) || done.has(inst.blockIds[Math.floor(k / S)]!)) return;
    out.push({ proposal: proposal.id, title: proposal.title, kind: 'added', from: null, to: place(k), why: 'not in the baseline: placed in a free slot' });
  });
  return out.sort((a, b) => compareText(a.proposal, b.proposal));
}

/** What keeps p from its old slot now. */
function whyMoved(inst: Instance, at: Placement, occupant: ReadonlyMap<number, number>, p: number, old: number): string {
  const S = inst.spaceIds.length;
  if (old < 0) return 'its old place is not in this event any more';
  const b = Math.floor(old / S);
  const proposal = inst.proposals[p]!;
  const block = inst.input.blocks[b]!;
  const space = inst.input.spaces[old % S]!;
  const broken = PLACEMENT_RULES.map((r) => r.check(inst.ctx, proposal, block, space)).filter((m): m is string => m !== null);
  if (broken.length > 0) return `its old place breaks a rule now: ${broken.join('; ')}`;
  const there = occupant.get(old);
  if (there !== undefined && inst.pinned[there]) return `its old space is taken by pinned ${inst.proposals[there]!.id} "${inst.proposals[there]!.title}"`;
  const apart = [...occupant].filter(([k, q]) => q !== p && Math.floor(k / S) === b && inst.apart[p]!.has(q)).map(([, q]) => inst.proposals[q]!);
  if (apart.length > 0) {
    const names = apart.map((q) => `${q.id} "${q.title}"`).join(', ');
    return `block ${block.id} now has ${names}, which may not run beside it (a shared runner or a declared conflict)`;
  }
  if (there !== undefined) return `its old space went to ${inst.proposals[there]!.id} "${inst.proposals[there]!.title}", which had to move there`;
  return 'no rule forced it: the search found no agenda that keeps it and every other session in place';
}
