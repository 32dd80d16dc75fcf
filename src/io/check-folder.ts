/**
 * Every file of an event folder that some command reads, checked with the
 * very readers those commands use, so `convene validate` accepts exactly what
 * they accept and says the same words about the rest.
 *
 * Which parts are checked depends on the files present: the schedule's event
 * files (calendar, rooms, themes, speakers, availability) unless the folder
 * holds only allocation or Datacamp files; weights.csv when present; the
 * allocation files (registrations, unconference, preferences) when any is
 * present; the Datacamp columns and projects.csv when projects.csv is present
 * or registrations.csv has a profile or languages column.
 */
import type { AllocationInput } from '../domain/allocation.js';
import { formatIssue, type InputIssue } from '../domain/issues.js';
import type { Event, Item } from '../domain/types.js';
import type { TeamsInput } from '../domain/teams.js';
import { checkAllocationInput } from './allocation/parse.js';
import { PREFERENCES_FILE } from './allocation/preferences.js';
import { REGISTRATIONS_FILE } from './allocation/registrations.js';
import { UNCONFERENCE_FILE } from './allocation/unconference.js';
import { eventTexts } from './event.js';
import type { Folder } from './files.js';
import { readThemes, THEMES_FILE } from './rows/themes.js';
import { PROJECTS_FILE } from './teams/columns.js';
import { parsedOnce, type FileText } from './rows/sheet.js';
import { checkTeamsInput } from './teams/parse.js';
import { EVENT_FILES, eventFrom, readSheets, validateSheets } from './validate-event.js';
import { checkWeights, WEIGHTS_FILE, type WeightOverrides } from './weights.js';

export type FolderCheck = {
  /** The event, when its files were checked and hold no problem; null when not checked or not valid. */
  readonly event: Event | null;
  readonly weights: WeightOverrides | null;
  readonly allocation: AllocationInput | null;
  readonly teams: TeamsInput | null;
  /** The files each part read, for the summary. */
  readonly parts: readonly ('event' | 'weights' | 'allocation' | 'teams')[];
  readonly issues: readonly InputIssue[];
};

export async function checkFolder(folder: Folder): Promise<FolderCheck> {
  // Appended one by one: push(...list) overflows the stack with 200,000 issues.
  const issues: InputIssue[] = [];
  const parts: FolderCheck['parts'][number][] = [];
  const allocationFiles = [REGISTRATIONS_FILE, UNCONFERENCE_FILE, PREFERENCES_FILE].some((f) => folder.has(f));
  // Read by both allocate's and teams' readers: parsed once.
  const registrations = parsedOnce(await folder.text(REGISTRATIONS_FILE), REGISTRATIONS_FILE);
  const teamsFiles = folder.has(PROJECTS_FILE) || hasTeamColumns(registrations);
  const eventFiles = EVENT_FILES.some((f) => folder.has(f)) || !(allocationFiles || teamsFiles || folder.has(WEIGHTS_FILE));

  let event: Event | null = null;
  let items: readonly Item[] = [];
  if (eventFiles) {
    parts.push('event');
    const sheets = readSheets(await eventTexts(folder));
    const found = validateSheets(sheets);
    for (const issue of found) issues.push(issue);
    items = sheets.themes.rows;
    if (found.length === 0) {
      event = eventFrom(sheets);
    }
  } else if (folder.has(THEMES_FILE)) {
    items = readThemes(await folder.text(THEMES_FILE)).rows;
  }

  let weights: WeightOverrides | null = null;
  if (folder.has(WEIGHTS_FILE)) {
    parts.push('weights');
    const checked = checkWeights(await folder.text(WEIGHTS_FILE));
    for (const issue of checked.issues) issues.push(issue);
    if (checked.issues.length === 0) weights = checked.overrides;
  }

  let allocation: AllocationInput | null = null;
  if (allocationFiles) {
    parts.push('allocation');
    // As `allocate` without --schedule reads them: workshop ids from themes.csv, no times.
    const checked = checkAllocationInput(
      {
        registrations,
        unconference: await folder.text(UNCONFERENCE_FILE),
        preferences: await folder.text(PREFERENCES_FILE),
      },
      items,
      [],
    );
    for (const issue of checked.issues) issues.push(issue);
    allocation = checked.input;
  }

  let teams: TeamsInput | null = null;
  if (teamsFiles) {
    parts.push('teams');
    const checked = checkTeamsInput({ registrations, projects: await folder.text(PROJECTS_FILE) });
    for (const issue of checked.issues) issues.push(issue);
    teams = checked.input;
  }
  // allocate and teams both read registrations.csv's base columns: say each problem once.
  const unique = [...new Map(issues.map((i) => [formatIssue(i), i])).values()];
  return { event, weights, allocation, teams, parts, issues: unique };
}

/** Whether registrations.csv has a Datacamp column (profile or languages): `convene teams` is then meant to read it. */
function hasTeamColumns(text: FileText): boolean {
  return typeof text === 'object' && 'header' in text && (text.header.includes('profile') || text.header.includes('languages'));
}
