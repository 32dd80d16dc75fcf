/** Every file `convene agenda` writes, by relative path, as text (CSV tables are left to io's tableToCsv). */
import type { AgendaInput } from '../../domain/agenda.js';
import type { AgendaRun } from '../../agenda/agenda.js';
import type { Lang } from '../publish/labels.js';
import type { Table } from '../../domain/table.js';
import { boardHtml } from './board.js';
import { agendaMarkdown } from './markdown.js';
import { agendaReport, reportJson, reportMarkdown, type AgendaReport, type AgendaReportMeta } from './report.js';
import { unconferenceTable } from './tables.js';
import { agendaView } from './view.js';

export type { AgendaReport, AgendaReportMeta } from './report.js';
export { UNCONFERENCE_HEADER } from './tables.js';

export type AgendaOutputs = {
  readonly report: AgendaReport;
  readonly tables: Readonly<Record<string, Table>>;
  readonly texts: Readonly<Record<string, string>>;
};

export function agendaOutputs(input: AgendaInput, run: AgendaRun, meta: AgendaReportMeta & { readonly title: string; readonly lang: Lang }): AgendaOutputs {
  const view = agendaView(input, run, meta.title);
  const report = agendaReport(input, run, meta);
  const titles = new Map(input.proposals.map((p) => [p.id, p.title]));
  return {
    report,
    tables: { 'unconference.csv': unconferenceTable(input, run) },
    texts: {
      'board.html': boardHtml(view, meta.lang),
      'agenda.md': agendaMarkdown(view, meta.lang),
      'agenda-report.md': reportMarkdown(report, titles),
      'agenda-report.json': reportJson(report),
    },
  };
}
