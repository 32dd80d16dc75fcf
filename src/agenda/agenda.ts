/**
 * `convene agenda`, pure part: validated input (and a baseline on a re-run)
 * -> the agenda with its roles, checked by the independent checker, and
 * everything the report says about it. The solver and the clock come in as
 * arguments; nothing here reads a file.
 */
import type { Agenda, AgendaBaseline, AgendaInput, AgendaSlot } from '../domain/agenda.js';
import { analyse, type Analysis } from './analyse.js';
import { checkAgenda, type AgendaViolation } from './check.js';
import { buildInstance, type Instance } from './instance.js';
import { movesFrom, type Move } from './moves.js';
import { planAgenda, type Plan, type PlanOptions } from './plan.js';
import { assignSessionRoles } from './roles.js';
import type { Placement } from './score.js';
import { compareText } from '../domain/compare.js';

export type AgendaOptions = PlanOptions & {
  readonly lotteryKey: (id: string) => string;
  readonly tieKey: (registrant: string, session: string) => string;
};

export type AgendaRun = {
  readonly instance: Instance;
  readonly agenda: Agenda;
  readonly plan: Plan;
  readonly analysis: Analysis;
  /** The greedy agenda's figures, for comparison. */
  readonly greedy: Analysis;
  /** Placed sessions without a note-taker, by id. */
  readonly unfilled: readonly string[];
  /** On a re-run: every change from the baseline. */
  readonly moves: readonly Move[] | null;
  /** Pinned proposals that could not be placed: no agenda was found that keeps every pin. */
  readonly unplacedPins: readonly string[];
};

/** Thrown when the checker rejects an agenda: a bug, since every step keeps the rules. */
export class AgendaCheckError extends Error {
  constructor(readonly violations: readonly AgendaViolation[]) {
    super(`the agenda found breaks ${violations.length} rule${violations.length === 1 ? '' : 's'}: ${violations.map((v) => `${v.rule}: ${v.message}`).join('; ')}`);
    this.name = 'AgendaCheckError';
  }
}

export async function runAgenda(input: AgendaInput, baseline: AgendaBaseline | null, options: AgendaOptions): Promise<AgendaRun> {
  const instance = buildInstance(input, baseline);
  const plan = await planAgenda(instance, baseline, options);
  const unplacedPins = instance.proposals.filter((p, i) => instance.pinned[i] && plan.at[i]! < 0).map((p) => p.id);
  const keep = new Map<string, string>();
  for (const r of baseline?.roles ?? []) {
    const slot = baseline?.slots.find((s) => s.proposal === r.proposal);
    const p = instance.proposalIndex.get(r.proposal);
    const S = instance.spaceIds.length;
    if (r.noteTaker !== null && slot && p !== undefined && plan.at[p]! >= 0 && instance.blockIds[Math.floor(plan.at[p]! / S)] === slot.block) keep.set(r.proposal, r.noteTaker);
  }
  const roles = assignSessionRoles(instance, plan.at, { lotteryKey: options.lotteryKey, tieKey: options.tieKey, keep });
  const agenda: Agenda = { slots: slotsOf(instance, plan.at), roles: roles.roles };
  const violations = unplacedPins.length > 0 ? [] : checkAgenda(input, agenda);
  if (violations.length > 0) throw new AgendaCheckError(violations);
  return {
    instance,
    agenda,
    plan,
    analysis: analyse(instance, plan.at),
    greedy: analyse(instance, plan.greedy.at),
    unfilled: roles.unfilled,
    moves: baseline === null ? null : movesFrom(instance, baseline, plan.at),
    unplacedPins,
  };
}

/** Slots of a placement, by block (in the day's order) then space id. */
export function slotsOf(inst: Instance, at: Placement): readonly AgendaSlot[] {
  const S = inst.spaceIds.length;
  return [...at.keys()]
    .filter((p) => at[p]! >= 0)
    .sort((a, b) => Math.floor(at[a]! / S) - Math.floor(at[b]! / S) || compareText(inst.spaceIds[at[a]! % S]!, inst.spaceIds[at[b]! % S]!))
    .map((p) => ({ proposal: inst.proposals[p]!.id, block: inst.blockIds[Math.floor(at[p]! / S)]!, space: inst.spaceIds[at[p]! % S]! }));
}
