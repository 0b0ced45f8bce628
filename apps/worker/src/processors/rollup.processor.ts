import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { JobProducer, REDIS, startScheduledQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { RollUpMentionsHandler } from '../handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../handlers/roll-up-themes.handler';

/** Consumes the roll-up queue on its schedule; the watermark in Postgres says where each run carries on. */
@Injectable()
export class RollupProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly rollUpMentions: RollUpMentionsHandler,
    private readonly rollUpSentiment: RollUpSentimentHandler,
    private readonly rollUpThemes: RollUpThemesHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await startScheduledQueueWorker(
      'rollup',
      {
        RollUpMentions: () => this.rollUpMentions.handle(),
        RollUpSentiment: () => this.rollUpSentiment.handle(),
        RecountMentions: () => this.rollUpMentions.recount(),
        RollUpThemes: () => this.rollUpThemes.handle(),
      },
      { redis: this.redis, config: this.config, schedule: () => this.producer.scheduleRollUps() },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
