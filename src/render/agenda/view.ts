/**
 * The agenda as the board and agenda.md show it: blocks in the day's order,
 * spaces by id, and in each cell the session with its people's names. Built
 * once from the run; the renderers only lay it out.
 */
import type { AgendaInput } from '../../domain/agenda.js';
import { formatTime } from '../../domain/time.js';
import type { AgendaRun } from '../../agenda/agenda.js';
import { compareText } from '../../domain/compare.js';

export type PersonView = { readonly id: string; readonly name: string };

export type SessionView = {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly description: string;
  readonly block: string;
  readonly space: string;
  readonly spaceName: string;
  readonly capacity: number;
  readonly facilitator: PersonView;
  readonly noteTaker: PersonView | null;
  readonly proposers: readonly PersonView[];
};

export type BlockView = {
  readonly id: string;
  readonly date: string;
  /** "09:30-10:30" */
  readonly time: string;
  /** Per space of the day (in `spaces` order): the session, null for a free space, 'closed' when the space is not available. */
  readonly cells: readonly (SessionView | null | 'closed')[];
};

export type AgendaView = {
  readonly title: string;
  readonly dates: readonly string[];
  readonly spaces: readonly { readonly id: string; readonly name: string; readonly capacity: number }[];
  readonly blocks: readonly BlockView[];
  /** Every placed session, by id. */
  readonly sessions: readonly SessionView[];
  /** Proposals not in the grid, by id. */
  readonly leftOut: readonly { readonly id: string; readonly title: string; readonly language: string }[];
};

export function agendaView(input: AgendaInput, run: AgendaRun, title: string): AgendaView {
  const names = new Map(input.participants.map((p) => [p.id, p.name]));
  const person = (id: string): PersonView => ({ id, name: names.get(id) ?? id });
  const proposals = new Map(input.proposals.map((p) => [p.id, p]));
  const spaces = new Map(input.spaces.map((s) => [s.id, s]));
  const roles = new Map(run.agenda.roles.map((r) => [r.proposal, r]));
  const sessions: SessionView[] = run.agenda.slots.map((slot) => {
    const p = proposals.get(slot.proposal)!;
    const space = spaces.get(slot.space)!;
    const role = roles.get(slot.proposal);
    return {
      id: p.id,
      title: p.title,
      language: p.language,
      description: p.description,
      block: slot.block,
      space: space.id,
      spaceName: space.name,
      capacity: space.capacity,
      facilitator: person(role?.facilitator ?? p.facilitator),
      noteTaker: role?.noteTaker ? person(role.noteTaker) : null,
      proposers: p.proposers.map(person),
    };
  });
  const at = new Map(sessions.map((s) => [`${s.block}\u0000${s.space}`, s]));
  const blocks: BlockView[] = input.blocks.map((b) => ({
    id: b.id,
    date: b.date,
    time: `${formatTime(b.start)}-${formatTime(b.end)}`,
    cells: input.spaces.map((s) => (s.blocks !== null && !s.blocks.includes(b.id) ? 'closed' : at.get(`${b.id}\u0000${s.id}`) ?? null)),
  }));
  const placed = new Set(sessions.map((s) => s.id));
  return {
    title,
    dates: [...new Set(input.blocks.map((b) => b.date))].sort(compareText),
    spaces: input.spaces.map((s) => ({ id: s.id, name: s.name, capacity: s.capacity })),
    blocks,
    sessions: [...sessions].sort((a, b) => compareText(a.id, b.id)),
    leftOut: input.proposals.filter((p) => !placed.has(p.id)).map((p) => ({ id: p.id, title: p.title, language: p.language })),
  };
}
