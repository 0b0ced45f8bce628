import { csvTable, type CaseBundle, type CsvValue } from '@parley/domain';
import { bundleSummaryHtml } from './bundle-summary';
import type { ZipEntry } from './zip-stream';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A record's value as one CSV cell: nested values as JSON. */
const cell = (value: unknown): CsvValue =>
  value === null || value === undefined || typeof value !== 'object'
    ? (value as CsvValue)
    : JSON.stringify(value);

/** Rows of another module's records as CSV: one column per field any of them has, in first-seen order. */
const recordsCsv = (rows: readonly Record<string, unknown>[]) => {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return csvTable(
    keys.map((key) => ({ header: key, value: (r: Record<string, unknown>) => cell(r[key]) })),
    rows,
  );
};

/**
 * The files of an FOI case bundle: the whole case as one JSON document, each part as JSON and CSV for those who
 * work in spreadsheets, and a printable summary for those who read.
 */
export const bundleFiles = (bundle: CaseBundle): ZipEntry[] => {
  const threadCsv = csvTable(
    [
      { header: 'Post id', value: (p: CaseBundle['thread'][number]) => p.id },
      { header: 'Published (UTC)', value: (p) => p.publishedAt },
      { header: 'Author', value: (p) => p.author.name },
      { header: 'Handle', value: (p) => p.author.handle },
      { header: 'Profile', value: (p) => p.author.profileUrl },
      { header: 'By the department', value: (p) => (p.byDepartment ? 'yes' : 'no') },
      { header: 'Text', value: (p) => p.text },
      { header: 'Link', value: (p) => p.url },
      { header: 'In reply to', value: (p) => p.inReplyTo },
    ],
    bundle.thread,
  );
  const rulesCsv = csvTable(
    [
      { header: 'Rule', value: (r: CaseBundle['ruleVersions'][number]) => r.key },
      { header: 'Version', value: (r) => r.version },
      { header: 'Name', value: (r) => r.name },
      { header: 'Query', value: (r) => r.query },
      { header: 'Enabled', value: (r) => r.enabled },
      { header: 'Changed (UTC)', value: (r) => r.changedAt },
      { header: 'Changed by', value: (r) => r.changedBy },
      { header: 'Why', value: (r) => r.reason },
    ],
    bundle.ruleVersions,
  );
  const timelineCsv = csvTable(
    [
      { header: 'When (UTC)', value: (e: CaseBundle['timeline'][number]) => e.at },
      { header: 'Who', value: (e) => e.actor },
      { header: 'What', value: (e) => e.kind },
      { header: 'From', value: (e) => e.fromStatus },
      { header: 'To', value: (e) => e.toStatus },
      { header: 'Detail', value: (e) => JSON.stringify(e.detail) },
    ],
    bundle.timeline,
  );
  const auditCsv = csvTable(
    [
      { header: 'When (UTC)', value: (e: CaseBundle['audit'][number]) => e.at },
      { header: 'Who', value: (e) => e.actorName ?? e.actor },
      { header: 'What', value: (e) => e.description },
      { header: 'Action', value: (e) => e.action },
      { header: 'Entity', value: (e) => e.entityType },
      { header: 'Entity id', value: (e) => e.entityId },
      { header: 'Before', value: (e) => cell(e.before) },
      { header: 'After', value: (e) => cell(e.after) },
    ],
    bundle.audit,
  );
  return [
    { name: 'summary.html', content: bundleSummaryHtml(bundle) },
    { name: 'bundle.json', content: json(bundle) },
    { name: 'thread.json', content: json({ conversation: bundle.conversation, posts: bundle.thread }) },
    { name: 'thread.csv', content: threadCsv },
    { name: 'triage.json', content: json(bundle.triage) },
    { name: 'rule-versions.json', content: json(bundle.ruleVersions) },
    { name: 'rule-versions.csv', content: rulesCsv },
    { name: 'timeline.json', content: json(bundle.timeline) },
    { name: 'timeline.csv', content: timelineCsv },
    { name: 'engagements.json', content: json(bundle.engagements) },
    { name: 'engagements.csv', content: recordsCsv(bundle.engagements) },
    ...Object.entries(bundle.records).flatMap(([kind, rows]) => [
      { name: `${kind}.json`, content: json(rows) },
      { name: `${kind}.csv`, content: recordsCsv(rows) },
    ]),
    { name: 'audit.json', content: json(bundle.audit) },
    { name: 'audit.csv', content: auditCsv },
  ];
};
