import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, EvaluationRepository } from '@parley/db';
import { costInWindow, ratio, surveyChange, toPence } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope } from '../metric-calculator';

const INFLUENCE_CITED = 2;

/**
 * The metrics read from what people enter (METRICS.md's M data) and Parley's log: close_the_loop, lessons and
 * policy_influence over the exercises closed in the window; surveyed_outcome over the surveys taken in it;
 * input_cost over the costs it overlaps (apportioned by time) divided by the department's engagements in it.
 */
@Injectable()
export class EvaluationRecordsCalculator implements MetricCalculator {
  readonly ids = ['close_the_loop', 'lessons', 'policy_influence', 'surveyed_outcome', 'input_cost'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly records: EvaluationRepository,
  ) {}

  async read({
    departmentId,
    window,
  }: MetricScope): Promise<Record<(typeof this.ids)[number], MetricReading>> {
    const q = this.dataSource;
    const { from, to } = window;
    const [closed, influence, surveys, costs, engagements] = await Promise.all([
      this.records.closedExercises(q, departmentId, from, to),
      this.records.influenceOfClosed(q, departmentId, from, to),
      this.records.surveys(q, departmentId, window),
      this.records.costs(q, departmentId, window),
      this.records.engagementCount(q, departmentId, from, to),
    ]);
    const rate = (numerator: number, denominator: number): MetricReading => ({
      value: ratio(numerator, denominator, 100),
      n: denominator,
      numerator,
      denominator,
    });
    const cited = influence.filter((e) => (e.level ?? 0) >= INFLUENCE_CITED).length;
    const cost = toPence(costs.reduce((sum, c) => sum + costInWindow(c, window), 0));
    return {
      close_the_loop: rate(closed.looped, closed.closed),
      lessons: rate(closed.withLesson, closed.closed),
      policy_influence: {
        ...rate(cited, influence.length),
        detail: {
          // Per exercise, the highest level reached so far (null: no follow-up recorded yet) and its evidence.
          exercises: influence.map((e) => ({
            id: e.id,
            title: e.title,
            level: e.level,
            evidence: e.evidence,
          })),
        },
      },
      surveyed_outcome: this.surveyed(surveys),
      input_cost: {
        value: engagements === 0 ? null : toPence(cost / engagements),
        n: engagements,
        numerator: cost,
        denominator: engagements,
        detail: { records: costs.length },
      },
    };
  }

  /**
   * Pooled over the window's surveys as ratio of sums (Σ agreeing ÷ Σ asked, after minus before), with Newcombe's
   * interval for the pooled proportions; each survey's own change and interval is in the detail, since surveys of
   * different questions are better read one by one. n is everyone asked, before and after.
   */
  private surveyed(surveys: Awaited<ReturnType<EvaluationRepository['surveys']>>): MetricReading {
    const before = { agree: 0, n: 0 };
    const after = { agree: 0, n: 0 };
    for (const s of surveys) {
      before.agree += s.beforeAgree;
      before.n += s.beforeN;
      after.agree += s.afterAgree;
      after.n += s.afterN;
    }
    const pooled = surveyChange(before, after);
    return {
      value: pooled?.change ?? null,
      n: before.n + after.n,
      numerator: null,
      denominator: null,
      detail: {
        ciLow: pooled?.ciLow ?? null,
        ciHigh: pooled?.ciHigh ?? null,
        method: 'Newcombe hybrid score interval, 95%',
        surveys: surveys.map((s) => ({
          id: s.id,
          question: s.question,
          method: s.method,
          before: { agree: s.beforeAgree, n: s.beforeN },
          after: { agree: s.afterAgree, n: s.afterN },
          ...(surveyChange({ agree: s.beforeAgree, n: s.beforeN }, { agree: s.afterAgree, n: s.afterN }) ?? {
            change: null,
            ciLow: null,
            ciHigh: null,
          }),
        })),
      },
    };
  }
}
