import { GCS_STAGES, isMetricId, metricDefinition, type GcsStage, type MetricUnit } from '../metrics';
import type { ReportInput, ReportMetric } from './inputs';
import { highestInfluence } from './overview';
import type { ReportSection, ReportTable } from './report';
import {
  INFLUENCE_LEVELS,
  NO_DATA,
  SMALL_SAMPLE_NOTE,
  changeOf,
  count,
  londonDate,
  londonHour,
  percent,
  sampleOf,
  valueOf,
} from './words';

/** "From outputs to impact": the stages a result can be read at, in the GCS cycle's order. */
const RESULT_STAGES: readonly GcsStage[] = ['outputs', 'outtakes', 'outcomes', 'impact'];
const STAGE_WORDS: Record<GcsStage, string> = {
  inputs: 'Inputs',
  outputs: 'Outputs',
  outtakes: 'Outtakes',
  outcomes: 'Outcomes',
  impact: 'Impact',
  learning: 'Learning',
};

const nameOf = (id: string) => (isMetricId(id) ? metricDefinition(id).name : id);
const unitOf = (id: string, metric: ReportMetric | undefined): MetricUnit =>
  metric?.unit ?? (isMetricId(id) ? metricDefinition(id).unit : 'count');

export const metricRow = (id: string, m: ReportMetric): string[] => [
  STAGE_WORDS[m.stage],
  nameOf(id),
  valueOf(m.value, m.unit),
  sampleOf(m),
  valueOf(m.previous, m.unit),
  changeOf(m.change, m.unit),
];

const METRIC_COLUMNS = ['Stage', 'Measure', 'Result', 'n', 'Previous period', 'Change'];

/** Whether a result meets its target, read in the direction from baseline to target. */
const progress = (value: number | null, baseline: number | null, target: number | null): string => {
  if (value === null) return `${NO_DATA} yet for this period.`;
  if (target === null) return 'No target was set.';
  const rising = baseline === null || target >= baseline;
  return (rising ? value >= target : value <= target) ? 'Target met.' : 'Target not yet met.';
};

const objectiveSections = ({ records, metrics }: ReportInput): ReportSection[] => {
  if (!records.objectives.length) {
    return [
      {
        heading: 'Objectives',
        paragraphs: [
          'No objectives were set for this period, so results are shown without a baseline or target. ' +
            'Setting an objective (what should change, for whom, by how much) makes the next report say whether it did.',
        ],
        tables: [],
      },
    ];
  }
  return records.objectives.map((o) => {
    const metric = metrics.metrics[o.metric];
    const unit = unitOf(o.metric, metric);
    const table: ReportTable = {
      key: `objective_${o.id}`,
      title: `Against the objective`,
      columns: ['Measure', 'Baseline', 'Target', 'Result', 'n', 'Previous period', 'Change'],
      rows: [
        [
          nameOf(o.metric),
          valueOf(o.baseline, unit),
          valueOf(o.target, unit),
          valueOf(metric?.value ?? null, unit),
          metric ? sampleOf(metric) : '0',
          valueOf(metric?.previous ?? null, unit),
          changeOf(metric?.change ?? null, unit),
        ],
      ],
      empty: '',
    };
    return {
      heading: `Objective: ${o.description}`,
      paragraphs: [
        `For ${o.audience}, from ${londonDate(o.from)} to ${londonDate(o.to)}, measured by ${nameOf(o.metric).toLowerCase()}.`,
        progress(metric?.value ?? null, o.baseline, o.target) +
          (metric?.smallSample ? ` The result rests on ${SMALL_SAMPLE_NOTE}.` : ''),
      ],
      tables: [table],
    };
  });
};

const resultsSection = ({ metrics }: ReportInput): ReportSection => {
  const rows = Object.entries(metrics.metrics)
    .filter(([, m]) => RESULT_STAGES.includes(m.stage))
    .sort(([, a], [, b]) => GCS_STAGES.indexOf(a.stage) - GCS_STAGES.indexOf(b.stage))
    .map(([id, m]) => metricRow(id, m));
  return {
    heading: 'Results from outputs to impact',
    paragraphs: [
      metrics.compare
        ? `Each result beside the period just before (${londonDate(metrics.compare.from)} to ${londonDate(
            new Date(new Date(metrics.compare.to).getTime() - 1),
          )}).`
        : 'Shown without a comparison period.',
    ],
    tables: [
      {
        key: 'results',
        title: 'Results',
        columns: METRIC_COLUMNS,
        rows,
        empty: 'No results for this period.',
      },
    ],
  };
};

const themeSection = ({ themes, spikes }: ReportInput): ReportSection => {
  const paragraphs = spikes.length
    ? [
        `Mentions spiked ${spikes.length === 1 ? 'once' : `${count(spikes.length)} times`}: ` +
          spikes.map((s) => `${londonHour(s.at)} (${count(s.mentions)} mentions in the hour)`).join('; ') +
          '. A spike is an hour when the mean of the last 24 hours is more than two standard deviations above the ' +
          'hourly mean of the 7 days before.',
      ]
    : ['No spikes in mentions in this period.'];
  return {
    heading: 'Themes in detail',
    paragraphs,
    tables: [
      {
        key: 'themes',
        title: 'Themes',
        columns: ['Theme', 'Posts', 'Share', 'Previous share', 'Change', 'Key phrases'],
        rows: themes.themes.map((t) => [
          t.label,
          t.smallSample ? `${count(t.mentions)} (small sample)` : count(t.mentions),
          t.share === null ? NO_DATA : percent(t.share),
          t.previousShare === null ? NO_DATA : percent(t.previousShare),
          changeOf(t.change, 'percent'),
          t.keyphrases.join(', '),
        ]),
        empty: 'No themes in this period.',
      },
    ],
  };
};

const influenceSection = ({ records }: ReportInput): ReportSection => ({
  heading: 'Policy-influence log',
  paragraphs: [
    'Each engagement exercise, the furthest its insight has travelled into policy, and the follow-ups at 3, 6 and 12 months.',
  ],
  tables: [
    {
      key: 'policy_influence',
      title: 'Policy influence',
      columns: ['Exercise', 'Level reached', 'What happened', 'Evidence', 'Follow-ups'],
      rows: records.exercises.map((e) => {
        const latest = e.influence.at(-1);
        return [
          e.title,
          INFLUENCE_LEVELS[highestInfluence(e)],
          latest ? `${latest.note} (${londonDate(latest.recordedAt)})` : 'Nothing recorded yet',
          e.influence.flatMap((i) => i.evidence.map((x) => `${x.title} <${x.url}>`)).join('; ') || 'None',
          e.followUps
            .map(
              (f) =>
                `${f.months} months: ${f.doneAt ? `done ${londonDate(f.doneAt)}` : `due ${londonDate(f.dueAt)}`}`,
            )
            .join('; ') || 'None scheduled',
        ];
      }),
      empty: 'No engagement exercises were recorded.',
    },
  ],
});

/** Per objective, then the results from outputs to impact, the themes with spikes, and the influence log. */
export const snapshotSections = (input: ReportInput): ReportSection[] => [
  ...objectiveSections(input),
  resultsSection(input),
  themeSection(input),
  influenceSection(input),
];

export { METRIC_COLUMNS };
