import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { JobProducer, REDIS, startScheduledQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { EvaluateAlertsHandler } from '../handlers/evaluate-alerts.handler';
import { RollUpMentionsHandler } from '../handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../handlers/roll-up-themes.handler';

/** Consumes the roll-up queue on its schedule; the watermark in Postgres says where each run carries on. */
@Injectable()
export class RollupProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopping = false;
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly rollUpMentions: RollUpMentionsHandler,
    private readonly rollUpSentiment: RollUpSentimentHandler,
    private readonly rollUpThemes: RollUpThemesHandler,
    private readonly evaluateAlerts: EvaluateAlertsHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await startScheduledQueueWorker(
      'rollup',
      {
        RollUpMentions: () => this.thenAlerts(this.rollUpMentions.handle()),
        RollUpSentiment: () => this.thenAlerts(this.rollUpSentiment.handle()),
        RecountMentions: () => this.thenAlerts(this.rollUpMentions.recount()),
        RollUpThemes: () => this.thenAlerts(this.rollUpThemes.handle()),
        EvaluateAlerts: () => this.alertsThenDelivery(),
      },
      { redis: this.redis, config: this.config, schedule: () => this.producer.scheduleRollUps() },
    );
  }

  /**
   * Every roll-up asks for the alert detectors once it has counted: asked while the roll-up still runs, so the
   * detectors' job is either waiting (and will read this run's counts) or queued now.
   */
  private async thenAlerts<T>(run: Promise<T>): Promise<T> {
    const result = await run;
    await this.producer.evaluateAlerts();
    return result;
  }

  /**
   * Raised alerts are delivered now rather than at the next scheduled delivery (up to 15 s later). Once stopping,
   * the detectors wait for the next process: their one transaction would hold the restart.
   */
  private async alertsThenDelivery() {
    if (this.stopping) return { detectors: 0, raised: 0, updated: 0, hours: 0 };
    const outcome = await this.evaluateAlerts.handle();
    if (outcome.raised > 0) await this.producer.deliverAlerts();
    return outcome;
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Closing waits for the running job: a roll-up catching up on a burst would hold a restart for minutes.
    this.stopping = true;
    for (const handler of [this.rollUpMentions, this.rollUpSentiment, this.rollUpThemes]) handler.stop();
    await this.worker?.close();
  }
}
