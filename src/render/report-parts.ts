import { tidyCost, type ObjectiveTerm, type ScheduleReport, type ThemeClash } from '../domain/report.js';
import type { Event, Format } from '../domain/types.js';
import { FORMATS } from '../domain/types.js';
import { compareText } from '../domain/compare.js';

/**
 * The report's lists in a fixed order, shared by report.json and report.md so
 * the two never disagree. The report is built by our own code, but its list
 * order is an accident of how it was built; the files must not inherit it.
 */

/** Terms by name. */
export function sortedTerms(report: ScheduleReport): readonly ObjectiveTerm[] {
  return [...report.terms].sort((a, b) => compareText(a.name, b.name));
}

/** Clashes by date, start, end, then the pair's ids; each clash's themes sorted. */
export function sortedClashes(report: ScheduleReport): readonly ThemeClash[] {
  return report.clashes
    .map((c) => ({ ...c, themes: [...c.themes].sort(compareText) }))
    .sort(
      (x, y) =>
        compareText(x.date, y.date) ||
        x.start - y.start ||
        x.end - y.end ||
        compareText(x.a, y.a) ||
        compareText(x.b, y.b),
    );
}

/** Every format in FORMATS order, 0 when the report has none of it. */
export function countsByFormat(report: ScheduleReport): readonly { readonly format: Format; readonly items: number }[] {
  return FORMATS.map((format) => ({
    format,
    items: report.counts.filter((c) => c.format === format).reduce((sum, c) => sum + c.items, 0),
  }));
}

/** Item titles by id, with '' for an id the event lacks (a report must still render to explain a problem). */
export function titleOf(event: Event): (id: string) => string {
  const titles = new Map(event.items.map((i) => [i.id, i.title] as const));
  return (id) => titles.get(id) ?? '';
}

/**
 * A schedule's cost in one phrase for a summary line: the total, then the
 * goals that make it up, costliest first (ties by name), at most three named:
 * "cost 453 (theme-spread 150, speaker-days 120, speaker-avoid 100, 2 more goals 83)".
 */
export function costPhrase(terms: readonly Pick<ObjectiveTerm, 'name' | 'cost'>[]): string {
  const paid = terms.filter((t) => t.cost > 0).sort((a, b) => b.cost - a.cost || compareText(a.name, b.name));
  const sum = (ts: readonly Pick<ObjectiveTerm, 'cost'>[]) => tidyCost(ts.reduce((n, t) => n + t.cost, 0));
  if (paid.length === 0) return 'cost 0';
  const named = paid.slice(0, 3).map((t) => `${t.name} ${sum([t])}`);
  const rest = paid.slice(3);
  const more = rest.length === 0 ? [] : [`${rest.length} more goal${rest.length === 1 ? '' : 's'} ${sum(rest)}`];
  return `cost ${sum(paid)} (${[...named, ...more].join(', ')})`;
}
