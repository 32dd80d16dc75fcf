/**
 * The independent checker of a finished agenda: the same rule builders the
 * model is made of (./rules.ts), evaluated over the agenda's own slots with
 * plain counting, plus the rules about roles. It knows nothing of the
 * search, the models or any solver; an agenda it rejects is never written.
 */
import type { Agenda, AgendaInput, AgendaSlot } from '../domain/agenda.js';
import { modelContext } from './instance.js';
import { CONFLICT_RULES, PLACEMENT_RULES, blockLabel, personLabel, proposalLabel, type AgendaContext, type Placed } from './rules.js';

export type AgendaViolation = {
  readonly rule: string;
  /** Proposal ids involved, sorted. */
  readonly proposals: readonly string[];
  readonly message: string;
};

export function checkAgenda(input: AgendaInput, agenda: Agenda): readonly AgendaViolation[] {
  const base = modelContext(input);
  const noteTakers = new Map(agenda.roles.map((r) => [r.proposal, r.noteTaker]));
  // Runners as the agenda has them: proposers, facilitator, and the note-taker it chose.
  const ctx: AgendaContext = {
    ...base,
    runners: (id) => {
      const taker = noteTakers.get(id);
      return [...new Set([...base.runners(id), ...(taker ? [taker] : [])])].sort();
    },
  };
  const out: AgendaViolation[] = [];
  for (const slot of agenda.slots) {
    const p = ctx.proposals.get(slot.proposal);
    const b = ctx.blocks.get(slot.block);
    const s = ctx.spaces.get(slot.space);
    if (!p || !b || !s) {
      out.push({ rule: 'unknown-id', proposals: [slot.proposal], message: `${slot.proposal} in ${slot.block}/${slot.space}: unknown proposal, block or space` });
      continue;
    }
    for (const rule of PLACEMENT_RULES) {
      const message = rule.check(ctx, p, b, s);
      if (message !== null) out.push({ rule: rule.name, proposals: [p.id], message });
    }
  }
  const placed: Placed[] = agenda.slots.map((s: AgendaSlot) => ({ proposal: s.proposal, block: s.block, spaces: [s.space] }));
  for (const rule of CONFLICT_RULES) {
    for (const c of rule.build(ctx, placed)) {
      const n = c.members.length;
      if (c.exact ? n === c.limit : n <= c.limit) continue;
      const chosen = c.members.map((i) => placed[i]!);
      out.push({ rule: rule.name, proposals: [...new Set([...c.proposals, ...chosen.map((x) => x.proposal)])].sort(), message: c.describe(chosen) });
    }
  }
  out.push(...roleViolations(ctx, input, agenda));
  return out;
}

function roleViolations(ctx: AgendaContext, input: AgendaInput, agenda: Agenda): AgendaViolation[] {
  const out: AgendaViolation[] = [];
  const placed = new Map(agenda.slots.map((s) => [s.proposal, s]));
  const seen = new Set<string>();
  for (const r of agenda.roles) {
    const p = ctx.proposals.get(r.proposal);
    const at = placed.get(r.proposal);
    if (!p || !at) {
      out.push({ rule: 'roles', proposals: [r.proposal], message: `roles are given for ${r.proposal}, which is not placed` });
      continue;
    }
    seen.add(r.proposal);
    if (r.facilitator !== p.facilitator) {
      out.push({ rule: 'roles', proposals: [p.id], message: `${proposalLabel(ctx, p.id)} is facilitated by ${personLabel(ctx, r.facilitator)}, not by ${personLabel(ctx, p.facilitator)} as proposals.csv says` });
    }
    if (r.noteTaker === null) continue;
    if (p.noteTaker !== null && r.noteTaker !== p.noteTaker) {
      out.push({ rule: 'roles', proposals: [p.id], message: `${proposalLabel(ctx, p.id)} has note-taker ${personLabel(ctx, r.noteTaker)}, not ${personLabel(ctx, p.noteTaker)} as proposals.csv says` });
    }
    const person = ctx.participants.get(r.noteTaker);
    if (!person || !person.attending) {
      out.push({ rule: 'roles', proposals: [p.id], message: `the note-taker of ${proposalLabel(ctx, p.id)}, ${personLabel(ctx, r.noteTaker)}, is not registered for civil_society_day` });
    } else if (p.noteTaker === null && !person.noteTaker && !input.proposals.some((q) => q.noteTaker === r.noteTaker)) {
      out.push({ rule: 'roles', proposals: [p.id], message: `the note-taker of ${proposalLabel(ctx, p.id)}, ${personLabel(ctx, r.noteTaker)}, did not volunteer to take notes (${blockLabel(ctx, at.block)})` });
    }
  }
  for (const s of agenda.slots) {
    if (!seen.has(s.proposal)) out.push({ rule: 'roles', proposals: [s.proposal], message: `${proposalLabel(ctx, s.proposal)} has no roles listed` });
  }
  return out;
}
