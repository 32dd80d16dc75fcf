/**
 * Team forming end to end, pure: prepare, build the model, solve it with the
 * solver passed in (src/solve's in the CLI, a stub in tests), read the teams
 * back, and check them against the hard rules before anyone sees them.
 */
import type { Solver } from '../solve/types.js';
import { checkTeams } from './check.js';
import { buildTeamsModel, type TeamsModel } from './model.js';
import { prepare, TeamsError, type Preparation, type SizeRange } from './prepare.js';
import type { Team, Teams, TeamsInput, TeamsOptions, Unplaced } from '../domain/teams.js';
import { compareText } from '../domain/compare.js';

export type SolveSummary = {
  readonly status: 'optimal' | 'feasible' | 'trivial';
  readonly objective: number;
  /** Proven lower bound on the penalty (equal to objective when optimal). */
  readonly bound: number | null;
  readonly seconds: number;
  readonly variables: number;
  readonly constraints: number;
};

export type TeamsOutcome = {
  readonly result: Teams;
  readonly preparation: Preparation;
  readonly solve: SolveSummary;
};

export async function formTeams(input: TeamsInput, options: TeamsOptions, solver: Solver): Promise<TeamsOutcome> {
  const sizes = { minSize: options.minSize, maxSize: options.maxSize };
  const prep = prepare(input, sizes);
  let result: Teams;
  let summary: SolveSummary;
  if (prep.teamCount === 0) {
    result = { teams: [], unplaced: prep.unplaced };
    summary = { status: 'trivial', objective: 0, bound: 0, seconds: 0, variables: 0, constraints: 0 };
  } else {
    const built = buildTeamsModel(prep, sizes, options.orderKey);
    const solved = await solver(built.model, { backend: 'highs', timeLimitSeconds: options.timeLimitSeconds });
    if (solved.status === 'infeasible') {
      throw new TeamsError(
        'no teams keep every hard rule: a project team or a group of mutual team_with requests cannot be filled with enough people who share its language within the sizes',
      );
    }
    if (solved.status === 'timedout') throw new TeamsError(`no teams found within the time limit of ${options.timeLimitSeconds} s; raise --time-limit`);
    if (solved.status === 'error') throw new Error(`solver failed: ${solved.message}`);
    if (solved.status !== 'optimal' && solved.status !== 'feasible') throw new Error(`unexpected solver status ${solved.status}`);
    result = teamsFromValues(built, prep, solved.values, sizes);
    summary = {
      status: solved.status,
      objective: Math.round(solved.objective),
      bound: solved.bound,
      seconds: solved.seconds,
      variables: built.model.columns.length,
      constraints: built.model.rows.length,
    };
  }
  const violations = checkTeams(input, sizes, result);
  if (violations.length > 0) {
    throw new Error(`the teams break hard rules (a bug in convene):\n${violations.map((v) => `${v.rule}: ${v.message}`).join('\n')}`);
  }
  return { result, preparation: prep, solve: summary };
}

function teamsFromValues(built: TeamsModel, prep: Preparation, values: Float64Array, sizes: SizeRange): Teams {
  const on = (c: number) => (values[c] ?? 0) > 0.5;
  const byId = new Map(prep.placeable.map((p) => [p.id, p]));
  const raw = built.teamProject.map((project, t) => {
    const members = built.order.filter((_, i) => on(built.x[i]![t]!)).map((p) => p.id).sort(compareText);
    const pitcher = prep.projects.find((p) => p.id === project)?.pitchedBy;
    const lead = pitcher ?? members[0] ?? '';
    const langs = members.map((m) => byId.get(m)?.languages ?? []);
    const language = [...(langs[0] ?? [])].sort(compareText).find((l) => langs.every((ls) => ls.includes(l))) ?? '';
    return { project, lead, members: [lead, ...members.filter((m) => m !== lead)], language };
  });
  // Project teams first, by project id (prep.projects is sorted), then the others by lead.
  const ordered = [...raw.filter((t) => t.project !== null), ...raw.filter((t) => t.project === null).sort((a, b) => compareText(a.lead, b.lead))];
  const width = Math.max(2, String(ordered.length).length);
  const teams: Team[] = ordered.map((t, k) => ({ id: `t${String(k + 1).padStart(width, '0')}`, ...t }));
  const left: Unplaced[] = built.order
    .filter((_, i) => on(built.u[i]!))
    .map((p) => ({
      id: p.id,
      reason: prep.sizesShort
        ? `teams of ${sizes.minSize}-${sizes.maxSize} cannot split the ${prep.placeable.length} people who share a language into whole teams; the fewest possible were left out`
        : 'no team within the sizes that shares one of their languages could take them without breaking a hard rule',
    }));
  return { teams, unplaced: [...prep.unplaced, ...left].sort((a, b) => compareText(a.id, b.id)) };
}
