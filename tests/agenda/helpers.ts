/** Small builders for agenda tests, and the stub-free options every run needs. */
import { createHash } from 'node:crypto';
import type { AgendaInput, Block, Interest, Participant, Proposal, Space } from '../../src/domain/agenda.js';
import type { AgendaOptions } from '../../src/agenda/agenda.js';
import { solve } from '../../src/solve/index.js';

export function proposal(id: string, proposers: readonly string[], over: Partial<Proposal> = {}): Proposal {
  return {
    id,
    title: `Proposal ${id}`,
    proposers,
    language: 'es',
    description: '',
    facilitator: proposers[0] ?? '',
    noteTaker: null,
    minSize: 0,
    pinBlock: null,
    pinSpace: null,
    conflicts: [],
    line: 2,
    ...over,
  };
}

export function block(id: string, start: number, over: Partial<Block> = {}): Block {
  return { id, date: '2014-11-18', start, end: start + 60, line: 2, ...over };
}

export function space(id: string, capacity: number, over: Partial<Space> = {}): Space {
  return { id, name: `Space ${id}`, capacity, blocks: null, line: 2, ...over };
}

export function participant(id: string, over: Partial<Participant> = {}): Participant {
  return { id, name: `Name ${id}`, organization: 'Org', attending: true, noteTaker: false, ...over };
}

/** An input with participants made up for every id named in proposals and interest. */
export function agendaInput(parts: {
  readonly proposals: readonly Proposal[];
  readonly blocks: readonly Block[];
  readonly spaces: readonly Space[];
  readonly interest: readonly Interest[];
  readonly participants?: readonly Participant[];
}): AgendaInput {
  const named = new Set([...parts.proposals.flatMap((p) => [...p.proposers, p.facilitator, ...(p.noteTaker ? [p.noteTaker] : [])]), ...parts.interest.map((m) => m.registrant)]);
  const given = new Map((parts.participants ?? []).map((p) => [p.id, p]));
  const participants = [...new Set([...named, ...given.keys()])].sort().map((id) => given.get(id) ?? participant(id));
  return {
    proposals: [...parts.proposals].sort((a, b) => (a.id < b.id ? -1 : 1)),
    interest: [...parts.interest].sort((a, b) => (a.registrant < b.registrant ? -1 : a.registrant > b.registrant ? 1 : a.proposal < b.proposal ? -1 : 1)),
    blocks: parts.blocks,
    spaces: [...parts.spaces].sort((a, b) => (a.id < b.id ? -1 : 1)),
    participants,
  };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Options for runAgenda in tests: HiGHS, a generous limit, the real clock only as a safety net. */
export function options(over: Partial<AgendaOptions> = {}): AgendaOptions {
  return {
    seed: 'test',
    timeLimitSeconds: 60,
    proveSeconds: 0,
    solver: solve,
    now: Date.now,
    lotteryKey: (id) => sha(`test:${id}`),
    tieKey: (r, s) => sha(`test:${r}:${s}`),
    ...over,
  };
}
