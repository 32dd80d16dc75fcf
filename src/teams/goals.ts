/**
 * The soft goals, evaluated on finished teams (not on solver variables), with
 * a reason for every team that misses one. The report is built from these.
 */
import { COUNTRY_CAP_DEFAULT } from './limits.js';
import type { Person, Project, Teams, Team } from '../domain/teams.js';
import { compareText } from '../domain/compare.js';

export const GOALS = ['journalist', 'activist', 'developer', 'organizations', 'countries', 'needs', 'requests'] as const;
export type Goal = (typeof GOALS)[number];

export const GOAL_TEXT: Readonly<Record<Goal, string>> = {
  journalist: 'a journalist',
  activist: 'an activist or civil-society member',
  developer: 'a developer or data analyst',
  organizations: 'no two members from one organization',
  countries: `no more than ${COUNTRY_CAP_DEFAULT} members from one country`,
  needs: 'the profiles its project needs',
  requests: 'team_with requests honoured',
};

export const isActivist = (p: Person): boolean => p.profile === 'activist' || p.sector === 'civil_society';
export const isDeveloper = (p: Person): boolean => p.profile === 'developer' || p.profile === 'data_analyst';
const WHO: Readonly<Record<'journalist' | 'activist' | 'developer', (p: Person) => boolean>> = {
  journalist: (p) => p.profile === 'journalist',
  activist: isActivist,
  developer: isDeveloper,
};

/** One miss: the team (or the requesting person) and why. */
export type Miss = { readonly team: string; readonly reason: string };

export type GoalResult = {
  readonly goal: Goal;
  readonly text: string;
  /** Teams (or requests, for `requests`) the goal applies to, and how many meet it. */
  readonly applies: number;
  readonly met: number;
  readonly misses: readonly Miss[];
};

export function evaluateGoals(people: readonly Person[], projects: readonly Project[], result: Teams): readonly GoalResult[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const placed = result.teams.flatMap((t) => t.members.map((m) => byId.get(m)!));
  const membersOf = (t: Team) => t.members.map((m) => byId.get(m)!);
  const out: GoalResult[] = [];
  const teamsN = result.teams.length;

  for (const goal of ['journalist', 'activist', 'developer'] as const) {
    const who = WHO[goal];
    const pool = placed.filter(who);
    const misses: Miss[] = [];
    for (const t of result.teams) {
      if (membersOf(t).some(who)) continue;
      const speakers = pool.filter((p) => p.languages.includes(t.language));
      let reason: string;
      if (pool.length < teamsN) reason = `only ${pool.length} placed ${pool.length === 1 ? 'person is' : 'people are'} ${GOAL_TEXT[goal]}, for ${teamsN} teams`;
      else if (speakers.length === 0) reason = `none of the ${pool.length} who are ${GOAL_TEXT[goal]} speaks ${t.language}, the team's language`;
      else reason = `the ${speakers.length} who are ${GOAL_TEXT[goal]} and speak ${t.language} are in other teams (sizes, pairs or other goals weighed more)`;
      misses.push({ team: t.id, reason });
    }
    out.push({ goal, text: GOAL_TEXT[goal], applies: teamsN, met: teamsN - misses.length, misses });
  }

  const repeats = (goal: 'organizations' | 'countries', cap: number, key: (p: Person) => string): GoalResult => {
    const misses: Miss[] = [];
    for (const t of result.teams) {
      const groups = new Map<string, Person[]>();
      for (const p of membersOf(t)) {
        const k = key(p).trim();
        if (k !== '') groups.set(k.toLowerCase(), [...(groups.get(k.toLowerCase()) ?? []), p]);
      }
      const over = [...groups.values()].filter((g) => g.length > cap).sort((a, b) => compareText(a[0]!.id, b[0]!.id));
      if (over.length === 0) continue;
      const what = over.map((g) => `${g.length} from ${key(g[0]!).trim()} (${g.map((p) => p.id).join(', ')})`).join('; ');
      misses.push({ team: t.id, reason: `${what}${askedTogether(over)}` });
    }
    return { goal, text: GOAL_TEXT[goal], applies: teamsN, met: teamsN - misses.length, misses };
  };
  out.push(repeats('organizations', 1, (p) => p.organization));
  out.push(repeats('countries', COUNTRY_CAP_DEFAULT, (p) => p.country));

  // Project needs: each need of each running project is one item.
  const needMisses: Miss[] = [];
  let needCount = 0;
  const projectById = new Map(projects.map((p) => [p.id, p]));
  for (const t of result.teams) {
    const project = t.project === null ? undefined : projectById.get(t.project);
    if (!project) continue;
    for (const need of project.needs) {
      needCount++;
      if (membersOf(t).some((p) => p.profile === need)) continue;
      const pool = placed.filter((p) => p.profile === need && p.languages.includes(t.language));
      needMisses.push({
        team: t.id,
        reason: `project ${project.id} needs a ${need}: ${pool.length === 0 ? `no placed ${need} speaks ${t.language}` : `the ${pool.length} placed ${need}s who speak ${t.language} are in other teams`}`,
      });
    }
  }
  out.push({ goal: 'needs', text: GOAL_TEXT.needs, applies: needCount, met: needCount - needMisses.length, misses: needMisses });

  // Requests: every team_with request between placed people, kept or not.
  const teamOf = new Map(result.teams.flatMap((t) => t.members.map((m) => [m, t.id] as const)));
  const reqMisses: Miss[] = [];
  let reqCount = 0;
  for (const p of [...people].sort((a, b) => compareText(a.id, b.id))) {
    for (const q of p.teamWith) {
      if (!byId.has(q)) continue;
      reqCount++;
      const a = teamOf.get(p.id);
      const b = teamOf.get(q);
      if (a !== undefined && a === b) continue;
      const mutual = byId.get(q)!.teamWith.includes(p.id);
      const where = a === undefined || b === undefined ? `${a === undefined ? p.id : q} is not in a team` : `${p.id} is in ${a}, ${q} in ${b}`;
      reqMisses.push({ team: a ?? '', reason: `${p.id} asked for ${q}${mutual ? ' (mutual)' : ` (${q} did not ask for ${p.id})`}: ${where}` });
    }
  }
  out.push({ goal: 'requests', text: GOAL_TEXT.requests, applies: reqCount, met: reqCount - reqMisses.length, misses: reqMisses });
  return out;
}

/** When every repeated group asked to work together, say so: that is why they share a team. */
function askedTogether(groups: readonly (readonly Person[])[]): string {
  const asked = groups.every((g) => g.every((p) => g.some((q) => q.id !== p.id && (p.teamWith.includes(q.id) || q.teamWith.includes(p.id)))));
  return asked ? ', who asked to work together' : '';
}

