import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import path from 'node:path';
import { lotteryKey } from '../io/allocation/read.js';
import { readTeamsInput } from '../io/teams/read.js';
import { checkOutputFolder, tableToCsv, writeOutputs } from '../io/write.js';
import { solve } from '../solve/index.js';
import { formTeams } from '../teams/form.js';
import { TeamsError } from '../teams/prepare.js';
import { teamsOutputs, type TeamsReport } from '../teams/render.js';
import type { Console } from './console.js';
import { type Ending, UsageError } from './exit.js';
import { FORCE_HELP, seconds } from './options.js';
import { CONVENE_VERSION } from '../io/version.js';


export type TeamsFlags = {
  readonly out: string;
  readonly size: { readonly min: number; readonly max: number };
  readonly seed: string;
  readonly timeLimit: number;
  readonly force?: boolean;
};

export const DEFAULT_TEAM_SIZE = { min: 4, max: 6 } as const;

/** `4-6` (or `5` for exactly 5): team sizes, each from 1 to 50. */
export function sizeRange(text: string): { min: number; max: number } {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  const min = Number(m?.[1]);
  const max = Number(m?.[2] ?? m?.[1]);
  if (!m || min < 1 || max > 50 || min > max) throw new InvalidArgumentError(`expected sizes like 4-6 (smallest-largest, from 1 to 50), got "${text}".`);
  return { min, max };
}

function seedText(text: string): string {
  if (text.trim() === '') throw new InvalidArgumentError('expected a seed (any text, such as 2014).');
  return text.trim();
}

export function registerTeams(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('teams')
    .description('form balanced Datacamp teams of journalists, civic activists and developers')
    .argument('<dir>', 'event folder (registrations.csv with the Datacamp columns, optional projects.csv)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--force', FORCE_HELP)
    .option('--size <min-max>', 'team sizes, smallest-largest', sizeRange, DEFAULT_TEAM_SIZE)
    .option('--seed <s>', 'tie-break seed: the same seed and inputs give the same teams', seedText, '2014')
    .option('--time-limit <s>', 'stop the solver after this many seconds and keep its best teams', seconds, 30)
    .action(async (dir: string, flags: TeamsFlags) => run((c) => teamsCommand(dir, flags, c)));
}

const TEAMS_OUTPUTS: readonly string[] = ['teams.csv', 'teams.md', 'teams-report.md', 'teams-report.json'];

/** Every file teams writes, as text, by relative path, and the report they include. */
export async function runTeams(dir: string, flags: TeamsFlags, onStatus?: (text: string) => void): Promise<{ readonly files: Readonly<Record<string, string>>; readonly report: TeamsReport; readonly seconds: number }> {
  const input = await readTeamsInput(dir);
  // An output folder that will be refused is said before the solve, not after it.
  await checkOutputFolder(flags.out, (p) => TEAMS_OUTPUTS.includes(p), { command: 'teams', force: Boolean(flags.force), protect: [dir] });
  const options = { minSize: flags.size.min, maxSize: flags.size.max, orderKey: lotteryKey(flags.seed), timeLimitSeconds: flags.timeLimit };
  let outcome;
  try {
    outcome = await formTeams(input, options, (model, o) => {
      onStatus?.(`Forming teams (${model.columns.length} variables)...`);
      return solve(model, o);
    });
  } catch (e) {
    if (e instanceof TeamsError) throw new UsageError(e.message);
    throw e;
  }
  const outputs = teamsOutputs(input, outcome, { version: CONVENE_VERSION, seed: flags.seed, minSize: flags.size.min, maxSize: flags.size.max, timeLimitSeconds: flags.timeLimit });
  const files: Record<string, string> = { ...outputs.texts };
  for (const [name, table] of Object.entries(outputs.tables)) files[name] = tableToCsv(table);
  return { files, report: outputs.report, seconds: outcome.solve.seconds };
}

export async function teamsCommand(dir: string, flags: TeamsFlags, c: Console): Promise<Ending> {
  const { files, report, seconds: took } = await runTeams(dir, flags, (t) => c.status(t));
  c.clearStatus();
  const written = await writeOutputs(flags.out, files, { command: 'teams', force: Boolean(flags.force), protect: [dir] });
  if (report.unplaced.length > 0) c.warn(`${report.unplaced.length} Datacamp registrant${report.unplaced.length === 1 ? ' is' : 's are'} in no team; teams-report.md says why.`);
  if (report.solve.status === 'feasible') c.warn(`Stopped at the time limit: the teams keep every hard rule, but better ones may exist (penalty ${report.solve.penalty}, bound ${report.solve.bound ?? '?'}).`);
  const fully = report.goals.filter((g) => g.goal === 'journalist' || g.goal === 'activist' || g.goal === 'developer');
  c.out(
    `Formed ${report.teams} teams of ${report.size} (${report.placed} people, ${report.unplaced.length} unplaced) in ${took.toFixed(1)} s; ` +
      `${fully.map((g) => `${g.met}/${g.applies} with ${g.text}`).join(', ')}. Wrote ${path.join(flags.out, 'teams.csv')} and ${written.length - 1} more files.`,
  );
  return 'done';
}
