/** rosters.csv, as `convene allocate` wrote it, joined with the event folder's unconference.csv for `publish --rosters`. */
import path from 'node:path';
import { z } from 'zod';
import { compareText } from '../domain/compare.js';
import { InputError } from '../domain/issues.js';
import { ROSTER_ROLES, type RosterRow } from '../domain/session.js';
import type { Event } from '../domain/types.js';
import { joinRosters, type SessionRoster } from '../render/publish/index.js';
import { UNCONFERENCE_FILE, readUnconference } from './allocation/unconference.js';
import { choiceCell, idCell, textCell } from './cells.js';
import { openFolder, readText } from './files.js';
import { unneutralisedCell } from './formula.js';
import { hasNoRows, nothingToReferTo, readSheet } from './rows/sheet.js';

/**
 * unconference.csv from the event folder (or `sessionsFile`) and rosters.csv from `rostersDir`
 * (columns session, registrant, name, role; organization and the rest
 * optional) -> one SessionRoster per unconference session. A roster row naming
 * a session that is neither in unconference.csv nor an item of the event is an
 * input error, as is a missing file. Throws InputError with every issue.
 */
export async function readRosters(dir: string, rostersDir: string, event: Event, sessionsFile?: string): Promise<readonly SessionRoster[]> {
  const folder = await openFolder(dir);
  // `sessionsFile`: an unconference.csv elsewhere (publish --agenda: the agenda's).
  const sessionsText = sessionsFile === undefined ? await folder.text(UNCONFERENCE_FILE) : await readText(sessionsFile, UNCONFERENCE_FILE);
  const hasSessions = sessionsFile === undefined ? folder.has(UNCONFERENCE_FILE) : sessionsText !== undefined;
  const unconference = readUnconference(sessionsText);
  const known = new Set([...unconference.rows.map((s) => s.id), ...(unconference.ids?.keys() ?? []), ...event.items.map((i) => i.id)]);
  // Without sessions (no unconference.csv, or one without rows) that is said once, not on every roster row.
  const noSessions = !hasSessions || hasNoRows(unconference) || unconference.table === null;
  const naming: number[] = [];
  const file = path.join(rostersDir, 'rosters.csv');
  const rosters = readSheet(
    {
      file,
      columns: ['session', 'registrant', 'name', 'role'],
      optionalColumns: ['organization'],
      required: true,
      schema: z.object({
        session: unneutralisedCell.pipe(idCell),
        registrant: unneutralisedCell.pipe(idCell),
        name: unneutralisedCell.pipe(textCell),
        organization: unneutralisedCell.pipe(textCell),
        role: choiceCell(ROSTER_ROLES),
      }),
      check: (v, report, line) => {
        if (v.session === undefined || known.has(v.session)) return;
        if (noSessions) naming.push(line);
        else report('session', `unknown session ${JSON.stringify(v.session)} (not in ${UNCONFERENCE_FILE}, nor an item in themes.csv)`);
      },
      build: (v): RosterRow => v,
      order: (a, b) => compareText(a.session, b.session),
    },
    await readText(file, file),
  );
  const missing =
    !hasSessions
      ? [{ file: UNCONFERENCE_FILE, line: 0, column: 0, columnName: '', message: 'missing file (--rosters needs the sessions it lists)' }]
      : hasNoRows(unconference) && naming.length > 0
        ? [nothingToReferTo(unconference, 'sessions', file, naming)]
        : [];
  const issues = [...missing, ...unconference.issues, ...rosters.issues];
  if (issues.length > 0) throw new InputError(issues);
  return joinRosters(unconference.rows, rosters.rows);
}
