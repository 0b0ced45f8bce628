import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { loadConfig, type Config } from '@parley/config';
import {
  ConversationRepository,
  PostRepository,
  SourceRepository,
  StatisticsRepository,
  TaggingRepository,
  createDataSource,
} from '@parley/db';
import { JobProducer, createRedis } from '@parley/jobs';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

export const CONFIG = Symbol('CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: (): Config => loadConfig() },
    {
      provide: DATA_SOURCE,
      inject: [CONFIG],
      useFactory: (config: Config): Promise<DataSource> =>
        createDataSource(config.databaseUrl, { applicationName: 'parley-worker' }).initialize(),
    },
    {
      provide: REDIS,
      inject: [CONFIG],
      useFactory: (config: Config): Redis => createRedis(config.redisUrl, 'parley-worker'),
    },
    {
      provide: JobProducer,
      inject: [REDIS, CONFIG],
      useFactory: (redis: Redis, config: Config) => new JobProducer(redis, config.queuePrefix),
    },
    SourceRepository,
    PostRepository,
    ConversationRepository,
    TaggingRepository,
    StatisticsRepository,
  ],
  exports: [
    CONFIG,
    DATA_SOURCE,
    REDIS,
    JobProducer,
    SourceRepository,
    PostRepository,
    ConversationRepository,
    TaggingRepository,
    StatisticsRepository,
  ],
})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.producer.close();
    await this.dataSource.destroy();
    this.redis.disconnect();
  }
}
