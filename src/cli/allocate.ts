import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import path from 'node:path';
import { allocate } from '../allocate/allocate.js';
import { allocationOutputs, type AllocationReport, type ReportMeta } from '../allocate/render/index.js';
import { DEFAULT_TIERS, MECHANISMS, type Mechanism } from '../domain/allocation.js';
import { SECTORS, type Sector } from '../domain/types.js';
import { inputsSha256, lotteryKey, markTieKey, readAllocationInput } from '../io/allocation/read.js';
import { tableToCsv, writeOutputs } from '../io/write.js';
import type { Console } from './console.js';
import { type Ending } from './exit.js';
import { FORCE_HELP, oneOf, wholeNumber } from './options.js';
import { CONVENE_VERSION } from '../io/version.js';


export const DEFAULT_SEED = '2014';

export type AllocateFlags = {
  readonly out: string;
  readonly seed: string;
  readonly places: number;
  readonly tiers: readonly Sector[];
  readonly mechanism: Mechanism;
  readonly schedule?: string;
  /** An unconference.csv to read instead of the folder's (such as `convene agenda`'s). */
  readonly unconference?: string;
  /** Rank from interest.csv (the folder's, or this file) in place of preferences.csv. */
  readonly interest?: string | true;
  readonly force?: boolean;
};

/** `civil_society,irm,academia`: sectors in admission order, each at most once. */
export function tierList(text: string): readonly Sector[] {
  const items = text.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const bad = items.find((s) => !(SECTORS as readonly string[]).includes(s));
  if (bad !== undefined) throw new InvalidArgumentError(`expected sectors from ${SECTORS.join(', ')}, got "${bad}".`);
  if (new Set(items).size !== items.length) throw new InvalidArgumentError(`a sector is named twice in "${text}".`);
  if (items.length === 0) throw new InvalidArgumentError('expected at least one sector.');
  return items as Sector[];
}

function seedText(text: string): string {
  if (text.trim() === '') throw new InvalidArgumentError('expected a seed (any text, such as 2014).');
  return text.trim();
}

export function registerAllocate(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('allocate')
    .description('admit Civil Society Day participants, seat them in unconference sessions and workshops, and list the Focal Point roster')
    .argument('<dir>', 'event folder (registrations.csv, unconference.csv, preferences.csv, themes.csv)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--force', FORCE_HELP)
    .option('--seed <s>', 'lottery seed: the same seed and inputs give the same draw', seedText, DEFAULT_SEED)
    .option('--places <n>', 'Civil Society Day places, facilitators and note-takers included', wholeNumber(0, 1_000_000), 150)
    .option('--tiers <list>', 'sectors in admission order (unnamed sectors share one last tier)', tierList, DEFAULT_TIERS)
    .option('--mechanism <m>', 'da (deferred acceptance) or rank-maximal', oneOf<Mechanism>(MECHANISMS), 'da')
    .option('--schedule <schedule.csv>', 'the schedule giving workshop times and rooms (without it, workshops are not allocated)')
    .option('--unconference <file>', "the sessions: an unconference.csv such as convene agenda's (default: the folder's)")
    .option('--interest [file]', "rank each person's sessions per block by the dots of interest.csv (the folder's, or this file), in place of preferences.csv")
    .action(async (dir: string, flags: AllocateFlags) => run((c) => allocateCommand(dir, flags, c)));
}

/** Every file allocate writes, as text, by relative path, and the report they include. */
export async function runAllocation(dir: string, flags: AllocateFlags): Promise<{ readonly files: Readonly<Record<string, string>>; readonly report: AllocationReport }> {
  const input = await readAllocationInput(dir, flags.schedule ?? null, {
    ...(flags.unconference === undefined ? {} : { unconference: flags.unconference }),
    ...(flags.interest === undefined ? {} : { interest: flags.interest, tieKey: markTieKey(flags.seed) }),
  });
  const allocation = allocate(input, {
    places: flags.places,
    tiers: flags.tiers,
    mechanism: flags.mechanism,
    lotteryKey: lotteryKey(flags.seed),
  });
  const meta: ReportMeta = {
    version: CONVENE_VERSION,
    seed: flags.seed,
    inputsSha256: inputsSha256(input),
    mechanism: flags.mechanism,
    places: flags.places,
    tiers: flags.tiers,
    schedule: flags.schedule === undefined ? null : path.basename(flags.schedule),
  };
  const outputs = allocationOutputs(allocation, input.registrants, meta);
  const files: Record<string, string> = { ...outputs.texts };
  for (const [name, table] of Object.entries(outputs.tables)) files[name] = tableToCsv(table);
  return { files, report: outputs.report };
}

export async function allocateFiles(dir: string, flags: AllocateFlags): Promise<Readonly<Record<string, string>>> {
  return (await runAllocation(dir, flags)).files;
}

export async function allocateCommand(dir: string, flags: AllocateFlags, c: Console): Promise<Ending> {
  const { files, report } = await runAllocation(dir, flags);
  const written = await writeOutputs(flags.out, files, { command: 'allocate', force: Boolean(flags.force), protect: [dir] });
  if (flags.schedule === undefined) c.warn('No --schedule given: workshop preferences were not allocated.');
  const lacking = report.unconference.groups.flatMap((g) => g.sessions.filter((s) => s.missingRoles.length > 0).map((s) => `${s.id} (${s.missingRoles.join(', ')})`));
  if (lacking.length > 0) c.warn(`No volunteer for ${lacking.length} session${lacking.length === 1 ? '' : 's'}: ${lacking.join('; ')}.`);
  c.out(
    `Admitted ${report.admission.admitted}, waitlisted ${report.admission.waitlisted}; ` +
      `${(report.unconference.firstChoiceShare * 100).toFixed(1)} % got their first unconference choice; ` +
      `Focal Point: ${report.focalPoint.invited} invited, ${report.focalPoint.refused} refused; ` +
      `${report.unassigned} unassigned entries with reasons. Wrote ${path.join(flags.out, 'admissions.csv')} and ${written.length - 1} more files.`,
  );
  return 'done';
}
