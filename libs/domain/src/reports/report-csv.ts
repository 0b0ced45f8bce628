import { csvRow } from '../csv';
import type { ImpactReportDocument } from './report';

/**
 * Every table of a report as one CSV (RFC 4180, formula-guarded by `csvRow`), a line at a time so a response can
 * stream it. The first lines say what the export shows: the filters and the definitions version it used; then each
 * table under a line naming it, separated by an empty line.
 */
export function* reportCsv(report: ImpactReportDocument): Generator<string> {
  yield csvRow(['Report', report.title]);
  yield csvRow(['Department', report.departmentName, report.filters.department]);
  yield csvRow(['Period', report.period, report.filters.from, report.filters.to]);
  yield csvRow(['Level', report.filters.level]);
  yield csvRow(['Definitions version', report.definitionsVersion]);
  yield csvRow(['Generated (UTC)', report.generatedAt]);
  for (const table of report.sections.flatMap((s) => s.tables)) {
    yield '\r\n';
    yield csvRow(['Table', table.key, table.title]);
    yield csvRow(table.columns);
    for (const row of table.rows) yield csvRow(row);
  }
}
