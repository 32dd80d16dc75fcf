/**
 * The four files of `convene agenda`, row by row: proposals.csv,
 * interest.csv, blocks.csv and spaces.csv. Each cell is checked on its own
 * here; references between files are checked in ./parse.ts.
 */
import { z } from 'zod';
import type { Block, Space } from '../../domain/agenda.js';
import { capacityCell, dateCell, found, idCell, LIMITS, listCell, nonEmptyListCell, requiredTextCell, textCell, timeCell } from '../cells.js';
import { optionalId, sessionIdCell } from '../allocation/unconference.js';
import { byId, compareText } from '../../domain/compare.js';
import { readSheet, type FileText, type Sheet } from '../rows/sheet.js';

export const PROPOSALS_FILE = 'proposals.csv';
export const INTEREST_FILE = 'interest.csv';
export const BLOCKS_FILE = 'blocks.csv';
export const SPACES_FILE = 'spaces.csv';

/** Dots one person may give one proposal in one row (rows for the same pair add up). */
export const MAX_WEIGHT = 100;

/** A row of proposals.csv as written, before the facilitator defaults to the first proposer. */
export type ProposalRow = {
  readonly id: string;
  readonly title: string;
  readonly proposers: readonly string[];
  readonly language: string;
  readonly description: string;
  readonly facilitator: string | null;
  readonly noteTaker: string | null;
  readonly minSize: number;
  readonly pinBlock: string | null;
  readonly pinSpace: string | null;
  readonly conflicts: readonly string[];
  readonly line: number;
};

/** A row of interest.csv. */
export type InterestRow = { readonly registrant: string; readonly proposal: string; readonly weight: number; readonly line: number };

const optionalWhole = z.string().transform((text, ctx): number => {
  if (text === '') return 0;
  if (/^\d+$/.test(text) && Number(text) <= LIMITS.capacity) return Number(text);
  ctx.issues.push({ code: 'custom', message: `expected a whole number of seats up to ${LIMITS.capacity.toLocaleString('en-US')}, or an empty cell, ${found(text)}`, input: text });
  return z.NEVER;
});

const weightCell = z.string().transform((text, ctx): number => {
  if (text === '') return 1;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (n >= 1 && n <= MAX_WEIGHT) return n;
  ctx.issues.push({ code: 'custom', message: `expected a whole number of dots from 1 to ${MAX_WEIGHT} (empty: 1), ${found(text)}`, input: text });
  return z.NEVER;
});

const proposalShape = z.object({
  id: sessionIdCell,
  title: requiredTextCell,
  proposers: nonEmptyListCell,
  language: requiredTextCell,
  description: textCell,
  facilitator: optionalId,
  note_taker: optionalId,
  min_size: optionalWhole,
  pin_block: optionalId,
  pin_space: optionalId,
  conflicts: listCell,
});

export function readProposals(text: FileText): Sheet<ProposalRow> {
  return readSheet(
    {
      file: PROPOSALS_FILE,
      columns: ['id', 'title', 'proposers', 'language'],
      optionalColumns: ['description', 'facilitator', 'note_taker', 'min_size', 'pin_block', 'pin_space', 'conflicts'],
      idColumn: 'id',
      required: true,
      schema: proposalShape,
      check: (v, report) => {
        const facilitator = v.facilitator ?? v.proposers?.[0] ?? null;
        if (v.note_taker && v.note_taker === facilitator) report('note_taker', `${JSON.stringify(v.note_taker)} already facilitates this session`);
        if (v.id !== undefined && v.conflicts?.includes(v.id)) report('conflicts', `a proposal cannot conflict with itself (${v.id})`);
      },
      build: (v, row): ProposalRow => ({
        id: v.id,
        title: v.title,
        proposers: v.proposers,
        language: v.language,
        description: v.description,
        facilitator: v.facilitator,
        noteTaker: v.note_taker,
        minSize: v.min_size,
        pinBlock: v.pin_block,
        pinSpace: v.pin_space,
        conflicts: v.conflicts,
        line: row.line,
      }),
      order: byId,
    },
    text,
  );
}

export function readInterest(text: FileText): Sheet<InterestRow> {
  return readSheet(
    {
      file: INTEREST_FILE,
      columns: ['registrant', 'proposal'],
      optionalColumns: ['weight'],
      required: true,
      schema: z.object({ registrant: idCell, proposal: idCell, weight: weightCell }),
      build: (v, row): InterestRow => ({ ...v, line: row.line }),
      order: (a, b) => compareText(a.registrant, b.registrant) || compareText(a.proposal, b.proposal) || a.line - b.line,
    },
    text,
  );
}

export function readBlocks(text: FileText): Sheet<Block> {
  return readSheet(
    {
      file: BLOCKS_FILE,
      columns: ['id', 'date', 'start', 'end'],
      idColumn: 'id',
      required: true,
      schema: z.object({ id: idCell, date: dateCell, start: timeCell, end: timeCell }),
      check: (v, report) => {
        if (v.start !== undefined && v.end !== undefined && v.end <= v.start) report('end', 'expected an end after the start');
      },
      build: (v, row): Block | null => (v.end <= v.start ? null : { ...v, line: row.line }),
      order: (a, b) => compareText(a.date, b.date) || a.start - b.start || compareText(a.id, b.id),
    },
    text,
  );
}

export function readSpaces(text: FileText): Sheet<Space> {
  return readSheet(
    {
      file: SPACES_FILE,
      columns: ['id', 'name', 'capacity'],
      optionalColumns: ['blocks'],
      idColumn: 'id',
      required: true,
      schema: z.object({ id: idCell, name: requiredTextCell, capacity: capacityCell, blocks: listCell }),
      build: (v, row): Space => ({ id: v.id, name: v.name, capacity: v.capacity, blocks: v.blocks.length === 0 ? null : v.blocks, line: row.line }),
      order: byId,
    },
    text,
  );
}
