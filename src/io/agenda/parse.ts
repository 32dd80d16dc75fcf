/**
 * The agenda's files read and checked against each other, pure (no file
 * system): every problem of every file is gathered into one InputError.
 */
import type { AgendaInput, Interest, Participant, Proposal } from '../../domain/agenda.js';
import { InputError, type InputIssue } from '../../domain/issues.js';
import { formatTime } from '../../domain/time.js';
import { roleSeats } from '../../agenda/rules.js';
import { readRegistrations } from '../allocation/registrations.js';
import { cellIssue, type FileText } from '../rows/sheet.js';
import { readBlocks, readInterest, readProposals, readSpaces, type ProposalRow } from './rows.js';
import { byId } from '../../domain/compare.js';

export type AgendaFiles = {
  readonly registrations: FileText;
  readonly proposals: FileText;
  readonly interest: FileText;
  readonly blocks: FileText;
  readonly spaces: FileText;
};

/** `itemIds`: the event's item ids (themes.csv), which session ids must not repeat; empty without themes.csv. Throws InputError. */
export function parseAgendaInput(files: AgendaFiles, itemIds: ReadonlySet<string> = new Set()): AgendaInput {
  const registrations = readRegistrations(files.registrations);
  const proposals = readProposals(files.proposals);
  const interest = readInterest(files.interest);
  const blocks = readBlocks(files.blocks);
  const spaces = readSpaces(files.spaces);
  const issues: InputIssue[] = [...registrations.issues, ...proposals.issues, ...interest.issues, ...blocks.issues, ...spaces.issues];
  const people = new Map(registrations.rows.map((r) => [r.id, r]));
  const knownPeople = registrations.ids;
  const knownProposals = proposals.ids;
  const knownBlocks = blocks.ids;
  const knownSpaces = spaces.ids;
  const spaceById = new Map(spaces.rows.map((s) => [s.id, s]));

  /** Problems with a person named in a cell: unknown, or not at the Civil Society Day. */
  const personProblem = (id: string): string | null => {
    if (knownPeople && !knownPeople.has(id)) return `unknown registrant ${JSON.stringify(id)} (not in registrations.csv)`;
    const r = people.get(id);
    if (r && !r.events.includes('civil_society_day')) return `${id} (${r.name}) is not registered for civil_society_day`;
    return null;
  };

  const bt = blocks.table;
  if (bt) {
    for (let i = 1; i < blocks.rows.length; i++) {
      const a = blocks.rows[i - 1]!;
      const b = blocks.rows[i]!;
      if (a.date === b.date && b.start < a.end) {
        issues.push(cellIssue(bt, b.line, 'start', `block ${b.id} overlaps block ${a.id} (${formatTime(a.start)}-${formatTime(a.end)}, line ${a.line}); a person is in one session per block, so blocks must not overlap`));
      }
    }
  }

  const st = spaces.table;
  if (st && knownBlocks) {
    for (const s of spaces.rows) {
      for (const b of s.blocks ?? []) if (!knownBlocks.has(b)) st && issues.push(cellIssue(st, s.line, 'blocks', `unknown block ${JSON.stringify(b)} (not in blocks.csv)`));
    }
  }

  const pt = proposals.table;
  const built: Proposal[] = [];
  if (pt) {
    const rows = [...proposals.rows].sort((a, b) => a.line - b.line);
    for (const p of rows) {
      if (itemIds.has(p.id)) issues.push(cellIssue(pt, p.line, 'id', `${JSON.stringify(p.id)} is also an item id in themes.csv; session ids must differ from item ids`));
      for (const id of p.proposers) {
        const problem = personProblem(id);
        if (problem) issues.push(cellIssue(pt, p.line, 'proposers', problem));
      }
      for (const [column, id] of [['facilitator', p.facilitator], ['note_taker', p.noteTaker]] as const) {
        const problem = id === null ? null : personProblem(id);
        if (problem) issues.push(cellIssue(pt, p.line, column, problem));
      }
      for (const q of p.conflicts) {
        if (knownProposals && !knownProposals.has(q)) issues.push(cellIssue(pt, p.line, 'conflicts', `unknown proposal ${JSON.stringify(q)} (not in proposals.csv)`));
      }
      if (p.pinBlock !== null && knownBlocks && !knownBlocks.has(p.pinBlock)) issues.push(cellIssue(pt, p.line, 'pin_block', `unknown block ${JSON.stringify(p.pinBlock)} (not in blocks.csv)`));
      if (p.pinSpace !== null && knownSpaces && !knownSpaces.has(p.pinSpace)) issues.push(cellIssue(pt, p.line, 'pin_space', `unknown space ${JSON.stringify(p.pinSpace)} (not in spaces.csv)`));
      built.push(toProposal(p));
    }
    if (blocks.clean && spaces.clean) issues.push(...pinIssues(rows, built, blocks.rows.map((b) => b.id), spaceById, (line, column, message) => cellIssue(pt, line, column, message)));
  }

  const it = interest.table;
  const merged = new Map<string, Interest>();
  if (it) {
    const checked = new Map<string, string | null>();
    for (const m of interest.rows) {
      let problem = checked.get(m.registrant);
      if (problem === undefined) checked.set(m.registrant, (problem = personProblem(m.registrant)));
      if (problem) issues.push(cellIssue(it, m.line, 'registrant', problem));
      if (knownProposals && !knownProposals.has(m.proposal)) issues.push(cellIssue(it, m.line, 'proposal', `unknown proposal ${JSON.stringify(m.proposal)} (not in proposals.csv)`));
      const key = `${m.registrant}\u0000${m.proposal}`;
      const before = merged.get(key);
      merged.set(key, { registrant: m.registrant, proposal: m.proposal, weight: (before?.weight ?? 0) + m.weight });
    }
  }

  if (issues.length > 0) throw new InputError(issues);
  const participants: Participant[] = registrations.rows.map((r) => ({
    id: r.id,
    name: r.name,
    organization: r.organization,
    attending: r.events.includes('civil_society_day'),
    noteTaker: r.roles.includes('note_taker'),
  }));
  return {
    proposals: built.sort(byId),
    interest: [...merged.values()],
    blocks: blocks.rows,
    spaces: spaces.rows,
    participants,
  };
}

