import type { ReportInput } from './inputs';
import { overviewSections } from './overview';
import { snapshotSections } from './snapshot';
import { fullStorySections } from './full-story';
import { period } from './words';

export type ReportLevel = 'overview' | 'snapshot' | 'full';

/** A table in plain words: every cell is the text a person reads. `key` names it in the CSV export. */
export type ReportTable = { key: string; title: string; columns: string[]; rows: string[][]; empty: string };
export type ReportSection = { heading: string; paragraphs: string[]; tables: ReportTable[] };

export type ImpactReportDocument = {
  title: string;
  level: ReportLevel;
  department: string;
  departmentName: string;
  period: string;
  window: { from: string; to: string };
  compare: { from: string; to: string } | null;
  definitionsVersion: string;
  generatedAt: string;
  filters: { department: string; from: string; to: string; level: ReportLevel };
  sections: ReportSection[];
};

const TITLES: Record<ReportLevel, string> = {
  overview: 'Impact report: overview',
  snapshot: 'Impact report: snapshot by objective',
  full: 'Impact report: the full story',
};

/**
 * The impact report at one level of detail, composed from the metrics, themes, evaluation records and case
 * material of one department and window. Pure: the same input gives the same document.
 */
export const composeImpactReport = (level: ReportLevel, input: ReportInput): ImpactReportDocument => {
  const sections =
    level === 'overview'
      ? overviewSections(input)
      : level === 'snapshot'
        ? snapshotSections(input)
        : [...overviewSections(input), ...snapshotSections(input), ...fullStorySections(input)];
  return {
    title: TITLES[level],
    level,
    department: input.department.key,
    departmentName: input.department.name,
    period: period(input.metrics.window.from, input.metrics.window.to),
    window: input.metrics.window,
    compare: input.metrics.compare,
    definitionsVersion: input.metrics.definitionsVersion,
    generatedAt: input.generatedAt.toISOString(),
    filters: { ...input.filters, level },
    sections,
  };
};
