import type { Command } from 'commander';
import { blockerWords, explainItem, optionWhere } from '../check/explain.js';
import { formatSpan } from '../domain/time.js';
import { readEvent } from '../io/event.js';
import { readSchedule } from '../io/schedule.js';
import { buildContext, itemLabel, type RuleOptions } from '../model/context.js';
import { coarsestGrid } from '../model/grid.js';
import type { Console } from './console.js';
import { type Ending, UsageError } from './exit.js';
import { gapOption, ruleOptionsOf, speakerGapOption } from './options.js';

export function registerExplain(program: Command, run: (action: (c: Console) => Promise<Ending>) => Promise<void>): void {
  program
    .command('explain')
    .description('where else could an item go, with everything else kept in place, and what blocks each alternative')
    .argument('<dir>', 'event folder')
    .argument('<schedule>', 'schedule CSV (as written by convene schedule)')
    .argument('<item>', 'item id')
    .addOption(gapOption())
    .addOption(speakerGapOption())
    .action(async (dir: string, file: string, id: string, flags: { gap: number; speakerGap: number }) =>
      run((c) => explainCommand(dir, file, id, ruleOptionsOf(flags), c)),
    );
}

export async function explainCommand(dir: string, file: string, id: string, rules: RuleOptions, c: Console): Promise<Ending> {
  const event = await readEvent(dir);
  const schedule = await readSchedule(file, event);
  const ctx = buildContext(event, rules);
  if (!ctx.items.has(id)) throw new UsageError(`no item "${id}" in ${dir}/themes.csv`);
  const { item, current, options } = explainItem(ctx, schedule, id, coarsestGrid(ctx));
  c.out(
    current
      ? `${itemLabel(item)} is in ${current.room} at ${formatSpan(current.date, current.start, current.end)}.`
      : `${itemLabel(item)} is not in ${file}.`,
  );
  const free = options.filter((o) => o.blockers.length === 0 && !(current && o.room === current.room && o.date === current.date && o.firstStart <= current.start && current.start <= o.lastStart && o.firstStart === o.lastStart));
  c.out('');
  c.out(free.length > 0 ? 'It could also go, with everything else where it is:' : 'It can go nowhere else with everything else where it is.');
  for (const o of free) c.out(`  ${optionWhere(o)}`);
  const blocked = options.filter((o) => o.blockers.length > 0);
  if (blocked.length > 0) {
    c.out('');
    c.out(ctx.options.gap > 0 ? `Blocked (main-hall sessions and workshops keep a ${ctx.options.gap}-minute hallway gap in their room):` : 'Blocked:');
    for (const o of blocked) c.out(`  ${optionWhere(o)}: ${o.blockers.map((b) => blockerWords(ctx, b)).join('; ')}`);
  }
  return 'done';
}
