import { METRICS, SMALL_SAMPLE_BELOW } from '../metrics';
import { sourceTypeName } from '../platforms';
import type { ReportCase, ReportInput } from './inputs';
import type { ReportSection } from './report';
import { METRIC_COLUMNS, metricRow } from './snapshot';
import { NO_DATA, accuracySentence, classifierAccuracyOf, count, duration, londonDate } from './words';

const CASES_EACH = 3;
const WENT_WELL = new Set(['responded']);

const methodSection = ({ method, themes, metrics }: ReportInput): ReportSection => {
  const excluded = Object.values(metrics.metrics).reduce((top, m) => Math.max(top, m.excluded), 0);
  const missing = METRICS.filter((m) => !(m.id in metrics.metrics)).map((m) => m.name.toLowerCase());
  return {
    heading: 'Method',
    paragraphs: [
      `Metrics follow the definitions in version ${metrics.definitionsVersion}: ratios are sums divided by sums, ` +
        `a figure with nothing to divide by is shown as “${NO_DATA}” (never 0), and a figure resting on fewer than ` +
        `${SMALL_SAMPLE_BELOW} items is marked as a small sample. Times are stored in UTC and shown in London time; ` +
        'a period includes its first day and ends before the day after its last. The department’s own posts never ' +
        'count as public engagement.',
      themes.method || 'Themes: no method was reported for this period.',
      accuracySentence(classifierAccuracyOf(metrics.metrics.net_sentiment)),
      excluded
        ? `Exclusions: up to ${count(excluded)} posts from accounts flagged as spam or bots were left out of a figure.`
        : 'Exclusions: no posts from accounts flagged as spam or bots needed to be left out.',
      missing.length
        ? `Gaps: these measures were not available for this report: ${missing.join(', ')}.`
        : 'Gaps: every measure was available.',
    ],
    tables: [
      {
        key: 'sources',
        title: 'Sources behind this period’s opportunities',
        columns: ['Source', 'Platform', 'Opportunities'],
        rows: method.sources.map((s) => [s.name, sourceTypeName(s.platform), count(s.opportunities)]),
        empty: 'No source produced an opportunity in this period.',
      },
      {
        key: 'rules',
        title: 'Listening rules in force at the end of the period',
        columns: ['Rule', 'Version', 'Last changed'],
        rows: method.rules.map((r) => [
          r.name,
          String(r.version),
          r.changedAt ? londonDate(r.changedAt) : 'Never',
        ]),
        empty: 'The department had no listening rules.',
      },
    ],
  };
};

const metricsSection = ({ metrics }: ReportInput): ReportSection => ({
  heading: 'Every metric',
  paragraphs: ['Every measure for the period, with the counts it was worked out from.'],
  tables: [
    {
      key: 'metrics',
      title: 'Metrics',
      columns: [...METRIC_COLUMNS, 'Numerator', 'Denominator', 'Left out (spam or bots)'],
      rows: METRICS.filter((d) => d.id in metrics.metrics).map((d) => {
        const m = metrics.metrics[d.id];
        return [
          ...metricRow(d.id, m),
          m.numerator === null ? '—' : count(m.numerator),
          m.denominator === null ? '—' : count(m.denominator),
          count(m.excluded),
        ];
      }),
      empty: 'No metrics for this period.',
    },
  ],
});

const wentBadly = (c: ReportCase, lessonFor: Map<string, string[]>) =>
  c.status === 'declined' || c.overdue || (lessonFor.get(c.conversationId)?.length ?? 0) > 0;

/** One conversation told as a short story: what it was, what we did, how it ended, what we learnt. */
export const caseNarrative = (c: ReportCase, lessons: readonly string[]): string => {
  const what = `${c.title ? `“${c.title}”` : 'A conversation'} (${sourceTypeName(c.platform)}, from ${londonDate(c.openedAt)})`;
  const done = c.engagements
    ? `we took part ${c.engagements === 1 ? 'once' : `${count(c.engagements)} times`}` +
      (c.firstResponseMinutes === null ? '' : `, first after ${duration(c.firstResponseMinutes)}`)
    : 'we did not take part';
  const ended =
    c.status === 'declined'
      ? `we decided not to engage${c.declineReason ? ` (${c.declineReason})` : ''}`
      : c.overdue
        ? 'it was still unanswered after its response was due'
        : c.status === 'responded'
          ? 'it was closed as answered'
          : `it is ${c.status.replace(/-/g, ' ')}`;
  return (
    `${what}: ${done}; ${ended}.` +
    (c.outcomeNotes ? ` Outcome: ${c.outcomeNotes}` : '') +
    lessons.map((l) => ` What did not work: ${l}`).join('')
  );
};

const casesSection = ({ cases, records }: ReportInput): ReportSection => {
  const lessonFor = new Map<string, string[]>();
  for (const l of records.lessons) {
    for (const id of l.conversationIds) lessonFor.set(id, [...(lessonFor.get(id) ?? []), l.text]);
  }
  const bad = cases.filter((c) => wentBadly(c, lessonFor)).slice(0, CASES_EACH);
  const good = cases
    .filter((c) => !wentBadly(c, lessonFor) && WENT_WELL.has(c.status) && c.engagements > 0)
    .slice(0, CASES_EACH);
  const tell = (list: ReportCase[]) =>
    list.map((c) => caseNarrative(c, lessonFor.get(c.conversationId) ?? []));
  return {
    heading: 'Cases: what worked and what did not',
    paragraphs: [
      'What worked.',
      ...(good.length
        ? tell(good)
        : ['No conversation in this period was taken part in and closed as answered.']),
      'What did not work.',
      ...(bad.length
        ? tell(bad)
        : [
            'No conversation in this period was declined, left unanswered past its due time, or has a lesson recorded.',
          ]),
    ],
    tables: [
      {
        key: 'lessons',
        title: 'Every lesson recorded',
        columns: ['Recorded', 'What did not work', 'Conversations'],
        rows: records.lessons.map((l) => [londonDate(l.recordedAt), l.text, count(l.conversationIds.length)]),
        empty: 'No lessons were recorded.',
      },
    ],
  };
};

/** The full story: the method, every metric with its counts, and cases of engagement that worked and did not. */
export const fullStorySections = (input: ReportInput): ReportSection[] => [
  methodSection(input),
  metricsSection(input),
  casesSection(input),
];
