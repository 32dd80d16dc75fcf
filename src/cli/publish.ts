import type { Command } from 'commander';
import path from 'node:path';
import { z } from 'zod';
import { checkSchedule } from '../check/check.js';
import { InputError } from '../domain/issues.js';
import type { Event, Schedule } from '../domain/types.js';
import { UNCONFERENCE_FILE, readUnconference } from '../io/allocation/unconference.js';
import { choiceCell, idCell, textCell } from '../io/cells.js';
import { readEvent } from '../io/event.js';
import { openFolder, readText } from '../io/files.js';
import { hasNoRows, nothingToReferTo, readSheet } from '../io/rows/sheet.js';
import { readSchedule } from '../io/schedule.js';
import { writeOutputs } from '../io/write.js';
import { buildContext, DEFAULT_RULE_OPTIONS } from '../model/context.js';
import {
  isTimeZone,
  joinRosters,
  LANGS,
  publishFiles,
  ROSTER_ROLES,
  sessionFiles,
  type Lang,
  type RosterRow,
  type SessionRoster,
} from '../render/publish/index.js';
import type { Console } from './console.js';
import { EXIT, UsageError, type ExitCode } from './exit.js';
import { FORCE_HELP, oneOf, wholeNumber } from './options.js';

export type PublishFlags = {
  readonly out: string;
  readonly tz: string;
  readonly lang: Lang;
  readonly gap: number;
  /** Defaults to the event folder's name. */
  readonly title?: string;
  readonly baseUrl?: string;
  /** The output folder of `convene allocate` (its rosters.csv); adds the session pages. */
  readonly rosters?: string;
  /** Replace an output folder holding files convene did not write. */
  readonly force?: boolean;
};

export const DEFAULT_TIME_ZONE = 'America/Costa_Rica';

export function registerPublish(program: Command, run: (action: (c: Console) => Promise<ExitCode>) => Promise<void>): void {
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
    .option('--gap <min>', 'hallway minutes the schedule was built with (it is checked before publishing)', wholeNumber(0, 240), 10)
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
): Promise<ExitCode> {
  timeZone(flags.tz); // a usage error before anything is read
  const event = await readEvent(dir);
  const schedule = await readSchedule(file, event);
  const violations = checkSchedule(buildContext(event, { ...DEFAULT_RULE_OPTIONS, gap: flags.gap }), schedule);
  if (violations.length > 0) {
    for (const v of violations.slice(0, 20)) c.error(`${v.rule}: ${v.message}`);
    c.error(`${file} breaks ${violations.length} hard rule${violations.length === 1 ? '' : 's'}; nothing was published (see convene check).`);
    return EXIT.noSchedule;
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
): Promise<ExitCode> {
  const zone = timeZone(flags.tz);
  const baseUrl = flags.baseUrl === undefined ? null : absoluteUrl(flags.baseUrl);
  const sessions = flags.rosters === undefined ? null : await readRosters(dir, flags.rosters, event);
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
  await writeOutputs(flags.out, files, { command: 'publish', force: Boolean(flags.force), protect: [dir] });
  c.out(`Published ${schedule.length} items to ${path.join(flags.out, 'index.html')} and ${Object.keys(files).length - 1} more files.`);
  return EXIT.ok;
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

/** Undoes the `'` that write.ts puts before a cell a spreadsheet would take for a formula. */
const unescaped = z.string().transform((t) => (/^'[=+\-@\t\r]/.test(t) ? t.slice(1) : t));

/**
 * unconference.csv from the event folder and rosters.csv from `rostersDir`
 * (columns session, registrant, name, role; organization and the rest
 * optional) -> one SessionRoster per unconference session. A roster row naming
 * a session that is neither in unconference.csv nor an item of the event is an
 * input error, as is a missing file. Throws InputError with every issue.
 *
 * This reader belongs in src/io/allocation/ beside readUnconference; it is
 * here only until that module offers one.
 */
async function readRosters(dir: string, rostersDir: string, event: Event): Promise<readonly SessionRoster[]> {
  const folder = await openFolder(dir);
  const unconference = readUnconference(await folder.text(UNCONFERENCE_FILE));
  const known = new Set([...unconference.rows.map((s) => s.id), ...(unconference.ids?.keys() ?? []), ...event.items.map((i) => i.id)]);
  // Without sessions (no unconference.csv, or one without rows) that is said once, not on every roster row.
  const noSessions = !folder.has(UNCONFERENCE_FILE) || hasNoRows(unconference) || unconference.table === null;
  const naming: number[] = [];
  const file = path.join(rostersDir, 'rosters.csv');
  const rosters = readSheet(
    {
      file,
      columns: ['session', 'registrant', 'name', 'role'],
      optionalColumns: ['organization'],
      required: true,
      schema: z.object({
        session: unescaped.pipe(idCell),
        registrant: unescaped.pipe(idCell),
        name: unescaped.pipe(textCell),
        organization: unescaped.pipe(textCell),
        role: choiceCell(ROSTER_ROLES),
      }),
      check: (v, report, line) => {
        if (v.session === undefined || known.has(v.session)) return;
        if (noSessions) naming.push(line);
        else report('session', `unknown session ${JSON.stringify(v.session)} (not in ${UNCONFERENCE_FILE}, nor an item in themes.csv)`);
      },
      build: (v): RosterRow => v,
      order: (a, b) => (a.session < b.session ? -1 : a.session > b.session ? 1 : 0),
    },
    await readText(file, file),
  );
  const missing =
    !folder.has(UNCONFERENCE_FILE)
      ? [{ file: UNCONFERENCE_FILE, line: 0, column: 0, columnName: '', message: 'missing file (--rosters needs the sessions it lists)' }]
      : hasNoRows(unconference) && naming.length > 0
        ? [nothingToReferTo(unconference, 'sessions', file, naming)]
        : [];
  const issues = [...missing, ...unconference.issues, ...rosters.issues];
  if (issues.length > 0) throw new InputError(issues);
  return joinRosters(unconference.rows, rosters.rows);
}
