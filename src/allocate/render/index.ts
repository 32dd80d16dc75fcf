/** Every file `allocate` writes, by relative path, as text (CSV tables are left to io's tableToCsv). */
import type { Allocation } from '../allocate.js';
import type { Registrant } from '../../domain/allocation.js';
import { rosterFiles } from './markdown.js';
import { allocationReport, reportJson, reportMarkdown, type AllocationReport, type ReportMeta } from './report.js';
import { admissionsTable, focalPointTable, itinerariesTable, rostersTable } from './tables.js';
import type { Table } from '../../domain/table.js';

export type { AllocationReport, ReportMeta } from './report.js';
export { allocationReport } from './report.js';

export type AllocationOutputs = {
  readonly report: AllocationReport;
  readonly tables: Readonly<Record<string, Table>>;
  readonly texts: Readonly<Record<string, string>>;
};

export function allocationOutputs(a: Allocation, registrants: readonly Registrant[], meta: ReportMeta): AllocationOutputs {
  const people = new Map(registrants.map((r) => [r.id, r]));
  const report = allocationReport(a, meta);
  return {
    report,
    tables: {
      'admissions.csv': admissionsTable(a, people),
      'rosters.csv': rostersTable(a, people),
      'itineraries.csv': itinerariesTable(a, people),
      'focal-point.csv': focalPointTable(a),
    },
    texts: {
      ...rosterFiles(a, people),
      'allocation-report.md': reportMarkdown(report),
      'allocation-report.json': reportJson(report),
    },
  };
}
