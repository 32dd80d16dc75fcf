import type { Command } from 'commander';
import path from 'node:path';
import { checkSchedule } from '../check/check.js';
import type { Event, Schedule } from '../domain/types.js';
import { readEvent } from '../io/event.js';
import { readSchedule } from '../io/schedule.js';
import { writeOutputs } from '../io/write.js';
import { buildContext } from '../model/context.js';
import { isTimeZone, LANGS, publishFiles, sessionFiles, type Lang } from '../render/publish/index.js';
import { readRosters } from '../io/rosters.js';
import { agendaSessionsFile, readAgendaSessions } from '../io/agenda/sessions.js';
import type { Console } from './console.js';
import { type Ending, UsageError } from './exit.js';
import { FORCE_HELP, gapOption, oneOf, ruleOptionsOf, speakerGapOption } from './options.js';

export type PublishFlags = {
  readonly out: string;
  readonly tz: string;
  readonly lang: Lang;
  readonly gap: number;
  readonly speakerGap?: number;
  /** Defaults to the event folder's name. */
  readonly title?: string;
  readonly baseUrl?: string;
  /** The output folder of `convene allocate` (its rosters.csv); adds the session pages. */
  readonly rosters?: string;
  /** The output folder of `convene agenda` (its unconference.csv); adds the session pages without waiting for the seats. */
  readonly agenda?: string;
  /** Replace an output folder holding files convene did not write. */
  readonly force?: boolean;
};

export const DEFAULT_TIME_ZONE = 'America/Costa_Rica';

export function registerPublish(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('publish')
    .description('publish a checked schedule: iCal files, an HTML agenda, frab JSON, speaker and room sheets')
    .argument('<dir>', 'event folder')
    .argument('<schedule>', 'schedule CSV (as written by convene schedule)')
    .option('-o, --out <dir>', 'site folder (created if missing)', 'site')
    .option('--force', FORCE_HELP)
    .option('--tz <zone>', 'IANA time zone of the event', DEFAULT_TIME_ZONE)
    .option('--lang <lang>', 'language of the labels: es or en', oneOf<Lang>(LANGS), 'es')
    .option('--title <text>', "the conference's name (default: the event folder's name)")
    .option('--base-url <url>', 'absolute URL the site will be served from (for schedule.json)')
    .option('--rosters <dir>', 'output folder of convene allocate: adds sessions/<id>.md note pages for the unconference')
    .option('--agenda <dir>', 'output folder of convene agenda: the note pages come from its unconference.csv (with --rosters too, the rosters add the attendees)')
    .addOption(gapOption('hallway minutes the schedule was built with (it is checked before publishing)'))
    .addOption(speakerGapOption())
    .action(async (dir: string, file: string, flags: PublishFlags) => run((c) => publishCommand(dir, file, flags, c)));
}

/**
 * Reads the event and the schedule, refuses a schedule that breaks a hard
 * rule (render assumes a checked schedule), and writes the site.
 * `now` gives the iCal DTSTAMP unless SOURCE_DATE_EPOCH is passed in `env`.
 */
export async function publishCommand(
  dir: string,
  file: string,
  flags: PublishFlags,
  c: Console,
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: () => number = Date.now,
): Promise<Ending> {
  timeZone(flags.tz); // a usage error before anything is read
  const event = await readEvent(dir);
  const schedule = await readSchedule(file, event);
  const violations = checkSchedule(buildContext(event, ruleOptionsOf(flags)), schedule);
  if (violations.length > 0) {
    for (const v of violations.slice(0, 20)) c.error(`${v.rule}: ${v.message}`);
    c.error(`${file} breaks ${violations.length} hard rule${violations.length === 1 ? '' : 's'}; nothing was published (see convene check).`);
    return 'rules-broken';
  }
  return publishChecked(dir, event, schedule, flags, c, env, now);
}

/**
 * Writes the site of a schedule already checked against `event` (as
 * `schedule --publish` has it in hand: nothing is read again but rosters).
 */
export async function publishChecked(
  dir: string,
  event: Event,
  schedule: Schedule,
  flags: PublishFlags,
  c: Console,
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: () => number = Date.now,
): Promise<Ending> {
  const zone = timeZone(flags.tz);
  const baseUrl = flags.baseUrl === undefined ? null : absoluteUrl(flags.baseUrl);
  const sessions =
    flags.rosters !== undefined
      ? await readRosters(dir, flags.rosters, event, flags.agenda === undefined ? undefined : agendaSessionsFile(flags.agenda))
      : flags.agenda !== undefined
        ? await readAgendaSessions(dir, flags.agenda)
        : null;
  const title = flags.title?.trim() || path.basename(path.resolve(dir));
  const files = {
    ...publishFiles(event, schedule, {
      title,
      acronym: acronymOf(title),
      zone,
      lang: flags.lang,
      stamp: stampOf(env, now),
      baseUrl,
    }),
    ...(sessions === null ? {} : sessionFiles(sessions, title, flags.lang)),
  };
  const written = await writeOutputs(flags.out, files, { command: 'publish', force: Boolean(flags.force), protect: [dir] });
  c.out(`Published ${schedule.length} items to ${path.join(flags.out, 'index.html')} and ${written.length - 1} more files.`);
  return 'done';
}

/** Whether publish may write this path of its site (a file, or a folder ending in /). */
export function mayPublish(p: string): boolean {
  return ['index.html', 'schedule.json', 'program.ics'].includes(p) || /^(ics|speakers|rooms|sessions)\//.test(p);
}

/** The --tz value, or a usage error when it is no IANA time zone. */
export function timeZone(tz: string): string {
  if (!isTimeZone(tz)) throw new UsageError(`--tz: unknown time zone "${tz}" (expected an IANA name such as America/Costa_Rica)`);
  return tz;
}

/** "OGP Americas 2014" -> "ogp-americas-2014": lower-case, ASCII, hyphens. */
export function acronymOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'convene';
}

/** SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, else now. */
function stampOf(env: Readonly<Record<string, string | undefined>>, now: () => number): number {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    // At most 9999-12-31: a calendar cannot write a later date.
    if (!/^\d+$/.test(epoch) || Number(epoch) > 253_402_300_799) {
      throw new UsageError(`SOURCE_DATE_EPOCH: expected whole seconds since 1970 (up to 253402300799, the end of 9999), got "${epoch}"`);
    }
    return Number(epoch) * 1000;
  }
  return now();
}

function absoluteUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url: expected an absolute URL such as https://example.org/program/, got "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--base-url: expected an http or https URL, got "${text}"`);
  // A base without a trailing slash would drop its last segment when index.html is resolved against it.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
