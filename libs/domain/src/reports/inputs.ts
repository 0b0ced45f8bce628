import type { GcsStage, MetricUnit } from '../metrics';

/**
 * What the impact report is composed from, as the structural subset of the api's contracts it reads
 * (`MetricsResponse`, `ThemesResponse`, `EvaluationRecords`): domain code may not import contracts, and a contract
 * value passes here as it is.
 */
export type ReportMetric = {
  value: number | null;
  n: number;
  numerator: number | null;
  denominator: number | null;
  previous: number | null;
  change: number | null;
  unit: MetricUnit;
  stage: GcsStage;
  smallSample: boolean;
  excluded: number;
  detail?: Record<string, unknown>;
};

type Span = { from: string; to: string };

export type ReportMetrics = {
  definitionsVersion: string;
  window: Span;
  compare: Span | null;
  metrics: Record<string, ReportMetric>;
};

export type ReportTheme = {
  id: string;
  label: string;
  keyphrases: string[];
  mentions: number;
  share: number | null;
  previousShare: number | null;
  change: number | null;
  smallSample: boolean;
  excerpt: { text: string; url: string | null } | null;
};

export type ReportThemes = { onTopic: number; method: string; themes: ReportTheme[] };

export type ReportExercise = {
  id: string;
  title: string;
  topic: string | null;
  startedAt: string;
  closedAt: string | null;
  youSaidWeDid: { url: string; postedAt: string } | null;
  influence: {
    level: 0 | 1 | 2 | 3;
    note: string;
    evidence: { title: string; url: string }[];
    recordedAt: string;
  }[];
  followUps: { months: 3 | 6 | 12; dueAt: string; doneAt: string | null }[];
};

export type ReportRecords = {
  objectives: {
    id: string;
    description: string;
    audience: string;
    metric: string;
    baseline: number | null;
    target: number | null;
    from: string;
    to: string;
  }[];
  exercises: ReportExercise[];
  lessons: {
    id: string;
    exerciseId: string | null;
    text: string;
    conversationIds: string[];
    recordedAt: string;
  }[];
  surveys: {
    id: string;
    question: string;
    method: string;
    before: { agree: number; n: number };
    after: { agree: number; n: number };
    change: number | null;
    ciLow: number | null;
    ciHigh: number | null;
  }[];
};

/** One conversation the department had an opportunity in, and how it went: the material of the case narratives. */
export type ReportCase = {
  conversationId: string;
  title: string | null;
  platform: string;
  openedAt: Date;
  status: string;
  engagements: number;
  firstResponseMinutes: number | null;
  declineReason: string | null;
  outcomeNotes: string | null;
  /** Still unanswered after its response was due. */
  overdue: boolean;
};

/** Where the report's data came from: the sources behind the window's opportunities and the rules in force. */
export type ReportMethod = {
  sources: { name: string; platform: string; opportunities: number }[];
  rules: { name: string; version: number; changedAt: Date | null }[];
};

/** How often the sentiment classifier agreed with people's labels, with a 95% confidence interval (0–1). */
export type ClassifierAccuracy = { accuracy: number; n: number; ciLow: number; ciHigh: number };

export type ReportInput = {
  department: { key: string; name: string };
  generatedAt: Date;
  filters: { department: string; from: string; to: string };
  metrics: ReportMetrics;
  themes: ReportThemes;
  records: ReportRecords;
  cases: ReportCase[];
  method: ReportMethod;
  /** The hours in the window marked as mention spikes, with that hour's mentions. */
  spikes: { at: Date; mentions: number }[];
};
