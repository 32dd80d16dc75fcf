/** unconference.csv exactly as `convene allocate` reads it: id,title,block,capacity,room,facilitator,note_taker, by id. */
import type { AgendaInput } from '../../domain/agenda.js';
import type { AgendaRun } from '../../agenda/agenda.js';
import { compareText } from '../../domain/compare.js';
import type { Table } from '../../domain/table.js';

export const UNCONFERENCE_HEADER = ['id', 'title', 'block', 'capacity', 'room', 'facilitator', 'note_taker'] as const;

export function unconferenceTable(input: AgendaInput, run: AgendaRun): Table {
  const proposals = new Map(input.proposals.map((p) => [p.id, p]));
  const spaces = new Map(input.spaces.map((s) => [s.id, s]));
  const roles = new Map(run.agenda.roles.map((r) => [r.proposal, r]));
  const rows = [...run.agenda.slots]
    .sort((a, b) => compareText(a.proposal, b.proposal))
    .map((slot) => {
      const p = proposals.get(slot.proposal)!;
      const space = spaces.get(slot.space)!;
      const role = roles.get(slot.proposal);
      return [p.id, p.title, slot.block, String(space.capacity), space.name, role?.facilitator ?? p.facilitator, role?.noteTaker ?? ''];
    });
  return { header: [...UNCONFERENCE_HEADER], rows };
}
