/**
 * An event folder on disk -> Event: finds and reads the files, then hands
 * their text to the pure parseEvent (./validate-event.ts).
 */
import type { Event } from '../domain/types.js';
import { openFolder, type Folder } from './files.js';
import type { FileText } from './rows/sheet.js';
import { EVENT_FILES, parseEvent } from './validate-event.js';

export { EVENT_FILES, parseEvent } from './validate-event.js';

/**
 * Reads calendar.csv, rooms.csv, themes.csv, speakers.csv and (if present)
 * availability.csv from `dir`, and parses them as parseEvent does. File names
 * are matched without regard to case (Calendar.CSV is read as calendar.csv);
 * messages name files as EVENT_FILES spells them, without the folder.
 * Throws InputError, also for a missing folder (`<dir> no such folder`).
 */
export async function readEvent(dir: string | Folder): Promise<Event> {
  return parseEvent(await eventTexts(typeof dir === 'string' ? await openFolder(dir) : dir));
}

/** The text of each event file the folder holds, keyed as EVENT_FILES spells them. */
export async function eventTexts(folder: Folder): Promise<Record<string, FileText>> {
  const files: Record<string, FileText> = {};
  for (const file of EVENT_FILES) if (folder.has(file)) files[file] = await folder.text(file);
  return files;
}
