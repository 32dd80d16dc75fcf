import { InvalidArgumentError, type Command } from 'commander';
import path from 'node:path';
import type { Event, Schedule } from '../domain/types.js';
import { coverageWarnings } from '../check/coverage.js';
import type { ScheduleReport } from '../domain/report.js';
import { readEvent } from '../io/event.js';
import type { Lang } from '../render/publish/index.js';
import { DEFAULT_TIME_ZONE, mayPublish, publishChecked, timeZone } from './publish.js';
import { parseWeightFlag, readWeights, WEIGHT_FLAG_FORM, type WeightOverrides } from '../io/weights.js';
import { DEFAULT_WEIGHTS, GOAL_NAMES, withWeights } from '../model/goals/registry.js';
import { readBaseline, readScheduleFile } from '../io/schedule.js';
import { buildContext } from '../model/context.js';
import { changesAgainst, changesSummary } from '../pipeline/changes.js';
import { lockItems } from '../pipeline/locks.js';
import { checkOutputFolder, tableToCsv, writeOutputs } from '../io/write.js';
import { planSchedule, type ScheduleOutcome } from '../pipeline/schedule.js';
import type { ModelChoice } from '../pipeline/strategy.js';
import {
  byRoomTable,
  bySpeakerTable,
  reportJson,
  reportMarkdown,
  scheduleMarkdown,
  scheduleTable,
} from '../render/index.js';
import { prepareSolver, type BackendChoice } from '../solve/index.js';
import type { Console } from './console.js';
import { type Ending } from './exit.js';
import { FORCE_HELP, gapOption, oneOf, ruleOptionsOf, seconds, speakerGapOption } from './options.js';
import { formatProgress, printFindings } from './report.js';
import { costPhrase } from '../render/report-parts.js';
import { compareText } from '../domain/compare.js';

export type ScheduleFlags = {
  readonly out: string;
  readonly gap: number;
  readonly speakerGap?: number;
  readonly timeLimit: number;
  readonly solver: BackendChoice;
  readonly model?: ModelChoice;
  readonly allowPartial?: boolean;
  readonly baseline?: string;
  readonly lock?: string;
  readonly weight?: readonly WeightOverrides[];
  /** Also publish the program (as `convene publish`) into this folder. */
  readonly publish?: string | boolean;
  readonly tz?: string;
  readonly lang?: Lang;
  readonly force?: boolean;
  readonly seed?: string;
};

export function registerSchedule(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('schedule')
    .description('place every item in a room and a start time, check the result, and write the program')
    .argument('<dir>', 'event folder (calendar.csv, rooms.csv, themes.csv, speakers.csv, availability.csv)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--force', FORCE_HELP)
    .addOption(gapOption())
    .addOption(speakerGapOption())
    .option('--time-limit <s>', 'stop the solver after this many seconds and keep its best schedule', seconds, 60)
    .option('--solver <name>', 'auto, highs or jslp', oneOf<BackendChoice>(['auto', 'highs', 'jslp']), 'auto')
    .option(
      '--model <name>',
      'auto, whole (every item, room and start at once) or two-stage (times first, then rooms); auto picks by size',
      oneOf<ModelChoice>(['auto', 'whole', 'two-stage']),
      'auto',
    )
    .option('--baseline <schedule.csv>', 'a previous schedule: move as few items as possible from it (time moves cost more than room moves); writes changes.csv')
    .option('--lock <schedule.csv>', 'a schedule whose rows with locked=yes keep their date, start and room')
    .option(
      '--weight <term=value>',
      `set a soft goal's weight (repeatable; overrides weights.csv): ${GOAL_NAMES.join(', ')}`,
      (text: string, previous: readonly WeightOverrides[] = []) => {
        const w = parseWeightFlag(text);
        if (!w) throw new InvalidArgumentError(`expected ${WEIGHT_FLAG_FORM} with a term among ${GOAL_NAMES.join(', ')}, got "${text}".`);
        return [...previous, w];
      },
    )
    .option('--publish [site]', 'also publish the program as `convene publish` does, into <out>/site or the folder given')
    .option('--tz <zone>', 'with --publish: the IANA time zone of the calendar', DEFAULT_TIME_ZONE)
    .option('--lang <lang>', 'with --publish: es or en', oneOf<Lang>(['es', 'en']), 'es')
    .option('--seed <s>', "seeds the improvement search's draws (any text); the same seed and inputs give the same schedule when no limit stops it", 'convene')
    .option('--allow-partial', 'when not every item fits, write the best schedule of those that do, plus unscheduled.csv (exit 1)')
    .action(async (dir: string, flags: ScheduleFlags) => run((c) => scheduleCommand(dir, flags, c)));
}

