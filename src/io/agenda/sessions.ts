/**
 * The sessions of an agenda as the published note pages need them (`publish
 * --agenda`): the agenda's unconference.csv, with names and organisations from
 * the event folder's registrations.csv and block times from its blocks.csv
 * (both optional: ids and bare block names stand in).
 */
import { join } from 'node:path';
import { InputError } from '../../domain/issues.js';
import { formatTime } from '../../domain/time.js';
import type { RosterPerson, SessionRoster } from '../../render/publish/index.js';
import { readRegistrations, REGISTRATIONS_FILE } from '../allocation/registrations.js';
import { readUnconference, UNCONFERENCE_FILE } from '../allocation/unconference.js';
import { readText } from '../files.js';
import { folderText } from './read.js';
import { BLOCKS_FILE, readBlocks } from './rows.js';

/** The agenda's unconference.csv, as its path is printed in messages. */
export function agendaSessionsFile(agendaDir: string): string {
  return join(agendaDir, UNCONFERENCE_FILE);
}

export async function readAgendaSessions(eventDir: string, agendaDir: string): Promise<readonly SessionRoster[]> {
  const file = agendaSessionsFile(agendaDir);
  const text = await readText(file, file);
  const sheet = readUnconference(text);
  const issues = sheet.issues.map((i) => (i.file === UNCONFERENCE_FILE ? { ...i, file } : i));
  if (text === undefined) issues.push({ file, line: 0, column: 0, columnName: '', message: 'missing file (--agenda names the output folder of convene agenda)' });
  if (issues.length > 0) throw new InputError(issues);
  const registrations = readRegistrations(await folderText(eventDir, REGISTRATIONS_FILE));
  const blocks = readBlocks(await folderText(eventDir, BLOCKS_FILE));
  const people = new Map(registrations.rows.map((r) => [r.id, r]));
  const times = new Map(blocks.rows.map((b) => [b.id, `${b.id} (${formatTime(b.start)}-${formatTime(b.end)})`]));
  const person = (id: string | null): RosterPerson | null => {
    if (id === null) return null;
    const r = people.get(id);
    return { id, name: r?.name ?? id, organization: r?.organization ?? '' };
  };
  return sheet.rows.map((s) => ({
    id: s.id,
    title: s.title,
    block: times.get(s.block) ?? s.block,
    room: s.room,
    capacity: s.capacity,
    facilitator: person(s.facilitator),
    noteTaker: person(s.noteTaker),
    attendees: null,
  }));
}
