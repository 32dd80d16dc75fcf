/**
 * `convene publish`, pure part: an event and its checked schedule -> every
 * file of the published site, keyed by relative path. No fs, clock or process.
 */
import type { Event, Schedule } from '../../domain/types.js';
import { publishContext, type PublishOptions } from './context.js';
import { scheduleJson } from './frab.js';
import { agendaHtml } from './html.js';
import { icsFiles } from './ical.js';
import { sheetFiles } from './sheets.js';

export type { PublishOptions } from './context.js';
export { LANGS, type Lang } from './labels.js';
export { isTimeZone } from './zone.js';
export { fileStems, safeStem } from './names.js';
export { itemUid } from './ical.js';
export { escapeHtml } from './escape.js';
export { joinRosters, type DeclaredSession } from './rosters.js';
export { sessionFiles, sessionPage, type RosterPerson, type SessionRoster } from './sessions.js';

/**
 * index.html, schedule.json, program.ics, ics/<speaker or room>.ics,
 * speakers/<speaker>.md, rooms/<room>.md. File names come from ids through
 * fileStems (safe characters, unique ignoring case).
 */
export function publishFiles(event: Event, schedule: Schedule, options: PublishOptions): Readonly<Record<string, string>> {
  const ctx = publishContext(event, schedule, options);
  return {
    'index.html': agendaHtml(ctx),
    'schedule.json': scheduleJson(ctx),
    ...icsFiles(ctx),
    ...sheetFiles(ctx),
  };
}
