import type { Command } from 'commander';
import { FORMATS } from '../domain/types.js';
import { coverageWarnings, lightningCoverage } from '../check/coverage.js';
import { directFindings } from '../check/diagnose.js';
import { readEvent } from '../io/event.js';
import { buildContext } from '../model/context.js';
import type { Console } from './console.js';
import { type Ending } from './exit.js';
import { printFindings } from './report.js';

export function registerValidate(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('validate')
    .description('read and check every file of an event folder, reporting all problems at once')
    .argument('<dir>', 'event folder')
    .action(async (dir: string) => run((c) => validateCommand(dir, c)));
}

export async function validateCommand(dir: string, c: Console): Promise<Ending> {
  // Malformed input throws an InputError listing every problem (exit 2).
  const event = await readEvent(dir);
  const counts = FORMATS.map((f) => `${event.items.filter((i) => i.format === f).length} ${f}`).join(', ');
  const dates = new Set(event.calendar.map((w) => w.date)).size;
  c.out(
    `${dir}: ${event.items.length} items (${counts}), ${event.speakers.length} speakers, ${event.rooms.length} rooms, ` +
      `${dates} day${dates === 1 ? '' : 's'}, ${event.availability.length} availability rows.`,
  );
  const coverage = lightningCoverage(event);
  for (const w of coverage ? coverageWarnings(coverage) : []) c.warn(`warning: ${w}`);
  const findings = directFindings(buildContext(event));
  if (findings.length > 0) {
    c.error('The files are well formed, but no valid schedule can exist:');
    printFindings(findings, c);
    return 'no-schedule';
  }
  c.out('No problems found.');
  return 'done';
}
