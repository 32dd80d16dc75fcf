import { COVERAGE_SECTORS, type ScheduleReport, type ThemeClash } from '../domain/report.js';
import { formatSpan } from '../domain/time.js';
import { compareText } from '../domain/compare.js';
import type { Event, Format, Schedule } from '../domain/types.js';
import { countsByFormat, sortedClashes, sortedTerms, titleOf } from './report-parts.js';
import { formatList, formatNumber, inlineText, plural, tableRow } from './text.js';

/** How each format is named to the committee, and where it runs. */
const TRACKS: Readonly<Record<Format, { readonly name: string; readonly rooms: string }>> = {
  plenary: { name: 'Plenary sessions', rooms: 'main hall' },
  lightning: { name: 'Lightning talks', rooms: 'lobby' },
  workshop: { name: 'Workshops', rooms: 'classrooms' },
};

/**
 * report.md: the report for the Academic Committee. Plain sentences first,
 * numbers after, and every clash spelled out with ids, titles and times so it
 * can be discussed without opening any other file.
 */
export function reportMarkdown(event: Event, schedule: Schedule, report: ScheduleReport): string {
  const lines = [
    '# Schedule report',
    '',
    ...statusSection(report),
    ...unscheduledSection(event, report),
    ...costSection(report),
    ...tracksSection(event, schedule, report),
    ...coverageSection(report),
    ...clashSection(event, report),
    ...occurrenceSection(report),
    ...solverSection(report),
  ];
  return `${lines.join('\n')}\n`;
}

/** "3.2 %": one decimal is as much precision as a reader can use. */
export function formatGap(gap: number): string {
  return `${(gap * 100).toFixed(1)} %`;
}

function statusSection(report: ScheduleReport): readonly string[] {
  if (report.status === 'optimal') {
    return ['**Proven optimal.**', '', 'The schedule keeps every rule, and no other schedule has a lower total cost.', ''];
  }
  const who = report.stoppedByUser ? 'the search was stopped by the user' : 'the solver stopped';
  const head =
    report.gap === null
      ? `**Valid schedule; ${who} before proving it the best (no bound is known).**`
      : `**Valid schedule; ${who} before proving it the best: gap ${formatGap(report.gap)}**`;
  const bound =
    report.bound === null
      ? 'It did not report how much better a schedule could be.'
      : `No schedule can cost less than ${formatNumber(report.bound)}, so at most ` +
        `${formatNumber(Math.max(0, report.objective - report.bound))} of the cost could still be saved.`;
  const why = report.stoppedByUser ? 'the search was stopped (Ctrl-C)' : 'the solver ran out of time';
  return [head, '', `The schedule keeps every rule, but ${why} before proving that none is better. ${bound}${perTerm(report)}`, ''];
}

/**
 * When the bound is the sum of the terms' own bounds (nothing the solver
 * proved beyond them), what that means for the gap: each term's least cost
 * is worked out for it alone, and terms that pull against each other make
 * the best schedule cost more than their sum.
 */
function perTerm(report: ScheduleReport): string {
  const terms = report.terms.filter((t) => t.cost > 0);
  const sum = report.terms.reduce((n, t) => n + t.bound, 0);
  // (The run's bound is that sum rounded up to whole units when every cost is whole.)
  if (report.bound === null || terms.length < 2 || report.bound > Math.ceil(sum - 1e-9) + 1e-6) return '';
  return (
    ' That bound adds up what each term costs at least on its own ("At least" below). Terms can pull against each ' +
    "other (a country's lightning talks kept together can put them beside plenaries of their themes), so the best " +
    'schedule may cost more than that sum: part of the gap may be beyond the reach of any schedule.'
  );
}

function occurrenceSection(report: ScheduleReport): readonly string[] {
  const terms = sortedTerms(report).filter((t) => (t.occurrences ?? []).length > 0);
  if (terms.length === 0) return [];
  return [
    '## Other soft goals not met',
    '',
    ...terms.flatMap((t) => [`### ${t.name} (weight ${formatNumber(t.weight)}, cost ${formatNumber(t.cost)})`, '', ...tallied(t.occurrences ?? []).map((o) => `- ${inlineText(o)}`), '']),
  ];
}

/**
 * Occurrences with the same words once each, in the order of their first,
 * saying how often they count: a theme in three rooms on a day is two
 * occurrences of track-rooms, a speaker on three days two of speaker-days.
 */
function tallied(occurrences: readonly string[]): readonly string[] {
  const counts = new Map<string, number>();
  for (const o of occurrences) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts].map(([o, n]) => (n === 1 ? o : `${o} (counted ${n === 2 ? 'twice' : `${n} times`})`));
}

function unscheduledSection(event: Event, report: ScheduleReport): readonly string[] {
  if (report.unscheduled.length === 0) return [];
  const title = titleOf(event);
  const rows = [...report.unscheduled]
    .sort((a, b) => compareText(a.item, b.item))
    .map((u) => `- ${u.item} "${inlineText(title(u.item))}": ${inlineText(u.reason)}`);
  return [
    '## Items not scheduled',
    '',
    `This is a partial schedule: ${plural(report.unscheduled.length, 'item')} could not be placed together with the rest ` +
      '(the fewest that must give). Everything below holds for the items that are placed.',
    '',
    ...rows,
    '',
  ];
}

