import { Inject, Injectable } from '@nestjs/common';
import { BANK_HOLIDAYS } from '@parley/config';
import { alertSettingsSchema, type AlertMeasure, type AlertSeries } from '@parley/contracts';
import {
  AlertDetectionRepository,
  SentimentRepository,
  type DetectorDepartment,
  type Queryable,
  type ScopeHourRow,
  type ScopePost,
  type ScopeKey,
  type SentimentHourRow,
  WHOLE_DEPARTMENT,
} from '@parley/db';
import {
  DAY_HOURS,
  DETECTOR_HOURS,
  explainAlert,
  hourOf,
  judgeRise,
  judgeSentimentTurn,
  labelledAccuracy,
  netSentiment,
  riseBand,
  severityOf,
  type AlertKindName,
  type DetectorSettings,
  type ExpectedEvent,
  type ExplanationInput,
  type HolidayCalendar,
  type Judgement,
} from '@parley/domain';
import { CLASSIFIER_VERSION, ignoredStems, keyphrasesOf } from '@parley/tagging';

const HOUR_MS = 3_600_000;
/** Posts an explanation reads from the window, and from the baseline (a sample spread over it). */
const WINDOW_POSTS = 2_000;
const BASELINE_SAMPLE = 1_000;
/**
 * A partner alert is a campaign when at least this share of the rise (posts above the expected) uses boycott or
 * protest language: a partner in the news for its prices is talk, not a campaign.
 */
const CAMPAIGN_SHARE_OF_RISE = 0.5;

/** What one evaluation did: the detectors judged, and the alerts raised or brought up to date. */
export type Evaluation = { detectors: number; raised: number; updated: number };

type Context = {
  at: Date;
  start: Date;
  departments: Map<string, DetectorDepartment & { detector: DetectorSettings }>;
  events: Map<string, ExpectedEvent[]>;
  labels: Map<string, string>;
};
type Finding = { kind: AlertKindName; scope: ScopeKey; judgement: Judgement; series: AlertSeries };

const keyOf = (s: ScopeKey) => `${s.departmentId} ${s.type} ${s.id}`;
const round = (n: number) => Math.round(n * 100) / 100;

/** A department's stored settings over the defaults; settings that no longer parse fall back to the defaults. */
const settingsOf = (stored: unknown): DetectorSettings => {
  const parsed = alertSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : alertSettingsSchema.parse({});
};

/** `rows` as one count per hour of the detector window (every hour present, 0 where none). */
const countsOf = (
  rows: readonly ScopeHourRow[],
  start: Date,
  pick: (r: ScopeHourRow) => number,
): number[] => {
  const counts = Array.from({ length: DETECTOR_HOURS }, () => 0);
  for (const row of rows) {
    const slot = (new Date(row.hour).getTime() - start.getTime()) / HOUR_MS;
    if (slot >= 0 && slot < DETECTOR_HOURS) counts[slot] += pick(row);
  }
  return counts;
};

/**
 * Judges every detector of the given scopes as of an instant: a spike per department, rule and theme, a campaign
 * per delivery partner, a sentiment turn per department. A crossing raises the scope's alert, or brings its open one
 * up to date, with its measure, explanation, severity and the series it was judged on. Reads only the roll-ups for
 * the 192 hours the detectors need, and posts only for the alerts it writes.
 */
@Injectable()
export class AlertEvaluator {
  constructor(
    private readonly alerts: AlertDetectionRepository,
    private readonly sentiment: SentimentRepository,
    @Inject(BANK_HOLIDAYS) private readonly holidays: HolidayCalendar,
  ) {}

  async evaluate(q: Queryable, scopes: ScopeKey[], at: Date): Promise<Evaluation> {
    if (scopes.length === 0) return { detectors: 0, raised: 0, updated: 0 };
    const context = await this.contextOf(q, scopes, at);
    const muted = await this.alerts.mutedRules(q, [...context.departments.keys()], at);
    // A muted rule raises nothing; a rule, theme or partner since deleted has no label and is not judged.
    const live = scopes.filter(
      (s) => !(s.type === 'rule' && muted.has(s.id)) && context.labels.has(keyOf(s)),
    );
    const end = new Date(context.start.getTime() + DETECTOR_HOURS * HOUR_MS);
    const rows = await this.alerts.series(q, live, context.start, end, at);
    const byScope = new Map<string, ScopeHourRow[]>();
    for (const row of rows) byScope.set(keyOf(row), [...(byScope.get(keyOf(row)) ?? []), row]);
    const findings = live.flatMap((scope) => this.judge(scope, byScope.get(keyOf(scope)) ?? [], context));
    const departmentIds = [
      ...new Set(live.filter((s) => s.type === 'department').map((s) => s.departmentId)),
    ];
    findings.push(...(await this.sentimentTurns(q, departmentIds, context)));
    const outcome: Evaluation = { detectors: live.length + departmentIds.length, raised: 0, updated: 0 };
    for (const finding of findings) {
      if ((await this.store(q, finding, context)).raised) outcome.raised++;
      else outcome.updated++;
    }
    return outcome;
  }

