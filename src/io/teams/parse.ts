/**
 * registrations.csv (Datacamp columns included) and projects.csv, read and
 * checked against each other, pure: every problem becomes one InputError.
 */
import { InputError, formatIssue, type InputIssue } from '../../domain/issues.js';
import { PROFILES, type Person, type Project, type TeamsInput } from '../../domain/teams.js';
import { readRegistrations } from '../allocation/registrations.js';
import { listWords } from '../cells.js';
import { cellIssue, hasNoRows, nothingToReferTo, parsedOnce, type FileText } from '../rows/sheet.js';
import { REGISTRATIONS_FILE } from '../allocation/registrations.js';
import { readProjects, readTeamColumns } from './columns.js';
import { byId } from '../../domain/compare.js';

export type TeamsFiles = { readonly registrations: FileText; readonly projects: FileText };

export function parseTeamsInput(files: TeamsFiles): TeamsInput {
  const { input, issues } = checkTeamsInput(files);
  if (input === null) throw new InputError(issues);
  return input;
}

/** parseTeamsInput without throwing: the input (null when there are problems) and every problem. */
export function checkTeamsInput(files: TeamsFiles): { readonly input: TeamsInput | null; readonly issues: readonly InputIssue[] } {
  const text = parsedOnce(files.registrations, REGISTRATIONS_FILE);
  const base = readRegistrations(text);
  const cols = readTeamColumns(text);
  const projects = readProjects(files.projects);
  // A missing, empty or unreadable registrations.csv is reported by the base reader, with every column it needs.
  const issues: InputIssue[] = [...base.issues, ...cols.issues.filter((i) => i.line > 0), ...projects.issues];
  const rt = cols.table;
  if (rt) {
    for (const c of ['profile', 'languages']) {
      if (rt.col(c) === 0) issues.push({ file: rt.file, line: rt.headerLine, column: 0, columnName: c, message: 'missing column (convene teams needs profile and languages for every Datacamp registrant)' });
    }
  }
  const colsByLine = new Map(cols.rows.map((c) => [c.line, c]));
  const registrants = new Map(base.rows.map((r) => [r.id, r]));
  const datacamp = base.rows.filter((r) => r.events.includes('datacamp'));
  const isDatacamp = new Set(datacamp.map((r) => r.id));
  // An empty registrations.csv or projects.csv is said once, not on every row naming someone or something in it.
  const noPeople = hasNoRows(base);
  const known = noPeople ? null : base.ids;
  const noProjects = hasNoRows(projects);
  const namingPeople: number[] = [];
  const namingProjects: number[] = [];
  const projectRows = new Map(projects.rows.map((p) => [p.id, p]));
  const pt = projects.table;

  // projects.csv: each pitcher a known Datacamp registrant, pitching one project.
  const pitched = new Map<string, { project: string; line: number }>();
  if (pt) {
    for (const p of [...projects.rows].sort((a, b) => a.line - b.line)) {
      if (noPeople) namingPeople.push(p.line);
      else if (known && !known.has(p.pitchedBy)) issues.push(cellIssue(pt, p.line, 'pitched_by', `unknown registrant ${JSON.stringify(p.pitchedBy)} (not in registrations.csv)`));
      else if (registrants.has(p.pitchedBy) && !isDatacamp.has(p.pitchedBy)) issues.push(cellIssue(pt, p.line, 'pitched_by', `${p.pitchedBy} is not registered for datacamp`));
      const before = pitched.get(p.pitchedBy);
      if (before) issues.push(cellIssue(pt, p.line, 'pitched_by', `${p.pitchedBy} already pitches ${before.project} (line ${before.line}); a pitcher leads one team`));
      else pitched.set(p.pitchedBy, { project: p.id, line: p.line });
    }
  }

  const people: Person[] = [];
  const claimed = new Map<string, { by: string; line: number }>();
  for (const r of datacamp) {
    const c = colsByLine.get(r.line);
    if (!c || !rt) continue;
    const report = (column: string, message: string) => issues.push(cellIssue(rt, r.line, column, message));
    if (c.profile === null && rt.col('profile') !== 0) report('profile', `expected one of ${listWords(PROFILES)} for a Datacamp registrant, got an empty cell`);
    if (c.languages.length === 0 && rt.col('languages') !== 0) report('languages', 'expected the languages a Datacamp registrant works in (like es;en), got an empty cell');
    for (const q of c.teamWith) {
      if (q === r.id) report('team_with', `${r.id} asks to work with themselves`);
      else if (known && !known.has(q)) report('team_with', `unknown registrant ${JSON.stringify(q)} (not in registrations.csv)`);
      else if (registrants.has(q) && !isDatacamp.has(q)) report('team_with', `${q} is not registered for datacamp`);
    }
    if (c.project !== null) {
      const row = projectRows.get(c.project);
      const first = claimed.get(c.project);
      if (noProjects) namingProjects.push(r.line);
      else if (pt && !row && !(projects.ids?.has(c.project) ?? false)) report('project', `unknown project ${JSON.stringify(c.project)} (not in projects.csv)`);
      else if (row && row.pitchedBy !== r.id) report('project', `${c.project} is pitched by ${row.pitchedBy} in projects.csv (line ${row.line})`);
      else if (!row && pitched.has(r.id)) report('project', `${r.id} already pitches ${pitched.get(r.id)!.project} in projects.csv`);
      else if (first) report('project', `${c.project} is already pitched by ${first.by} (line ${first.line}); a project has one pitcher`);
      else claimed.set(c.project, { by: r.id, line: r.line });
    }
    if (c.profile === null || c.languages.length === 0) continue;
    people.push({
      id: r.id,
      name: r.name,
      organization: r.organization,
      sector: r.sector,
      country: r.country,
      profile: c.profile,
      skills: c.skills,
      languages: c.languages,
      teamWith: c.teamWith.filter((q) => q !== r.id && isDatacamp.has(q)),
      line: r.line,
    });
  }
  if (namingPeople.length > 0 && pt) issues.push(nothingToReferTo(base, 'registrants', pt.file, namingPeople));
  if (namingProjects.length > 0 && rt) issues.push(nothingToReferTo(projects, 'projects', rt.file, namingProjects));
  if (issues.length > 0) return { input: null, issues: dedupe(issues) };

  const list: Project[] = projects.rows.map((p) => ({ id: p.id, title: p.title, pitchedBy: p.pitchedBy, needs: p.needs }));
  for (const [id, { by }] of claimed) if (!projectRows.has(id)) list.push({ id, title: id, pitchedBy: by, needs: [] });
  return { input: { people: people.sort(byId), projects: list.sort(byId) }, issues: [] };
}

/** Both readers of registrations.csv see an unreadable file; report it once. */
function dedupe(issues: readonly InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = formatIssue(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
