import type { Command } from 'commander';
import { FORMATS } from '../domain/types.js';
import { InputError } from '../domain/issues.js';
import { coverageWarnings, lightningCoverage } from '../check/coverage.js';
import { directFindings } from '../check/diagnose.js';
import { checkFolder } from '../io/check-folder.js';
import { openFolder } from '../io/files.js';
import { buildContext } from '../model/context.js';
import type { Console } from './console.js';
import { type Ending } from './exit.js';
import { printFindings } from './report.js';

export function registerValidate(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('validate')
    .description('read and check every file of an event folder that any command reads, reporting all problems at once')
    .argument('<dir>', 'event folder')
    .action(async (dir: string) => run((c) => validateCommand(dir, c)));
}

export async function validateCommand(dir: string, c: Console): Promise<Ending> {
  // Malformed input throws an InputError listing every problem of every file (exit 2).
  const checked = await checkFolder(await openFolder(dir));
  if (checked.issues.length > 0) throw new InputError(checked.issues);
  const { event, weights, allocation, teams } = checked;
  if (event) {
    const counts = FORMATS.map((f) => `${event.items.filter((i) => i.format === f).length} ${f}`).join(', ');
    const dates = new Set(event.calendar.map((w) => w.date)).size;
    c.out(
      `${dir}: ${event.items.length} items (${counts}), ${event.speakers.length} speakers, ${event.rooms.length} rooms, ` +
        `${dates} day${dates === 1 ? '' : 's'}, ${event.availability.length} availability rows.`,
    );
  }
  if (weights) c.out(`weights.csv: ${Object.keys(weights).length} soft goal weight${Object.keys(weights).length === 1 ? '' : 's'} set.`);
  if (allocation) {
    c.out(`Allocation: ${allocation.registrants.length} registrants, ${allocation.sessions.length} unconference sessions, ${allocation.preferences.length} preferences.`);
  }
  if (teams) c.out(`Datacamp: ${teams.people.length} registrants, ${teams.projects.length} project${teams.projects.length === 1 ? '' : 's'}.`);
  if (event) {
    const coverage = lightningCoverage(event);
    for (const w of coverage ? coverageWarnings(coverage) : []) c.warn(`warning: ${w}`);
    const findings = directFindings(buildContext(event));
    if (findings.length > 0) {
      c.error('The files are well formed, but no valid schedule can exist:');
      printFindings(findings, c);
      return 'no-schedule';
    }
  }
  c.out('No problems found.');
  return 'done';
}
