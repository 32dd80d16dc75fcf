import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import path from 'node:path';
import { runAgenda, type AgendaRun } from '../agenda/agenda.js';
import type { AgendaInput } from '../domain/agenda.js';
import { readAgendaBaseline } from '../io/agenda/baseline.js';
import { agendaInputsSha256, readAgendaInput } from '../io/agenda/read.js';
import { lotteryKey, markTieKey } from '../io/allocation/read.js';
import { tableToCsv, writeOutputs } from '../io/write.js';
import { agendaOutputs, type AgendaReport } from '../render/agenda/index.js';
import { LANGS, type Lang } from '../render/publish/index.js';
import { solve } from '../solve/index.js';
import { CONVENE_VERSION } from '../io/version.js';
import { DEFAULT_SEED } from './allocate.js';
import type { Console } from './console.js';
import { UsageError, type Ending } from './exit.js';
import { oneOf, seconds } from './options.js';

export type AgendaFlags = {
  readonly out: string;
  readonly seed: string;
  readonly timeLimit: number;
  readonly prove: number;
  readonly baseline?: string;
  readonly done?: readonly string[];
  readonly title?: string;
  readonly lang: Lang;
};

export const DEFAULT_AGENDA_TIME_LIMIT = 60;

function nonNegativeSeconds(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || text.trim() === '') throw new InvalidArgumentError(`expected a number of seconds (0 or more), got "${text}".`);
  return n;
}

function blockList(text: string): readonly string[] {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError('expected block ids separated by commas, such as A,B.');
  return [...new Set(items)];
}

function seedText(text: string): string {
  if (text.trim() === '') throw new InvalidArgumentError('expected a seed (any text, such as 2014).');
  return text.trim();
}

export function registerAgenda(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('agenda')
    .description("place the Civil Society Day's proposals into blocks and spaces so that people can attend as much of what they marked as possible")
    .argument('<dir>', 'event folder (proposals.csv, interest.csv, blocks.csv, spaces.csv, registrations.csv)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--seed <s>', 'seed of the search and the note-taker lottery: the same seed and inputs give the same agenda', seedText, DEFAULT_SEED)
    .option('--time-limit <s>', 'stop searching after this many seconds and keep the best agenda', seconds, DEFAULT_AGENDA_TIME_LIMIT)
    .option('--prove <s>', 'spend up to this many more seconds tightening the upper bound with block patterns (HiGHS)', nonNegativeSeconds, 0)
    .option('--baseline <unconference.csv>', 'a published agenda to keep: sessions move only when a rule forces them')
    .option('--done <blocks>', 'with --baseline: blocks already held, frozen as they ran (comma-separated ids)', blockList)
    .option('--title <text>', "the event's name on the board (default: the event folder's name)")
    .option('--lang <lang>', 'language of the board and agenda.md: es or en', oneOf<Lang>(LANGS), 'es')
    .action(async (dir: string, flags: AgendaFlags) => run((c) => agendaCommand(dir, flags, c)));
}

export type AgendaFiles = {
  readonly files: Readonly<Record<string, string>>;
  readonly report: AgendaReport;
  readonly run: AgendaRun;
  readonly input: AgendaInput;
};

/** Every file agenda writes, as text by relative path; or, when the pins cannot all be kept, the run alone (files empty). */
export async function agendaFiles(dir: string, flags: AgendaFlags, now: () => number = Date.now): Promise<AgendaFiles> {
  if (flags.done !== undefined && flags.baseline === undefined) throw new UsageError('--done needs --baseline (the agenda whose blocks were held)');
  const input = await readAgendaInput(dir);
  const known = input.blocks.map((b) => b.id);
  const unknown = (flags.done ?? []).filter((b) => !known.includes(b));
  if (unknown.length > 0) throw new UsageError(`--done: unknown block ${unknown.map((b) => `"${b}"`).join(', ')} (blocks.csv has ${known.join(', ')})`);
  const baseline = flags.baseline === undefined ? null : await readAgendaBaseline(flags.baseline, input, flags.done ?? []);
  const run = await runAgenda(input, baseline, {
    seed: flags.seed,
    timeLimitSeconds: flags.timeLimit,
    proveSeconds: flags.prove,
    solver: solve,
    now,
    lotteryKey: lotteryKey(flags.seed),
    tieKey: markTieKey(flags.seed),
  });
  const outputs = agendaOutputs(input, run, {
    version: CONVENE_VERSION,
    seed: flags.seed,
    inputsSha256: agendaInputsSha256(input),
    timeLimit: flags.timeLimit,
    prove: flags.prove,
    baseline: flags.baseline === undefined ? null : path.basename(flags.baseline),
    done: flags.done ?? [],
    title: flags.title?.trim() || path.basename(path.resolve(dir)),
    lang: flags.lang,
  });
  const files: Record<string, string> = { ...outputs.texts };
  for (const [name, table] of Object.entries(outputs.tables)) files[name] = tableToCsv(table);
  return { files: run.unplacedPins.length > 0 ? {} : files, report: outputs.report, run, input };
}

export async function agendaCommand(dir: string, flags: AgendaFlags, c: Console): Promise<Ending> {
  const started = Date.now();
  const { files, report, run } = await agendaFiles(dir, flags);
  if (run.unplacedPins.length > 0) {
    c.error(`No agenda was found that keeps every pin: ${run.unplacedPins.join(', ')} could not be placed where pinned (check pin_block, pin_space and what else is pinned there). Nothing was written.`);
    return 'no-schedule';
  }
  await writeOutputs(flags.out, files);
  const i = report.interest;
  if (report.unfilledNoteTakers.length > 0) c.warn(`No note-taker volunteer left for ${report.unfilledNoteTakers.length} session${report.unfilledNoteTakers.length === 1 ? '' : 's'}: ${report.unfilledNoteTakers.join(', ')}.`);
  if (report.stoppedByClock) c.warn('The time limit cut the search short: a longer --time-limit may find a better agenda.');
  const moved = report.moves === null ? '' : ` ${report.moves.filter((m) => m.kind !== 'added').length} sessions changed from the baseline.`;
  const bound = i.bound === null ? 'no bound proven' : i.proven ? 'proven optimal' : `bound ${i.bound} (gap ${((i.gap ?? 0) * 100).toFixed(1)} %)`;
  const above = i.aboveGreedy === null ? '' : `, ${i.aboveGreedy >= 0 ? '+' : ''}${(i.aboveGreedy * 100).toFixed(1)} % on greedy`;
  c.out(
    `Placed ${report.counts.placed} of ${report.counts.proposals} proposals; interest met ${i.met} of ${i.total}${above}; ${bound}; ${((Date.now() - started) / 1000).toFixed(1)} s.${moved} ` +
      `Wrote ${path.join(flags.out, 'unconference.csv')} and ${Object.keys(files).length - 1} more files.`,
  );
  return 'done';
}