export async function scheduleCommand(dir: string, given: ScheduleFlags, c: Console): Promise<Ending> {
  const flags = { ...given, dir };
  // A bad --tz is a usage error before any solving, not after.
  if (flags.publish) timeZone(flags.tz ?? DEFAULT_TIME_ZONE);
  prepareSolver(flags.solver);
  let event = await readEvent(dir);
  if (flags.lock) {
    const locks = await readScheduleFile(flags.lock, event);
    event = lockItems(event, locks.schedule, locks.locked);
  }
  const baseline = flags.baseline ? await readBaseline(flags.baseline, event) : undefined;
  const weights = withWeights(withWeights(DEFAULT_WEIGHTS, await readWeights(dir)), Object.assign({}, ...(flags.weight ?? [])));
  // An output folder that will be refused is said before the solve, not after it.
  const outputs = { force: Boolean(flags.force), protect: [dir] };
  await checkOutputFolder(flags.out, (p) => SCHEDULE_OUTPUTS.includes(p), { command: 'schedule', ...outputs });
  if (flags.publish) await checkOutputFolder(siteOf(flags), mayPublish, { command: 'publish', ...outputs });
  // Ctrl-C stops the search and keeps the best schedule so far; a second one ends convene at once.
  const stop = new AbortController();
  const interrupt = () => {
    // Once stopping, a second Ctrl-C gets Node's own handling: convene ends at once.
    process.off('SIGINT', interrupt);
    c.clearStatus();
    c.warn('Stopping: the best schedule found so far will be checked and written (Ctrl-C again to quit at once).');
    stop.abort();
  };
  process.on('SIGINT', interrupt);
  const outcome = await planSchedule(event, {
    signal: stop.signal,
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    weights,
    ...(baseline ? { baseline } : {}),
    gap: flags.gap,
    speakerGap: flags.speakerGap ?? 0,
    timeLimitSeconds: flags.timeLimit,
    backend: flags.solver,
    model: flags.model ?? 'auto',
    allowPartial: Boolean(flags.allowPartial),
    now: () => performance.now(),
    onProgress: (p) => c.status(formatProgress(p)),
  }).finally(() => process.off('SIGINT', interrupt));
  c.clearStatus();
  return finish(event, outcome, flags, c, baseline);
}