  private async contextOf(q: Queryable, scopes: ScopeKey[], at: Date): Promise<Context> {
    const start = new Date(hourOf(at).getTime() - (DETECTOR_HOURS - 1) * HOUR_MS);
    const departmentIds = [...new Set(scopes.map((s) => s.departmentId))];
    const [departments, events, labels] = await Promise.all([
      this.alerts.departments(q, departmentIds),
      this.alerts.expectedEvents(q, departmentIds, start, new Date(hourOf(at).getTime() + HOUR_MS)),
      this.alerts.labels(q, scopes),
    ]);
    const eventsOf = new Map<string, ExpectedEvent[]>();
    for (const e of events) eventsOf.set(e.departmentId, [...(eventsOf.get(e.departmentId) ?? []), e]);
    return {
      at,
      start,
      departments: new Map(departments.map((d) => [d.id, { ...d, detector: settingsOf(d.settings) }])),
      events: eventsOf,
      labels: new Map(labels.map((l) => [keyOf(l), l.label])),
    };
  }

  /** The scope's spike (or, for a partner, campaign) detector. */
  private judge(scope: ScopeKey, rows: ScopeHourRow[], context: Context): Finding[] {
    const settings = context.departments.get(scope.departmentId)!.detector;
    const series = { start: context.start, counts: countsOf(rows, context.start, (r) => r.posts) };
    const events = context.events.get(scope.departmentId) ?? [];
    const { rise } = judgeRise(series, settings, this.holidays, events);
    if (!rise) return [];
    if (
      scope.type === 'partner' &&
      !this.isCampaign(
        rise,
        countsOf(rows, context.start, (r) => r.campaign),
      )
    )
      return [];
    return [
      {
        kind: scope.type === 'partner' ? 'partner' : 'spike',
        scope,
        judgement: rise,
        series: { unit: 'mentions per hour', points: this.bandPoints(series, settings) },
      },
    ];
  }

  /** Most of the rise (posts above the expected in the window) uses boycott or protest language. */
  private isCampaign(rise: Judgement, campaign: number[]): boolean {
    const hours = rise.window === 'day' ? DAY_HOURS : 1;
    const inWindow = campaign.slice(-hours).reduce((a, b) => a + b, 0);
    return inWindow >= CAMPAIGN_SHARE_OF_RISE * (rise.observed - rise.expected) * hours;
  }

  private bandPoints(
    series: { start: Date; counts: number[] },
    settings: DetectorSettings,
  ): AlertSeries['points'] {
    return riseBand(series, settings, this.holidays).map((p) => ({
      at: p.at.toISOString(),
      observed: p.observed,
      expected: round(p.expected),
      low: round(p.low),
      high: round(p.high),
    }));
  }

  private async sentimentTurns(q: Queryable, departmentIds: string[], context: Context): Promise<Finding[]> {
    if (departmentIds.length === 0) return [];
    const end = new Date(context.start.getTime() + DETECTOR_HOURS * HOUR_MS);
    const rows = await this.alerts.sentiment(q, departmentIds, context.start, end);
    const byDepartment = new Map<string, SentimentHourRow[]>();
    for (const r of rows) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
    return departmentIds.flatMap((departmentId) => {
      const counts = Array.from({ length: DETECTOR_HOURS }, () => ({ negative: 0, neutral: 0, positive: 0 }));
      for (const r of byDepartment.get(departmentId) ?? []) {
        const slot = (new Date(r.hour).getTime() - context.start.getTime()) / HOUR_MS;
        if (slot >= 0 && slot < DETECTOR_HOURS) counts[slot] = r;
      }
      const settings = context.departments.get(departmentId)!.detector;
      const turn = judgeSentimentTurn(
        { start: context.start, counts },
        settings,
        context.events.get(departmentId) ?? [],
      );
      if (!turn) return [];
      const points = counts.slice(-7 * 24).map((c, i) => ({
        at: new Date(context.start.getTime() + (DAY_HOURS + i) * HOUR_MS).toISOString(),
        observed: round(netSentiment(c).value ?? turn.expected),
        expected: round(turn.expected),
        low: round(turn.threshold),
        high: round(turn.expected + settings.sentimentDropPoints),
      }));
      const scope: ScopeKey = { departmentId, type: 'department', id: WHOLE_DEPARTMENT };
      return [
        {
          kind: 'sentiment' as const,
          scope,
          judgement: turn,
          series: { unit: 'net sentiment points', points },
        },
      ];
    });
  }

