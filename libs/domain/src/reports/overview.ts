import { SMALL_SAMPLE_BELOW, isMetricId, metricDefinition, ratio } from '../metrics';
import type { ReportInput, ReportMetric } from './inputs';
import type { ReportSection } from './report';
import {
  INFLUENCE_LEVELS,
  NO_DATA,
  accuracySentence,
  changeOf,
  classifierAccuracyOf,
  count,
  duration,
  percent,
  valueOf,
} from './words';

const TOP_THEMES = 3;
const TOP_LESSONS = 3;
const MODES = ['transmit', 'receive', 'collaborate'] as const;

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const small = (metric: ReportMetric) => (metric.smallSample ? ` (a small sample of ${count(metric.n)})` : '');
/** The same, inside a parenthesis that already holds the value: "(40%, a small sample of 5)". */
const smallAfterValue = (metric: ReportMetric) =>
  metric.smallSample ? `, a small sample of ${count(metric.n)}` : '';
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The highest level of policy influence an exercise has reached, 0 when none is recorded. */
export const highestInfluence = (exercise: ReportInput['records']['exercises'][number]): 0 | 1 | 2 | 3 =>
  exercise.influence.reduce<0 | 1 | 2 | 3>((top, i) => (i.level > top ? i.level : top), 0);

const heard = ({ themes, metrics }: ReportInput): ReportSection => {
  const top = themes.themes.filter((t) => t.share !== null).slice(0, TOP_THEMES);
  const paragraphs = [
    top.length
      ? `The ${top.length === 1 ? 'most discussed theme' : `${top.length} most discussed themes`} among ${plural(themes.onTopic, 'on-topic post')}: ` +
        top.map((t) => `${t.label} (${percent(t.share as number)})`).join(', ') +
        '.'
      : `${NO_DATA} on themes: no on-topic posts were grouped into themes in this period.`,
  ];
  const sentiment = metrics.metrics.net_sentiment;
  paragraphs.push(
    sentiment && sentiment.value !== null
      ? `Net sentiment was ${sentiment.value > 0 ? '+' : ''}${Math.round(sentiment.value)} ` +
          `(positive posts minus negative posts, per 100 posts) across ${plural(sentiment.n, 'post')}${small(sentiment)}. ` +
          accuracySentence(classifierAccuracyOf(sentiment))
      : `${NO_DATA} on sentiment: no posts were classified in this period.`,
  );
  return {
    heading: 'What we heard',
    paragraphs,
    tables: [
      {
        key: 'themes_top',
        title: 'Top themes',
        columns: ['Theme', 'Share of on-topic posts', 'Change', 'In their words (personal details removed)'],
        rows: top.map((t) => [
          t.label,
          t.smallSample ? `${percent(t.share as number)} (small sample)` : percent(t.share as number),
          changeOf(t.change, 'percent'),
          t.excerpt ? `“${t.excerpt.text}”` : 'No post fit to quote',
        ]),
        empty: 'No themes in this period.',
      },
    ],
  };
};

const did = ({ metrics: { metrics } }: ReportInput): ReportSection => {
  const paragraphs: string[] = [];
  const coverage = metrics.coverage;
  if (coverage?.denominator) {
    paragraphs.push(
      `We took part in ${count(coverage.numerator ?? 0)} of ${plural(coverage.denominator, 'conversation')} ` +
        `where there was an opportunity (${valueOf(coverage.value, 'percent')}${smallAfterValue(coverage)}).`,
    );
  } else if (metrics.opportunities) {
    paragraphs.push(
      metrics.opportunities.value
        ? `Parley found ${plural(metrics.opportunities.value, 'conversation')} with an opportunity to take part; ` +
            `${NO_DATA.toLowerCase()} yet on how many we joined.`
        : `${NO_DATA} on taking part: no opportunities were found in this period.`,
    );
  } else {
    paragraphs.push(`${NO_DATA} on taking part: no opportunities were found in this period.`);
  }
  const rate = metrics.response_rate;
  paragraphs.push(
    rate?.denominator
      ? `We answered ${count(rate.numerator ?? 0)} of ${plural(rate.denominator, 'conversation')} needing a response ` +
          `within the service level (${valueOf(rate.value, 'percent')}${smallAfterValue(rate)}).`
      : `${NO_DATA} on response rate: no conversations needed a response in this period.`,
  );
  const first = metrics.first_response;
  const median = num(first?.detail?.median) ?? first?.value ?? null;
  const p90 = num(first?.detail?.p90);
  paragraphs.push(
    first && median !== null
      ? `Our first response took ${duration(median)} on the median` +
          (p90 !== null ? `, and ${duration(p90)} or less in 9 cases out of 10` : '') +
          ` (${plural(first.n, 'conversation')})${small(first)}.`
      : `${NO_DATA} on response time: we made no first responses in this period.`,
  );
  const mix = metrics.triangle_mix?.detail ?? {};
  const modes = MODES.map((mode) => [mode, num(mix[mode]) ?? 0] as const);
  const total = modes.reduce((sum, [, x]) => sum + x, 0);
  paragraphs.push(
    total
      ? 'Of our engagements, ' +
          modes
            .map(([mode, x]) => `${percent(ratio(x, total, 100) as number)} ${MODE_WORDS[mode]}`)
            .join(', ') +
          '.'
      : `${NO_DATA} on the mode mix: no engagements were recorded with a mode in this period.`,
  );
  return { heading: 'What we did', paragraphs, tables: [] };
};

