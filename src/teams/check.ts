/**
 * The hard rules, checked on finished teams with plain loops, independent of
 * the solver's variables: a result is written only when this finds nothing.
 */
import { pairGroups, type SizeRange } from './prepare.js';
import type { TeamsInput, Teams } from '../domain/teams.js';

export const HARD_RULES = ['exactly-once', 'size', 'language', 'lead', 'pairs', 'reason'] as const;
export type HardRule = (typeof HARD_RULES)[number];

export type TeamViolation = { readonly rule: HardRule; readonly message: string };

export function checkTeams(input: TeamsInput, sizes: SizeRange, result: Teams): readonly TeamViolation[] {
  const v: TeamViolation[] = [];
  const add = (rule: HardRule, message: string) => v.push({ rule, message });
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const name = (id: string) => `${id} (${byId.get(id)?.name ?? 'unknown'})`;

  // Every registrant exactly once, in a team or unplaced; nobody else.
  const seen = new Map<string, string>();
  const place = (id: string, where: string) => {
    if (!byId.has(id)) add('exactly-once', `${id} in ${where} is not a Datacamp registrant`);
    const before = seen.get(id);
    if (before !== undefined) add('exactly-once', `${name(id)} is in ${before} and in ${where}`);
    else seen.set(id, where);
  };
  for (const t of result.teams) for (const m of t.members) place(m, `team ${t.id}`);
  for (const u of result.unplaced) {
    place(u.id, 'the unplaced list');
    if (u.reason.trim() === '') add('reason', `${name(u.id)} is unplaced without a reason`);
  }
  for (const p of input.people) if (!seen.has(p.id)) add('exactly-once', `${name(p.id)} is in no team and not listed as unplaced`);

  for (const t of result.teams) {
    const n = t.members.length;
    if (n < sizes.minSize || n > sizes.maxSize) add('size', `team ${t.id} has ${n} members, outside ${sizes.minSize}-${sizes.maxSize}`);
    for (const m of t.members) {
      if (!(byId.get(m)?.languages.includes(t.language) ?? false)) add('language', `${name(m)} in team ${t.id} does not speak ${t.language}, the team's language`);
    }
    if (!t.members.includes(t.lead)) add('lead', `team ${t.id} is led by ${t.lead}, who is not a member`);
  }

  // A pitcher leads the one team of their own project, whenever the pitcher is placed.
  const placed = new Set(result.teams.flatMap((t) => t.members));
  for (const project of input.projects) {
    const teams = result.teams.filter((t) => t.project === project.id);
    if (!placed.has(project.pitchedBy)) {
      if (teams.length > 0) add('lead', `project ${project.id} has a team but its pitcher ${name(project.pitchedBy)} is not placed`);
      continue;
    }
    if (teams.length !== 1) add('lead', `project ${project.id} has ${teams.length} teams, not 1`);
    for (const t of teams) if (t.lead !== project.pitchedBy) add('lead', `team ${t.id} builds ${project.id} but is led by ${name(t.lead)}, not its pitcher ${name(project.pitchedBy)}`);
  }
  for (const t of result.teams) {
    if (t.project !== null && !input.projects.some((p) => p.id === t.project)) add('lead', `team ${t.id} builds unknown project ${t.project}`);
  }

  // Mutual requests that fit one team are kept together.
  const teamOf = new Map(result.teams.flatMap((t) => t.members.map((m) => [m, t.id] as const)));
  const placeable = input.people.filter((p) => placed.has(p.id));
  for (const g of pairGroups(placeable, input.projects, sizes.maxSize, sizes.minSize)) {
    if (g.brokenBecause !== null) continue;
    const teams = new Set(g.ids.map((id) => teamOf.get(id)));
    if (teams.size > 1) add('pairs', `${g.ids.join(', ')} asked for each other but are split over ${[...teams].sort().join(', ')}`);
  }
  return v;
}
