/**
 * An event folder on disk -> AgendaInput: finds and reads the files (names
 * matched without regard to case), then hands their text to the pure
 * parseAgendaInput. Also the hash of the inputs (node:crypto lives here).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AgendaInput } from '../../domain/agenda.js';
import { REGISTRATIONS_FILE } from '../allocation/registrations.js';
import { listFolder, readText } from '../files.js';
import { readThemes, THEMES_FILE } from '../rows/themes.js';
import type { FileText } from '../rows/sheet.js';
import { parseAgendaInput } from './parse.js';
import { BLOCKS_FILE, INTEREST_FILE, PROPOSALS_FILE, SPACES_FILE } from './rows.js';

/** The folder's file of that name (any case), as text; undefined when there is none. */
export async function folderText(dir: string, file: string, names?: readonly string[]): Promise<FileText> {
  const list = names ?? (await listFolder(dir));
  const actual = list.find((n) => n === file) ?? list.find((n) => n.toLowerCase() === file);
  return actual === undefined ? undefined : readText(join(dir, actual), file);
}

/**
 * Reads registrations.csv, proposals.csv, interest.csv, blocks.csv and
 * spaces.csv from `dir`, and the item ids of its themes.csv when there is one
 * (session ids must differ from them). Throws InputError.
 */
export async function readAgendaInput(dir: string): Promise<AgendaInput> {
  const names = await listFolder(dir);
  const text = (file: string) => folderText(dir, file, names);
  const themes = readThemes(await text(THEMES_FILE));
  return parseAgendaInput(
    {
      registrations: await text(REGISTRATIONS_FILE),
      proposals: await text(PROPOSALS_FILE),
      interest: await text(INTEREST_FILE),
      blocks: await text(BLOCKS_FILE),
      spaces: await text(SPACES_FILE),
    },
    new Set(themes.ids?.keys() ?? []),
  );
}

/**
 * SHA-256 of the inputs as read (sorted, without line numbers), so that
 * reordering rows or re-saving a file in another CSV dialect keeps it and any
 * change of content changes it. Only the participants who take part (they
 * propose, run or marked something) count: an unrelated registration does not
 * change the day's agenda.
 */
export function agendaInputsSha256(input: AgendaInput): string {
  const strip = <T extends { readonly line?: number }>(rows: readonly T[]) => rows.map(({ line: _line, ...rest }) => rest);
  const involved = new Set([...input.interest.map((m) => m.registrant), ...input.proposals.flatMap((p) => [...p.proposers, p.facilitator, p.noteTaker ?? ''])]);
  const canonical = {
    proposals: strip(input.proposals),
    interest: input.interest,
    blocks: strip(input.blocks),
    spaces: strip(input.spaces),
    participants: input.participants.filter((p) => involved.has(p.id) || p.noteTaker),
  };
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
