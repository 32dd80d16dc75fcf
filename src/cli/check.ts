import type { Command } from 'commander';
import { checkSchedule } from '../check/check.js';
import { readEvent } from '../io/event.js';
import { readSchedule } from '../io/schedule.js';
import { buildContext, type RuleOptions } from '../model/context.js';
import { readWeights } from '../io/weights.js';
import { scoreTerms, objectiveOf } from '../model/goals/objective.js';
import { DEFAULT_WEIGHTS, withWeights } from '../model/goals/registry.js';
import { costPhrase } from '../render/report-parts.js';
import type { Console } from './console.js';
import { type Ending } from './exit.js';
import { gapOption, ruleOptionsOf, speakerGapOption } from './options.js';

export function registerCheck(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('check')
    .description('check a schedule against every hard rule and list each violation')
    .argument('<dir>', 'event folder')
    .argument('<schedule>', 'schedule CSV (as written by convene schedule)')
    .addOption(gapOption())
    .addOption(speakerGapOption())
    .action(async (dir: string, file: string, flags: { gap: number; speakerGap: number }) => run((c) => checkCommand(dir, file, ruleOptionsOf(flags), c)));
}

export async function checkCommand(dir: string, file: string, rules: RuleOptions, c: Console): Promise<Ending> {
  const event = await readEvent(dir);
  const schedule = await readSchedule(file, event);
  const ctx = buildContext(event, rules);
  const violations = checkSchedule(ctx, schedule);
  for (const v of violations) c.out(`${v.rule}: ${v.message}`);
  if (violations.length > 0) {
    c.error(`${violations.length} violation${violations.length === 1 ? '' : 's'} of the hard rules in ${file}.`);
    return 'rules-broken';
  }
  // Scored as schedule scores it: the default weights, then weights.csv.
  const terms = scoreTerms(ctx, objectiveOf(ctx, withWeights(DEFAULT_WEIGHTS, await readWeights(dir))), schedule);
  c.out(`${file}: all hard rules hold for ${schedule.length} items; ${costPhrase(terms)}.`);
  return 'done';
}
