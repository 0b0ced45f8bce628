import { Inject, Injectable, Logger } from '@nestjs/common';
import { AlertDetectionRepository, DATA_SOURCE, inTransaction } from '@parley/db';
import { DAY_HOURS, campaignTsquery, hourOf } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { AlertEvaluator, type Evaluation } from '../services/alert-evaluator.service';
import { COMMIT_LAG_MS } from './roll-up-mentions.handler';

const HOUR_MS = 3_600_000;

/**
 * Brings the alert detectors up to date with what the roll-ups counted since the `alerts` watermark, in one
 * transaction holding it: the hours whose counts changed (posts fetched, conversations tagged) are recounted per
 * rule, theme and partner, and only the scopes with posts in the last 24 of those hours are judged, as of now. A
 * change to an older hour only moves a baseline, which can raise nothing. Safe to run twice: whole hours are
 * recounted, and an open alert is updated, never raised again.
 */
@Injectable()
export class EvaluateAlertsHandler {
  private readonly logger = new Logger(EvaluateAlertsHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly alerts: AlertDetectionRepository,
    private readonly evaluator: AlertEvaluator,
  ) {}

  /** `at` is when the detectors judge (the database's now when not given: a replay in a test gives its clock). */
  async handle(at?: Date): Promise<Evaluation & { hours: number }> {
    const outcome = await inTransaction(this.dataSource, async (tx) => {
      const { countedTo, upTo, now: databaseNow } = await this.alerts.lockWatermark(tx);
      const now = at ?? databaseNow;
      const touched = await this.alerts.touchedHours(tx, new Date(countedTo.getTime() - COMMIT_LAG_MS), upTo);
      await this.alerts.recountHours(tx, touched, campaignTsquery());
      // A roll-up still behind where this one read to (its first run over old posts) holds it back, never moves it back.
      await this.alerts.setWatermark(tx, new Date(Math.max(countedTo.getTime(), upTo.getTime())));
      const since = hourOf(now).getTime() - (DAY_HOURS - 1) * HOUR_MS;
      const scopes = await this.alerts.scopesIn(
        tx,
        touched.filter((h) => h.getTime() >= since),
      );
      return { ...(await this.evaluator.evaluate(tx, scopes, now)), hours: touched.length };
    });
    this.logger.log({ message: 'alerts evaluated', ...outcome });
    return outcome;
  }
}
