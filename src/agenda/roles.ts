/**
 * Facilitators and note-takers of a placed agenda. The facilitator is the
 * proposal's (its `facilitator` cell, or its first proposer). A note-taker
 * named in proposals.csv is kept; so, on a re-run, is the note-taker of a
 * session that stayed in its block, and every role of a block already held. The other sessions get volunteers (`note_taker`
 * in registrations.csv's roles) who are at the day (they marked interest or
 * run a session), never someone who runs a session in that block: per block,
 * as many sessions as possible get one, each volunteer at most one, and
 * among those ways volunteers go to sessions they marked highest (the role
 * matching of `convene allocate`, src/allocate/roles.ts), ties by lottery.
 */
import type { SessionRoles } from '../domain/agenda.js';
import { ranksFromInterest } from '../allocate/interest.js';
import { drawLottery } from '../allocate/lottery.js';
import { assignRoles } from '../allocate/roles.js';
import type { Session } from '../domain/session.js';
import type { Instance } from './instance.js';
import type { Placement } from './score.js';
import { compareText } from '../domain/compare.js';

export type RoleOptions = {
  /** The lottery key of a registrant id (see AllocationOptions.lotteryKey). */
  readonly lotteryKey: (id: string) => string;
  /** Orders a person's equally weighted marks. */
  readonly tieKey: (registrant: string, session: string) => string;
  /** Note-takers to keep, by proposal (a re-run's sessions that stayed in their block). */
  readonly keep: ReadonlyMap<string, string>;
};

export type RoleResult = {
  /** One per placed proposal, by proposal id. */
  readonly roles: readonly SessionRoles[];
  /** Placed proposals left without a note-taker, by id. */
  readonly unfilled: readonly string[];
};

export function assignSessionRoles(inst: Instance, at: Placement, options: RoleOptions): RoleResult {
  const S = inst.spaceIds.length;
  const present = new Set([...inst.input.interest.map((m) => m.registrant), ...inst.proposals.flatMap((p) => inst.ctx.runners(p.id))]);
  const lottery = drawLottery(inst.input.participants.map((p) => p.id), options.lotteryKey);
  const volunteers = inst.input.participants
    .filter((p) => p.noteTaker && p.attending && present.has(p.id))
    .map((p) => p.id)
    .sort((a, b) => (lottery.get(a) ?? 0) - (lottery.get(b) ?? 0));
  const roles: SessionRoles[] = [];
  const unfilled: string[] = [];
  inst.blockIds.forEach((blockId, b) => {
    const placed = [...at.keys()].filter((p) => at[p]! >= 0 && Math.floor(at[p]! / S) === b).sort((x, y) => compareText(inst.proposals[x]!.id, inst.proposals[y]!.id));
    if (placed.length === 0) return;
    const busy = new Set(placed.flatMap((p) => inst.ctx.runners(inst.proposals[p]!.id)));
    const sessions: Session[] = placed.map((p) => {
      const proposal = inst.proposals[p]!;
      const kept = options.keep.get(proposal.id);
      const noteTaker = proposal.noteTaker ?? (kept !== undefined && !busy.has(kept) ? kept : null);
      if (noteTaker !== null) busy.add(noteTaker);
      const space = inst.input.spaces[at[p]! % S]!;
      return { id: proposal.id, title: proposal.title, block: blockId, capacity: space.capacity, room: space.name, facilitator: proposal.facilitator, noteTaker, line: proposal.line };
    });
    // A block already held keeps the roles it ran with: nobody is named after the fact.
    if (inst.frozenBlock[b]) {
      for (const s of sessions) {
        roles.push({ proposal: s.id, facilitator: s.facilitator ?? '', noteTaker: s.noteTaker });
        if (s.noteTaker === null) unfilled.push(s.id);
      }
      return;
    }
    const ids = new Set(sessions.map((s) => s.id));
    const free = volunteers.filter((v) => !busy.has(v));
    const marks = inst.input.interest.filter((m) => ids.has(m.proposal) && free.includes(m.registrant)).map((m) => ({ registrant: m.registrant, session: m.proposal, weight: m.weight, line: 0 }));
    const lists = new Map<string, string[]>();
    for (const pref of [...ranksFromInterest(marks, () => blockId, options.tieKey)].sort((x, y) => x.rank - y.rank)) {
      lists.set(pref.registrant, [...(lists.get(pref.registrant) ?? []), pref.session]);
    }
    const outcome = assignRoles(sessions, free.map((id) => ({ id, roles: ['note_taker'] as const })), lists);
    for (const s of sessions) {
      const noteTaker = outcome.holders.get(`${s.id}/note_taker`) ?? null;
      roles.push({ proposal: s.id, facilitator: s.facilitator ?? '', noteTaker });
      if (noteTaker === null) unfilled.push(s.id);
    }
  });
  const byId = (a: { proposal: string }, b: { proposal: string }) => compareText(a.proposal, b.proposal);
  return { roles: roles.sort(byId), unfilled: unfilled.sort() };
}
