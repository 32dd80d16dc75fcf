import type { ScheduleReport } from '../domain/report.js';
import { formatTime } from '../domain/time.js';
import { compareText } from '../domain/compare.js';
import type { Event, Schedule } from '../domain/types.js';
import { countsByFormat, sortedClashes, sortedTerms, titleOf } from './report-parts.js';

/**
 * report.json: the report for machines, 2-space indented, newline-terminated.
 *
 * Key order is fixed by building fresh object literals (JSON.stringify keeps
 * insertion order) rather than spreading the input, so a field added to
 * ScheduleReport upstream cannot silently move or leak into the file:
 * status, objective, bound, gap, terms, counts, clashes, solver, model, steps, coverage, timing, items, unscheduled.
 *
 * Times are written HH:MM like every other output. `items` is the number of
 * distinct items the schedule places. Timing is rounded to milliseconds; it is
 * the only part that varies between identical runs.
 */
export function reportJson(event: Event, schedule: Schedule, report: ScheduleReport): string {
  const title = titleOf(event);
  const doc = {
    status: report.status,
    stoppedByUser: report.stoppedByUser,
    objective: report.objective,
    bound: report.bound,
    gap: report.gap,
    terms: sortedTerms(report).map((t) => ({
      name: t.name,
      description: t.description,
      weight: t.weight,
      count: t.count,
      cost: t.cost,
      bound: t.bound,
      occurrences: t.occurrences ?? [],
    })),
    counts: countsByFormat(report).map((c) => ({ format: c.format, items: c.items })),
    clashes: sortedClashes(report).map((c) => ({
      a: c.a,
      aTitle: title(c.a),
      b: c.b,
      bTitle: title(c.b),
      themes: c.themes,
      date: c.date,
      start: formatTime(c.start),
      end: formatTime(c.end),
      cost: c.cost,
    })),
    solver: report.solver,
    model: {
      variables: report.model.variables,
      rows: report.model.rows,
      nonzeros: report.model.nonzeros,
      grid: report.model.grid,
      step: report.model.step,
    },
    steps: report.steps.map((st) => ({ step: st.step, ran: st.ran, why: st.why, outcome: st.outcome })),
    coverage:
      report.coverage === null
        ? null
        : {
            members: report.coverage.members.map((m) => ({ country: m.country, name: m.name, government: m.talks.government, civilSociety: m.talks.civil_society, irm: m.talks.irm, other: m.other })),
            regional: report.coverage.regional,
            others: report.coverage.others.map((o) => ({ country: o.country, talks: o.talks })),
          },
    timing: {
      buildSeconds: milliseconds(report.timing.buildSeconds),
      solveSeconds: milliseconds(report.timing.solveSeconds),
      trace: report.timing.trace.map((t) => ({ seconds: milliseconds(t.seconds), cost: t.cost })),
    },
    items: new Set(schedule.map((a) => a.item)).size,
    unscheduled: [...report.unscheduled]
      .sort((a, b) => compareText(a.item, b.item))
      .map((u) => ({ id: u.item, title: title(u.item), reason: u.reason })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function milliseconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
