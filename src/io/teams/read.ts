/** An event folder on disk -> TeamsInput (registrations.csv and, if present, projects.csv). */
import { join } from 'node:path';
import type { TeamsInput } from '../../domain/teams.js';
import { REGISTRATIONS_FILE } from '../allocation/registrations.js';
import { listFolder, readText } from '../files.js';
import type { FileText } from '../rows/sheet.js';
import { PROJECTS_FILE } from './columns.js';
import { parseTeamsInput } from './parse.js';

/** Throws InputError. File names are matched without regard to case, as for the other commands. */
export async function readTeamsInput(dir: string): Promise<TeamsInput> {
  const names = await listFolder(dir);
  const text = async (file: string): Promise<FileText> => {
    const actual = names.find((n) => n === file) ?? names.find((n) => n.toLowerCase() === file);
    return actual === undefined ? undefined : readText(join(dir, actual), file);
  };
  return parseTeamsInput({ registrations: await text(REGISTRATIONS_FILE), projects: await text(PROJECTS_FILE) });
}
