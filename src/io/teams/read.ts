/** An event folder on disk -> TeamsInput (registrations.csv and, if present, projects.csv). */
import type { TeamsInput } from '../../domain/teams.js';
import { REGISTRATIONS_FILE } from '../allocation/registrations.js';
import { openFolder } from '../files.js';
import { PROJECTS_FILE } from './columns.js';
import { parseTeamsInput } from './parse.js';

/** Throws InputError. File names are matched without regard to case, as for the other commands. */
export async function readTeamsInput(dir: string): Promise<TeamsInput> {
  const folder = await openFolder(dir);
  return parseTeamsInput({ registrations: await folder.text(REGISTRATIONS_FILE), projects: await folder.text(PROJECTS_FILE) });
}