async function finish(
  event: Event,
  outcome: ScheduleOutcome,
  flags: ScheduleFlags & { readonly dir?: string },
  c: Console,
  baseline?: Schedule,
): Promise<Ending> {
  switch (outcome.kind) {
    case 'impossible':
      c.error(`No valid schedule exists (proven by ${outcome.by}):`);
      printFindings(outcome.findings, c);
      return 'no-schedule';
    case 'stopped':
      c.error(`Stopped by the user after ${outcome.seconds.toFixed(1)} s, before any valid schedule was found; nothing was written.`);
      return 'no-schedule';
    case 'timedout':
      c.error(
        `No valid schedule found within the ${flags.timeLimit}-second time limit (stopped after ${outcome.seconds.toFixed(1)} s). ` +
          'Try a longer --time-limit.',
      );
      return 'no-schedule';
    case 'failed':
      c.error(`No schedule written: ${outcome.message}.`);
      for (const v of outcome.violations.slice(0, 20)) c.error(`  ${v.rule}: ${v.message}`);
      return 'no-schedule';
    case 'scheduled':
    case 'partial': {
      const files: Record<string, string> = { ...scheduleFiles(event, outcome.schedule, outcome.report) };
      if (outcome.kind === 'partial') files['unscheduled.csv'] = unscheduledCsv(event, outcome.report);
      let changed = '';
      if (baseline) {
        const ctx = buildContext(event, ruleOptionsOf(flags));
        const changes = changesAgainst(ctx, baseline, outcome.schedule, new Set(outcome.report.unscheduled.map((u) => u.item)));
        files['changes.csv'] = tableToCsv({
          header: ['id', 'title', 'from', 'to', 'why'],
          rows: changes.map((x) => [x.item, x.title, x.from, x.to, x.why]),
        });
        changed = changesSummary(changes, baseline, outcome.schedule);
      }
      const written = await writeOutputs(flags.out, files, { command: 'schedule', force: Boolean(flags.force), protect: flags.dir === undefined ? [] : [flags.dir] });
      c.out(summaryLine(outcome.report, outcome.schedule.length, event.items.length, flags.out, written.length));
      if (changed) c.out(`Against the baseline: ${changed} (see ${path.join(flags.out, 'changes.csv')}).`);
      const coverage = outcome.report.coverage;
      for (const w of coverage ? coverageWarnings(coverage) : []) c.warn(`warning: ${w}`);
      if (outcome.kind === 'scheduled' && flags.publish) {
        return publishChecked(flags.dir ?? '', event, outcome.schedule, {
          out: siteOf(flags),
          tz: flags.tz ?? DEFAULT_TIME_ZONE,
          lang: flags.lang ?? 'es',
          gap: flags.gap,
          speakerGap: flags.speakerGap ?? 0,
          force: Boolean(flags.force),
        }, c);
      }
      if (outcome.kind === 'scheduled') return 'done';
      c.error(`Partial schedule: ${outcome.report.unscheduled.length} item(s) could not be placed (see ${path.join(flags.out, 'unscheduled.csv')}):`);
      for (const u of outcome.report.unscheduled) c.error(`  - ${u.reason}`);
      return 'partial';
    }
  }
}

/** Every file `schedule` may write (scheduleFiles, and the two that depend on the run). */
const SCHEDULE_OUTPUTS: readonly string[] = ['schedule.csv', 'schedule.md', 'by-speaker.csv', 'by-room.csv', 'report.md', 'report.json', 'unscheduled.csv', 'changes.csv'];

/** Where --publish writes the site. */
function siteOf(flags: ScheduleFlags): string {
  return typeof flags.publish === 'string' ? flags.publish : path.join(flags.out, 'site');
}

/** Every file `schedule` writes, by name. */
export function scheduleFiles(event: Event, schedule: Schedule, report: ScheduleReport): Readonly<Record<string, string>> {
  return {
    'schedule.csv': tableToCsv(scheduleTable(event, schedule)),
    'schedule.md': scheduleMarkdown(event, schedule),
    'by-speaker.csv': tableToCsv(bySpeakerTable(event, schedule)),
    'by-room.csv': tableToCsv(byRoomTable(event, schedule)),
    'report.md': reportMarkdown(event, schedule, report),
    'report.json': reportJson(event, schedule, report),
  };
}

function unscheduledCsv(event: Event, report: ScheduleReport): string {
  const title = new Map(event.items.map((i) => [i.id, i.title]));
  return tableToCsv({
    header: ['id', 'title', 'reason'],
    rows: [...report.unscheduled].sort((a, b) => compareText(a.item, b.item)).map((u) => [u.item, title.get(u.item) ?? '', u.reason]),
  });
}

function summaryLine(report: ScheduleReport, placed: number, total: number, out: string, files: number): string {
  const status = report.unscheduled.length > 0
    ? `${report.unscheduled.length} left out (the fewest that must give)`
    : report.status === 'optimal' ? 'proven optimal' : `valid, gap ${report.gap === null ? 'unknown' : `${(report.gap * 100).toFixed(1)} %`}${report.stoppedByUser ? ', stopped by the user' : ''}`;
  const secs = (report.timing.buildSeconds + report.timing.solveSeconds).toFixed(1);
  return `Scheduled ${placed} of ${total} items: ${status}, ${costPhrase(report.terms)}, ${secs} s. Wrote ${path.join(out, 'schedule.csv')} and ${files - 1} more files.`;
}
