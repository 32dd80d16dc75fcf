/**
 * The Datacamp columns of registrations.csv (profile, skills, languages,
 * project, team_with) and projects.csv, read as sheets of their own. The base
 * columns are read by the allocation reader, unchanged, so both commands
 * agree on every registrant.
 */
import { z } from 'zod';
import { PROFILES, type Profile } from '../../domain/teams.js';
import { choiceListCell, found, idCell, nameCell, nameOr, optionalChoiceCell, splitList, textCell } from '../cells.js';
import { readSheet, type FileText, type Sheet } from '../rows/sheet.js';
import { REGISTRATIONS_FILE } from '../allocation/registrations.js';
import { byId } from '../../domain/compare.js';

export const PROJECTS_FILE = 'projects.csv';
export const TEAM_COLUMNS = ['profile', 'skills', 'languages', 'project', 'team_with'] as const;

/** Ids listed in one cell; each without spaces inside, so a name typed by mistake is caught. */
const idListCell = z.string().transform((text, ctx): readonly string[] => {
  const items = splitList(text);
  const bad = items.find((i) => /\s/.test(i));
  if (bad !== undefined) {
    ctx.issues.push({ code: 'custom', message: `expected registrant ids separated by ";" or "|", ${found(bad)}`, input: text });
    return z.NEVER;
  }
  return items;
});

const optionalIdCell = z.string().transform((text, ctx): string | null => {
  if (text === '') return null;
  if (/[;|]/.test(text)) {
    ctx.issues.push({ code: 'custom', message: `expected one project id, ${found(text)}`, input: text });
    return z.NEVER;
  }
  return text;
});

/** The Datacamp columns of one registrations.csv row. */
export type TeamColumns = {
  readonly id: string;
  readonly profile: Profile | null;
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly project: string | null;
  readonly teamWith: readonly string[];
  readonly line: number;
};

const teamShape = z.object({
  id: textCell,
  profile: optionalChoiceCell(PROFILES),
  skills: textCell.transform(splitList),
  languages: textCell.transform((t) => [...new Set(splitList(t).map((l) => l.toLowerCase()))]),
  project: optionalIdCell,
  team_with: idListCell,
});

/**
 * Reads only the Datacamp columns; no id checks and no missing-file report
 * (the base reader reports those for the same file).
 */
export function readTeamColumns(text: FileText): Sheet<TeamColumns> {
  return readSheet(
    {
      file: REGISTRATIONS_FILE,
      columns: ['id'],
      optionalColumns: [...TEAM_COLUMNS],
      required: false,
      schema: teamShape,
      build: (v, row): TeamColumns => ({ id: v.id, profile: v.profile, skills: v.skills, languages: v.languages, project: v.project, teamWith: v.team_with, line: row.line }),
      order: (a, b) => a.line - b.line,
    },
    text,
  );
}

export type ProjectRow = {
  readonly id: string;
  readonly title: string;
  readonly pitchedBy: string;
  readonly needs: readonly Profile[];
  readonly line: number;
};

const projectShape = z.object({ id: idCell, title: nameCell, pitched_by: idCell, needs: choiceListCell(PROFILES) });

export function readProjects(text: FileText): Sheet<ProjectRow> {
  return readSheet(
    {
      file: PROJECTS_FILE,
      columns: ['id', 'title', 'pitched_by'],
      optionalColumns: ['needs'],
      idColumn: 'id',
      required: false,
      schema: projectShape,
      build: (v, row): ProjectRow => ({ id: v.id, title: nameOr(v.title, v.id), pitchedBy: v.pitched_by, needs: v.needs, line: row.line }),
      order: byId,
    },
    text,
  );
}
