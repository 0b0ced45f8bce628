import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { Redis } from 'ioredis';
import { connectRedis } from './connection';
import { JobProducer } from './producer';

/** Injection token of the app's shared Redis connection (queues and short-lived state). */
export const REDIS = Symbol('REDIS');

/** Redis and the job producer for an app, closed when the app shuts down. */
@Global()
@Module({})
export class JobsModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
  ) {}

  static forRoot(connectionName: string): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      providers: [
        {
          provide: REDIS,
          inject: [CONFIG],
          useFactory: (config: Config): Promise<Redis> => connectRedis(config.redisUrl, connectionName),
        },
        {
          provide: JobProducer,
          inject: [REDIS, CONFIG],
          useFactory: (redis: Redis, config: Config) => new JobProducer(redis, config.queuePrefix),
        },
      ],
      exports: [REDIS, JobProducer],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.close();
    this.redis.disconnect();
  }
}
