import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@parley/config';
import { checkEvictionPolicy, REDIS } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { createApp } from './app.factory';

const bootstrap = async (): Promise<void> => {
  const config = loadConfig();
  const app = await createApp(config);
  const warning = await checkEvictionPolicy(app.get<Redis>(REDIS), config.allowRedisEviction);
  if (warning) Logger.warn(warning, 'Redis');
  await app.listen(config.port, '0.0.0.0');
  Logger.log(`api listening on http://localhost:${config.port} (docs at /api/docs)`, 'Bootstrap');
};

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