const MODE_WORDS = {
  transmit: 'told people something (transmit)',
  receive: 'listened and asked (receive)',
  collaborate: 'worked with people on an answer (collaborate)',
} as const;

const changed = ({ records }: ReportInput): ReportSection => {
  const paragraphs: string[] = [];
  const exercises = records.exercises;
  if (exercises.length) {
    const cited = exercises.filter((e) => highestInfluence(e) >= 2).length;
    paragraphs.push(
      `Of ${plural(exercises.length, 'engagement exercise')}, ${count(cited)} ` +
        `${cited === 1 ? 'was' : 'were'} cited in a submission or changed a decision ` +
        `(${valueOf(ratio(cited, exercises.length, 100), 'percent')}).`,
    );
    for (const e of exercises.filter((x) => highestInfluence(x) > 0)) {
      paragraphs.push(`${e.title}: ${INFLUENCE_LEVELS[highestInfluence(e)].toLowerCase()}.`);
    }
  } else {
    paragraphs.push(`${NO_DATA} on policy influence: no engagement exercises were recorded for this period.`);
  }
  const closed = exercises.filter((e) => e.closedAt);
  const looped = closed.filter((e) => e.youSaidWeDid).length;
  paragraphs.push(
    closed.length
      ? `We posted a “you said, we did” update for ${count(looped)} of ${plural(closed.length, 'closed exercise')} ` +
          `(${valueOf(ratio(looped, closed.length, 100), 'percent')}).`
      : `${NO_DATA} on closing the loop: no exercises were closed in this period.`,
  );
  if (!records.surveys.length) paragraphs.push(`${NO_DATA} on surveyed outcomes: no surveys were recorded.`);
  for (const s of records.surveys) paragraphs.push(surveySentence(s));
  return { heading: 'What changed', paragraphs, tables: [] };
};

export const surveySentence = (s: ReportInput['records']['surveys'][number]): string => {
  const share = (x: { agree: number; n: number }) => valueOf(ratio(x.agree, x.n, 100), 'percent');
  const sign = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${percent(Math.abs(x))}`.replace('%', '');
  const ci =
    s.ciLow !== null && s.ciHigh !== null
      ? `, 95% confidence interval ${sign(s.ciLow)} to ${sign(s.ciHigh)} points`
      : '';
  const few = Math.min(s.before.n, s.after.n) < SMALL_SAMPLE_BELOW ? '; a small sample' : '';
  return (
    `“${s.question}”: ${share(s.before)} agreed before and ${share(s.after)} after` +
    (s.change === null ? '' : ` (${changeOf(s.change, 'percent').toLowerCase()}${ci})`) +
    ` — ${s.method}, ${count(s.before.n)} people asked before and ${count(s.after.n)} after${few}.`
  );
};

const didNotWork = ({ records, metrics: { metrics } }: ReportInput): ReportSection => {
  const lessons = records.lessons.slice(0, TOP_LESSONS);
  const paragraphs = lessons.length
    ? lessons.map((l) => l.text)
    : [
        'No one recorded what did not work in this period. A report with no lessons is rarely the whole story.',
      ];
  if (records.lessons.length > TOP_LESSONS) {
    paragraphs.push(`${plural(records.lessons.length - TOP_LESSONS, 'more lesson')} in the full story.`);
  }
  const declined = metrics.declined;
  if (declined?.value)
    paragraphs.push(`We decided not to engage in ${plural(declined.value, 'conversation')}.`);
  const backlog = num(metrics.first_response?.detail?.backlog) ?? num(metrics.first_response?.detail?.open);
  if (backlog)
    paragraphs.push(`${plural(backlog, 'conversation')} still had no response at the end of the period.`);
  return { heading: 'What did not work', paragraphs, tables: [] };
};

const confidence = (input: ReportInput): ReportSection => {
  const metrics = input.metrics.metrics;
  const smallOnes = Object.entries(metrics)
    .filter(([, m]) => m.smallSample && m.n > 0)
    .map(([id]) => (isMetricId(id) ? metricDefinition(id).name.toLowerCase() : id));
  const excluded = Math.max(0, ...Object.values(metrics).map((m) => m.excluded));
  const sources = input.method.sources.length;
  const paragraphs = [
    sources
      ? `The figures come from ${plural(sources, 'public source')} Parley reads and from the department’s own record of its work.`
      : 'No public source produced an opportunity for the department in this period, so most figures have no data.',
    smallOnes.length
      ? `These figures rest on fewer than ${SMALL_SAMPLE_BELOW} items, so read them with care: ${smallOnes.join(', ')}.`
      : `No figure in this report rests on fewer than ${SMALL_SAMPLE_BELOW} items.`,
    excluded
      ? `Up to ${plural(excluded, 'post')} from accounts flagged as spam or bots ${excluded === 1 ? 'was' : 'were'} left out.`
      : 'No posts from accounts flagged as spam or bots needed to be left out.',
    accuracySentence(classifierAccuracyOf(metrics.net_sentiment)),
    `Metrics are worked out with definitions version ${input.metrics.definitionsVersion}.`,
  ];
  return { heading: 'How confident we can be', paragraphs, tables: [] };
};

/** The one-page overview: what we heard, did and changed, what did not work, and how far to trust it. */
export const overviewSections = (input: ReportInput): ReportSection[] => [
  heard(input),
  did(input),
  changed(input),
  didNotWork(input),
  confidence(input),
];
