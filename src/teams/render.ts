/**
 * Teams -> teams.csv (as a table), teams.md (a printable card per team) and
 * the report (Markdown and JSON). Strings only; io writes them.
 */
import type { Table } from '../domain/table.js';
import type { TeamsOutcome } from './form.js';
import { evaluateGoals, type GoalResult } from './goals.js';
import type { Person, TeamsInput } from '../domain/teams.js';


export type TeamsMeta = {
  readonly version: string;
  readonly seed: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly timeLimitSeconds: number;
};

export type TeamsReport = {
  readonly teams: number;
  readonly placed: number;
  readonly unplaced: readonly { readonly id: string; readonly name: string; readonly reason: string }[];
  readonly goals: readonly GoalResult[];
  readonly droppedProjects: readonly { readonly id: string; readonly pitchedBy: string }[];
  readonly solve: { readonly status: string; readonly penalty: number; readonly bound: number | null; readonly variables: number; readonly constraints: number };
  readonly seed: string;
  readonly size: string;
  readonly version: string;
};

export type TeamsOutputs = {
  readonly tables: Readonly<Record<string, Table>>;
  readonly texts: Readonly<Record<string, string>>;
  readonly report: TeamsReport;
};

export function teamsOutputs(input: TeamsInput, outcome: TeamsOutcome, meta: TeamsMeta): TeamsOutputs {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const get = (id: string): Person => byId.get(id)!;
  const { teams, unplaced } = outcome.result;
  const rows: string[][] = [];
  for (const t of teams) {
    for (const m of t.members) {
      const p = get(m);
      rows.push([t.id, p.id, p.name, p.profile, p.country, m === t.lead ? 'lead' : 'member', p.organization, t.language, t.project ?? '']);
    }
  }
  for (const u of unplaced) {
    const p = get(u.id);
    rows.push(['', p.id, p.name, p.profile, p.country, 'unplaced', p.organization, '', '']);
  }
  const goals = evaluateGoals(input.people, input.projects, outcome.result);
  const s = outcome.solve;
  const report: TeamsReport = {
    teams: teams.length,
    placed: teams.reduce((n, t) => n + t.members.length, 0),
    unplaced: unplaced.map((u) => ({ id: u.id, name: get(u.id).name, reason: u.reason })),
    goals,
    droppedProjects: outcome.preparation.droppedProjects.map((p) => ({ id: p.id, pitchedBy: p.pitchedBy })),
    solve: { status: s.status, penalty: s.objective, bound: s.bound === null ? null : Math.ceil(s.bound - 1e-6), variables: s.variables, constraints: s.constraints },
    seed: meta.seed,
    size: `${meta.minSize}-${meta.maxSize}`,
    version: meta.version,
  };
  return {
    tables: { 'teams.csv': { header: ['team', 'registrant', 'name', 'profile', 'country', 'role', 'organization', 'language', 'project'], rows } },
    texts: {
      'teams.md': cards(input, outcome),
      'teams-report.md': reportMarkdown(report),
      'teams-report.json': `${JSON.stringify(report, null, 2)}\n`,
    },
    report,
  };
}

function cards(input: TeamsInput, outcome: TeamsOutcome): string {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const projects = new Map(input.projects.map((p) => [p.id, p]));
  const out: string[] = ['# Datacamp teams', ''];
  for (const t of outcome.result.teams) {
    const project = t.project === null ? undefined : projects.get(t.project);
    out.push(`## Team ${t.id}${project ? `: ${cell(project.title)}` : ''}`, '');
    out.push(`Working language: **${t.language}**. Lead: ${cell(byId.get(t.lead)?.name ?? t.lead)} (${t.lead}).`, '');
    if (project) out.push(`Project ${project.id}, pitched by ${t.lead}${project.needs.length > 0 ? `; needs ${project.needs.join(', ')}` : ''}.`, '');
    out.push('| | registrant | name | profile | organization | country | languages | skills |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const m of t.members) {
      const p = byId.get(m)!;
      out.push(`| ${m === t.lead ? 'lead' : ''} | ${p.id} | ${cell(p.name)} | ${p.profile} | ${cell(p.organization)} | ${cell(p.country)} | ${p.languages.join(', ')} | ${cell(p.skills.join(', '))} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function reportMarkdown(r: TeamsReport): string {
  const out: string[] = ['# Datacamp teams: report', ''];
  out.push(`${r.teams} teams of ${r.size}, ${r.placed} people placed, ${r.unplaced.length} unplaced. Seed ${r.seed}; convene ${r.version}.`, '');
  const proof = r.solve.status === 'optimal' ? 'proven optimal' : r.solve.status === 'trivial' ? 'nothing to solve' : `best found; no teams can do better than ${r.solve.bound ?? '?'}`;
  out.push(`Penalty ${r.solve.penalty} (${proof}); ${r.solve.variables} variables, ${r.solve.constraints} constraints.`, '');
  out.push('## Soft goals', '', '| goal | met | of |', '| --- | ---: | ---: |');
  for (const g of r.goals) out.push(`| ${g.text} | ${g.met} | ${g.applies} |`);
  out.push('');
  for (const g of r.goals) {
    if (g.misses.length === 0) continue;
    out.push(`### Not met: ${g.text}`, '');
    for (const m of g.misses) out.push(`- ${m.team ? `${m.team}: ` : ''}${cell(m.reason)}`);
    out.push('');
  }
  out.push('## Unplaced', '');
  if (r.unplaced.length === 0) out.push('Everyone is in a team.');
  for (const u of r.unplaced) out.push(`- ${u.id} (${cell(u.name)}): ${cell(u.reason)}`);
  out.push('');
  if (r.droppedProjects.length > 0) {
    out.push('## Projects without a team', '');
    for (const p of r.droppedProjects) out.push(`- ${p.id}: its pitcher ${p.pitchedBy} is unplaced`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Text safe inside a Markdown table cell or list item. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