function toProposal(p: ProposalRow): Proposal {
  return {
    id: p.id,
    title: p.title,
    proposers: p.proposers,
    language: p.language,
    description: p.description,
    facilitator: p.facilitator ?? p.proposers[0] ?? '',
    noteTaker: p.noteTaker,
    minSize: p.minSize,
    pinBlock: p.pinBlock,
    pinSpace: p.pinSpace,
    conflicts: p.conflicts,
    line: p.line,
  };
}

type Located = (line: number, column: string, message: string) => InputIssue;

/**
 * Pins that no agenda can keep: a pinned space not open in the pinned block
 * or too small, a block with no space for it, two pins on one space and
 * block, pinned sessions of one block sharing a runner or declared in
 * conflict, more pins in a block than it has spaces.
 */
function pinIssues(
  rows: readonly ProposalRow[],
  built: readonly Proposal[],
  blockIds: readonly string[],
  spaces: ReadonlyMap<string, { readonly id: string; readonly capacity: number; readonly blocks: readonly string[] | null; readonly name: string }>,
  at: Located,
): InputIssue[] {
  const issues: InputIssue[] = [];
  const open = (spaceId: string, block: string) => {
    const s = spaces.get(spaceId);
    return s !== undefined && (s.blocks === null || s.blocks.includes(block));
  };
  const need = (p: Proposal) => Math.max(p.minSize, roleSeats(p));
  const byBlock = new Map<string, Proposal[]>();
  built.forEach((p, i) => {
    const row = rows[i]!;
    if (p.pinBlock === null && p.pinSpace === null) return;
    if (p.pinBlock !== null && !blockIds.includes(p.pinBlock)) return;
    const space = p.pinSpace === null ? undefined : spaces.get(p.pinSpace);
    if (p.pinSpace !== null && space === undefined) return;
    if (space && p.pinBlock !== null && !open(space.id, p.pinBlock)) {
      issues.push(at(row.line, 'pin_space', `${space.id} (${space.name}) is not available in block ${p.pinBlock}, where ${p.id} is pinned`));
    } else if (space && space.capacity < need(p)) {
      issues.push(at(row.line, 'pin_space', `${space.id} (${space.name}) has ${space.capacity} seats, but ${p.id} needs ${need(p)} (its min_size, runners and note-taker)`));
    } else if (!space && p.pinBlock !== null && ![...spaces.values()].some((s) => open(s.id, p.pinBlock!) && s.capacity >= need(p))) {
      issues.push(at(row.line, 'pin_block', `no space available in block ${p.pinBlock} seats the ${need(p)} that ${p.id} needs`));
    }
    if (p.pinBlock !== null) byBlock.set(p.pinBlock, [...(byBlock.get(p.pinBlock) ?? []), p]);
  });
  for (const [block, pinned] of byBlock) {
    const openSpaces = [...spaces.values()].filter((s) => open(s.id, block)).length;
    pinned.forEach((p, i) => {
      for (const q of pinned.slice(0, i)) {
        const runners = (x: Proposal) => new Set([...x.proposers, x.facilitator, ...(x.noteTaker ? [x.noteTaker] : [])]);
        const shared = [...runners(p)].filter((r) => runners(q).has(r));
        if (p.pinSpace !== null && p.pinSpace === q.pinSpace) issues.push(at(p.line, 'pin_space', `${q.id} (line ${q.line}) is already pinned to ${p.pinSpace} in block ${block}`));
        else if (shared.length > 0) issues.push(at(p.line, 'pin_block', `${shared[0]} runs both ${q.id} (line ${q.line}) and ${p.id}, and both are pinned to block ${block}`));
        else if (p.conflicts.includes(q.id) || q.conflicts.includes(p.id)) issues.push(at(p.line, 'pin_block', `${p.id} and ${q.id} (line ${q.line}) are declared in conflict, and both are pinned to block ${block}`));
      }
      if (i === openSpaces) issues.push(at(p.line, 'pin_block', `block ${block} has ${openSpaces} spaces, and more proposals than that are pinned to it`));
    });
  }
  return issues;
}
