/**
 * A published agenda read back for a re-run (--baseline): an unconference.csv
 * as `convene agenda` writes it. Its rooms are matched to spaces by id, then
 * by name; sessions of the blocks already held (--done) must still be
 * proposals, since they ran. Pure parse beside the thin read.
 */
import type { AgendaBaseline, AgendaInput, AgendaSlot, SessionRoles } from '../../domain/agenda.js';
import { InputError, type InputIssue } from '../../domain/issues.js';
import { readUnconference, UNCONFERENCE_FILE } from '../allocation/unconference.js';
import { readText } from '../files.js';
import { cellIssue, type FileText } from '../rows/sheet.js';

export function parseAgendaBaseline(text: FileText, file: string, input: AgendaInput, done: readonly string[]): AgendaBaseline {
  const sheet = readUnconference(text);
  const issues: InputIssue[] = sheet.issues.map((i) => (i.file === UNCONFERENCE_FILE ? { ...i, file } : i));
  if (text === undefined) issues.push({ file, line: 0, column: 0, columnName: '', message: 'no such file (--baseline names the unconference.csv of an earlier run)' });
  const table = sheet.table ? { ...sheet.table, file } : null;
  const blocks = new Set(input.blocks.map((b) => b.id));
  const proposals = new Set(input.proposals.map((p) => p.id));
  const byId = new Map(input.spaces.map((s) => [s.id, s.id]));
  const names = new Map<string, string[]>();
  for (const s of input.spaces) names.set(s.name, [...(names.get(s.name) ?? []), s.id]);
  const heldIn = new Set(done);
  const slots: AgendaSlot[] = [];
  const roles: SessionRoles[] = [];
  const used = new Map<string, { id: string; line: number }>();
  const lostRooms: { proposal: string; block: string; room: string }[] = [];
  for (const s of [...sheet.rows].sort((a, b) => a.line - b.line)) {
    if (!table) break;
    let ok = true;
    if (!blocks.has(s.block)) {
      issues.push(cellIssue(table, s.line, 'block', `unknown block ${JSON.stringify(s.block)} (not in blocks.csv)`));
      ok = false;
    }
    const byName = names.get(s.room) ?? [];
    const space = byId.get(s.room) ?? (byName.length === 1 ? byName[0] : undefined);
    if (space === undefined && byName.length === 0 && ok && !heldIn.has(s.block)) {
      // A space taken away since (rain on the terrace): the session moves, and the report says why.
      lostRooms.push({ proposal: s.id, block: s.block, room: s.room });
      continue;
    }
    if (space === undefined) {
      const why = byName.length > 1 ? `names ${byName.length} spaces (${byName.join(', ')}); write the space id` : 'matches no space id or name in spaces.csv';
      issues.push(cellIssue(table, s.line, 'room', `${JSON.stringify(s.room)} ${why}`));
      ok = false;
    }
    if (heldIn.has(s.block) && !proposals.has(s.id)) {
      issues.push(cellIssue(table, s.line, 'id', `${s.id} ran in block ${s.block}, already held (--done), but is no longer in proposals.csv; keep its row there`));
      ok = false;
    }
    if (!ok || space === undefined) continue;
    const key = `${s.block}\u0000${space}`;
    const before = used.get(key);
    if (before) {
      issues.push(cellIssue(table, s.line, 'room', `${before.id} (line ${before.line}) is already in ${space} in block ${s.block}`));
      continue;
    }
    used.set(key, { id: s.id, line: s.line });
    slots.push({ proposal: s.id, block: s.block, space });
    if (s.facilitator !== null) roles.push({ proposal: s.id, facilitator: s.facilitator, noteTaker: s.noteTaker });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { slots, roles, done: [...done], lostRooms };
}

export async function readAgendaBaseline(path: string, input: AgendaInput, done: readonly string[]): Promise<AgendaBaseline> {
  return parseAgendaBaseline(await readText(path, path), path, input, done);
}
