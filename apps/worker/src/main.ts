import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@parley/config';
import { evictionWarning } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { createServer } from 'node:http';
import { REDIS } from './infrastructure.module';
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
  const warning = await evictionWarning(app.get<Redis>(REDIS));
  if (warning) Logger.warn(warning, 'Redis');

  const health = createServer((req, res) => {
    const ok = req.url === '/health';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(ok ? { status: 'ok' } : { code: 'not_found', message: 'only /health is served here' }),
    );
  });
  if (config.workerHealthPort > 0) health.listen(config.workerHealthPort, '127.0.0.1');
  process.once('SIGTERM', () => health.close());
  process.once('SIGINT', () => health.close());
  Logger.log(`worker running (health on 127.0.0.1:${config.workerHealthPort})`, 'Bootstrap');
};

bootstrap().catch((error: unknown) => {
  // Config problems are already a list a person can act on; anything else gets its stack.
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