function costSection(report: ScheduleReport): readonly string[] {
  const terms = sortedTerms(report);
  return [
    '## Cost of this schedule',
    '',
    `Total cost: **${formatNumber(report.objective)}** (lower is better).`,
    '',
    'The solver looks for the schedule with the lowest total cost. Each term below is something the ' +
      'committee would rather avoid; its weight is what one occurrence costs. "At least" is what every ' +
      'schedule costs of it, from what the items\' places force.',
    '',
    tableRow(['Term', 'Weight', 'Count', 'Cost', 'At least', 'What it counts']),
    tableRow(['---', '---:', '---:', '---:', '---:', '---']),
    ...terms.map((t) =>
      tableRow([inlineText(t.name), formatNumber(t.weight), formatNumber(t.count), formatNumber(t.cost), formatNumber(t.bound), inlineText(t.description)]),
    ),
    tableRow(['**Total**', '', '', `**${formatNumber(report.objective)}**`, formatNumber(terms.reduce((n, t) => n + t.bound, 0)), '']),
    '',
  ];
}

function tracksSection(event: Event, schedule: Schedule, report: ScheduleReport): readonly string[] {
  const counts = countsByFormat(report);
  const placed = new Set(schedule.map((a) => a.item)).size;
  const submitted = event.items.length;
  const missing = submitted - placed;
  return [
    '## Items per track',
    '',
    tableRow(['Track', 'Rooms', 'Items']),
    tableRow(['---', '---', '---:']),
    ...counts.map((c) => tableRow([TRACKS[c.format].name, TRACKS[c.format].rooms, formatNumber(c.items)])),
    tableRow(['**Total**', '', `**${formatNumber(counts.reduce((s, c) => s + c.items, 0))}**`]),
    '',
    missing > 0
      ? `${formatNumber(placed)} of ${plural(submitted, 'submitted item')} are in the schedule; ${formatNumber(missing)} are not.`
      : `All ${plural(submitted, 'submitted item')} are in the schedule.`,
    '',
  ];
}

/** Lightning talks by member country (members.csv): who of government, civil society and the IRM speaks, and who is missing. */
function coverageSection(report: ScheduleReport): readonly string[] {
  const c = report.coverage;
  if (c === null) return [];
  const cell = (ids: readonly string[]) => (ids.length === 0 ? '**missing**' : ids.join(', '));
  const missing = c.members.filter((m) => COVERAGE_SECTORS.some((s) => m.talks[s].length === 0)).length;
  return [
    '## Lightning talks by member country',
    '',
    missing === 0
      ? `Every one of the ${plural(c.members.length, 'member country')} has a lightning talk by its government, its civil society and the IRM.`
      : `${plural(missing, 'member country')} of ${formatNumber(c.members.length)} ${missing === 1 ? 'is' : 'are'} missing a voice (members.csv lists them):`,
    '',
    tableRow(['Country', 'Government', 'Civil society', 'IRM', 'Others']),
    tableRow(['---', '---', '---', '---', '---']),
    ...c.members.map((m) => tableRow([inlineText(m.name), cell(m.talks.government), cell(m.talks.civil_society), cell(m.talks.irm), m.other.join(', ')])),
    '',
    `Regional initiatives: ${c.regional.length === 0 ? 'none' : c.regional.join(', ')}.`,
    ...(c.others.length > 0 ? ['', `Talks of countries not in members.csv: ${c.others.map((o) => `${inlineText(o.country)} (${o.talks.join(', ')})`).join('; ')}.`] : []),
    '',
  ];
}

function clashSection(event: Event, report: ScheduleReport): readonly string[] {
  const clashes = sortedClashes(report);
  const intro =
    clashes.length === 0
      ? 'No two items on the same theme run at the same time.'
      : `Two items on the same theme at the same time make attendees choose one. ` +
        `${plural(clashes.length, 'such pair')} remain${clashes.length === 1 ? 's' : ''}:`;
  const title = titleOf(event);
  return ['## Theme clashes left', '', intro, ...(clashes.length > 0 ? ['', ...clashes.map((c) => clashLine(c, title))] : []), ''];
}

/** `- p03 "Open budgets" and w02 "Data for reporters" share fiscal-openness on 2014-11-19 11:00-12:00 (cost 40)` */
export function clashLine(c: ThemeClash, title: (id: string) => string): string {
  const name = (id: string) => (title(id) ? `${id} "${inlineText(title(id))}"` : id);
  const span = formatSpan(c.date, c.start, c.end);
  return `- ${name(c.a)} and ${name(c.b)} share ${formatList(c.themes)} on ${span} (cost ${formatNumber(c.cost)})`;
}

function solverSection(report: ScheduleReport): readonly string[] {
  const m = report.model;
  const ran = report.steps.filter((st) => st.ran);
  const skipped = report.steps.filter((st) => !st.ran);
  return [
    '## How it was computed',
    '',
    `- Solver: ${inlineText(report.solver)}.`,
    '- Steps, in order:',
    ...ran.map((st, k) => `  ${k + 1}. ${inlineText(st.step)} (${inlineText(st.why)}): ${inlineText(st.outcome)}.`),
    ...(skipped.length > 0 ? [`- Not needed: ${formatList(skipped.map((st) => inlineText(st.step)))} (report.json says why).`] : []),
    `- Model size (the ${inlineText(m.step)} step's model): ${plural(m.variables, 'variable')}, ${plural(m.rows, 'constraint')} and ` +
      `${plural(m.nonzeros, 'non-zero coefficient')}.`,
    `- Grid: every item starts on a multiple of ${plural(m.grid, 'minute')}.`,
    `- Time: ${seconds(report.timing.buildSeconds)} to build the model, ${seconds(report.timing.solveSeconds)} to solve it. ` +
      'These times vary between runs; nothing else in this report does.',
  ];
}

function seconds(s: number): string {
  return s < 0.1 ? 'under 0.1 s' : `${s.toFixed(1)} s`;
}