  /** Gathers the evidence, weighs the severity and raises or updates the alert. */
  private async store(
    q: Queryable,
    finding: Finding,
    context: Context,
  ): Promise<{ id: string; raised: boolean }> {
    const { scope, judgement: j, kind } = finding;
    const evidence = await this.evidenceOf(q, finding, context);
    const posts = evidence.explanationInput.window;
    const reach = new Map<string, number>();
    for (const p of evidence.posts) {
      const author = p.authorKey || p.id;
      reach.set(author, Math.max(reach.get(author) ?? 0, p.followers));
    }
    const severity = severityOf({
      size:
        kind === 'sentiment'
          ? j.spread / Math.max(1, j.expected - j.threshold)
          : j.observed / Math.max(j.threshold, Number.EPSILON),
      sources: new Set(posts.map((p) => `${p.platform} ${p.sourceName}`)).size,
      platforms: new Set(posts.map((p) => p.platform)).size,
      reach: [...reach.values()].reduce((a, b) => a + b, 0),
    });
    const measure: AlertMeasure = {
      window: j.window,
      observed: round(j.observed),
      expected: round(j.expected),
      threshold: round(j.threshold),
      spread: round(j.spread),
      n: j.n,
      baselineN: j.baselineN,
      unit: kind === 'sentiment' ? 'net sentiment points' : 'mentions per hour',
    };
    return this.alerts.upsertOpen(q, {
      departmentId: scope.departmentId,
      kind,
      scope,
      label: context.labels.get(keyOf(scope))!,
      severity,
      at: context.at,
      measure,
      explanation: explainAlert(evidence.explanationInput),
      series: finding.series,
    });
  }

  /**
   * The posts behind an alert (the window's newest, and a sample of the baseline week before it), the authors new
   * to it, the partners named and, for a sentiment turn, the classifier's accuracy on the department's labels.
   */
  private async evidenceOf(
    q: Queryable,
    { scope, judgement: j, kind }: Finding,
    context: Context,
  ): Promise<{ posts: ScopePost[]; explanationInput: ExplanationInput }> {
    const department = context.departments.get(scope.departmentId)!;
    const hour = hourOf(context.at).getTime();
    const window = {
      from: new Date(hour - ((j.window === 'day' ? DAY_HOURS : 1) - 1) * HOUR_MS),
      to: new Date(hour + HOUR_MS),
    };
    const baseline = { from: new Date(window.from.getTime() - 7 * DAY_HOURS * HOUR_MS), to: window.from };
    const stride = Math.max(1, Math.floor(j.baselineN / BASELINE_SAMPLE));
    const label = context.labels.get(keyOf(scope))!;
    const [posts, sample, partners, accuracy] = await Promise.all([
      this.alerts.posts(q, scope, window, context.at, WINDOW_POSTS),
      this.alerts.posts(q, scope, baseline, context.at, BASELINE_SAMPLE, stride),
      scope.type === 'partner'
        ? Promise.resolve([label])
        : this.alerts.partnersNamed(q, scope.departmentId, window.from, window.to),
      kind === 'sentiment'
        ? this.sentiment
            .labelPairs(q, scope.departmentId, CLASSIFIER_VERSION)
            .then((p) => labelledAccuracy(p))
        : Promise.resolve(null),
    ]);
    const ignore = ignoredStems([department.name, ...department.aliases]);
    const authors = [...new Set(posts.map((p) => p.authorKey).filter(Boolean))];
    const seen = await this.alerts.authorsSeen(q, authors, baseline.from, baseline.to);
    return {
      posts,
      explanationInput: {
        kind,
        subject:
          scope.type === 'rule'
            ? `the rule “${label}”`
            : scope.type === 'theme'
              ? `the theme “${label}”`
              : label,
        judgement: j,
        window: posts.map((p) => ({ ...p, terms: keyphrasesOf(p.text, ignore) })),
        baseline: sample.map((p) => ({ text: p.text, terms: keyphrasesOf(p.text, ignore) })),
        newParticipantsShare: authors.length ? round((authors.length - seen) / authors.length) : null,
        partners,
        classifierAccuracy: accuracy ? round(accuracy.accuracy) : null,
      },
    };
  }
}
