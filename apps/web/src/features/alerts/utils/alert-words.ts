import type { Alert, AlertKind, AlertMeasure, AlertScope, AlertStatus } from '@parley/contracts';
import type { TagTone } from '../../../components/ui/tag';

type ExpectedEventKind = NonNullable<Alert['explanation']['expectedEvent']>['kind'];

/** The detectors' keys as people say them; nothing internal reaches the page. */
export const KIND_WORDS: Record<AlertKind, { label: string; meaning: string }> = {
  spike: { label: 'Rise in mentions', meaning: 'Far more posts than usual' },
  partner: {
    label: 'Campaign against a delivery partner',
    meaning: 'Posts naming a partner with boycott or protest language',
  },
  sentiment: { label: 'Turn in sentiment', meaning: 'Posts much more negative than usual' },
};

export const STATUS_WORDS: Record<AlertStatus, { label: string; tone: TagTone }> = {
  open: { label: 'Open', tone: 'red' },
  acknowledged: { label: 'Acknowledged', tone: 'blue' },
  snoozed: { label: 'Snoozed', tone: 'grey' },
  closed: { label: 'Closed', tone: 'green' },
};

const SEVERITY_WORDS = ['very low', 'low', 'moderate', 'high', 'very high'] as const;
const SEVERITY_TONES: TagTone[] = ['grey', 'blue', 'orange', 'red', 'red'];

/** "Severity 4 of 5 — high": the number and the word, so neither colour nor a bare digit carries it. */
export const severityInWords = (severity: number): string =>
  `Severity ${severity} of 5 — ${SEVERITY_WORDS[Math.min(5, Math.max(1, severity)) - 1]}`;

export const severityTone = (severity: number): TagTone =>
  SEVERITY_TONES[Math.min(5, Math.max(1, severity)) - 1];

export const EXPECTED_EVENT_WORDS: Record<ExpectedEventKind, string> = {
  announcement: 'an announcement',
  statistics: 'a statistics release',
  'consultation-closing': 'a consultation closing',
  parliament: 'a sitting day in Parliament',
  debate: 'a debate',
  other: 'an expected event',
};

/** What the detector watched: "the whole department", "the rule “Food standards”", "the partner “Tesco”". */
export const scopeInWords = (scope: AlertScope): string =>
  scope.type === 'department' ? 'the whole department' : `the ${scope.type} “${scope.label}”`;

export const windowInWords = (window: AlertMeasure['window']): string =>
  window === 'day'
    ? 'the last 24 hours against the 7 days before'
    : 'the last hour against the 12 hours before';

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB');
/** Net sentiment reads with its sign, so a fall below zero is not mistaken for a rise. */
const signed = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export const formatRate = (value: number): string => oneDecimal.format(value);
export const formatPoints = (value: number): string => signed.format(value);

const posts = (n: number) => `${whole.format(n)} ${n === 1 ? 'post' : 'posts'}`;

/**
 * The measure in one sentence: "Observed 42 an hour against an expected 8; the bar was 15; 310 posts." For a
 * sentiment turn the unit is net sentiment points, signed.
 */
export const measureInWords = (measure: AlertMeasure): string => {
  if (measure.unit === 'net sentiment points') {
    return (
      `Net sentiment was ${formatPoints(measure.observed)} against an expected ${formatPoints(measure.expected)}; ` +
      `the bar was ${formatPoints(measure.threshold)}; ${posts(measure.n)}.`
    );
  }
  return (
    `Observed ${formatRate(measure.observed)} an hour against an expected ${formatRate(measure.expected)}; ` +
    `the bar was ${formatRate(measure.threshold)}; ${posts(measure.n)}.`
  );
};

/** How much history the comparison stands on, so a reader can weigh it. */
export const baselineInWords = (measure: AlertMeasure): string =>
  `Compared ${windowInWords(measure.window)}, which had ${posts(measure.baselineN)}.`;

/** "60% of the people posting had not posted about this in the baseline period." */
export const newParticipantsInWords = (share: number | null): string | null => {
  if (share === null) return null;
  const percent = Math.round(share * 100);
  return `${percent}% of the people posting had not posted about this in the baseline period.`;
};

/** The classifier's accuracy as a share (0–1); a figure above 1 is read as already a percentage. */
export const accuracyInWords = (accuracy: number | null): string | null => {
  if (accuracy === null) return null;
  const percent = Math.round(accuracy > 1 ? accuracy : accuracy * 100);
  return `The sentiment classifier was right about ${percent}% of the time when last checked against people’s labels, so treat a small turn with care.`;
};

/** The title of an alert where a heading or a link names it. */
export const alertTitle = (alert: Pick<Alert, 'kind' | 'scope'>): string =>
  `${KIND_WORDS[alert.kind].label}: ${scopeInWords(alert.scope)}`;
