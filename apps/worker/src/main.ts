import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@parley/config';
import { checkEvictionPolicy, REDIS } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

/** The worker is an application context: queues in, Postgres out, and only /health over HTTP. */
const bootstrap = async (): Promise<void> => {
  const config = loadConfig();
  const logger = new ConsoleLogger({
    json: config.logFormat === 'json',
    // One line per entry in the terminal too: a multi-line object per warning buries everything else.
    compact: true,
    prefix: 'parley-worker',
    logLevels: config.env === 'test' ? ['warn', 'error'] : ['log', 'warn', 'error'],
  });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  const warning = await checkEvictionPolicy(app.get<Redis>(REDIS), config.allowRedisEviction);
  if (warning) Logger.warn(warning, 'Redis');

  const health = config.workerHealthPort > 0 ? await startHealthServer(app, config.workerHealthPort) : null;
  process.once('SIGTERM', () => health?.close());
  process.once('SIGINT', () => health?.close());
  Logger.log(`worker running (health on 127.0.0.1:${config.workerHealthPort})`, 'Bootstrap');
};

bootstrap().catch((error: unknown) => {
  // Config problems are already a list a person can act on; anything else gets its stack.
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
