import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@parley/config';
import { TestApiClient, createTestEnvironment, type TestEnvironment } from '@parley/testing';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { bootstrapCommand } from '../../apps/api/src/cli/bootstrap.command';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };

export type Parley = {
  env: TestEnvironment;
  api: INestApplication;
  worker: INestApplicationContext;
  db: Client;
  admin: TestApiClient;
  baseUrl: string;
  close: () => Promise<void>;
};

export type Api = Omit<Parley, 'worker'>;

/**
 * The api alone in this process, on this test file's own database and queue prefix, bootstrapped (first
 * workspace administrator, ADMIN) and with that admin signed in.
 */
export const startApi = async (overrides: Record<string, string> = {}): Promise<Api> => {
  const env = await createTestEnvironment({
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    ...overrides,
  });
  const api = await createApp(loadConfig());
  await api.listen(0, '127.0.0.1');
  const baseUrl = await api.getUrl();
  await bootstrapCommand(api, loadConfig());
  const db = new Client({ connectionString: env.databaseUrl });
  // Fault tests cut this connection on purpose; the test then reads through a fresh one.
  db.on('error', () => undefined);
  await db.connect();
  const admin = new TestApiClient(baseUrl);
  await admin.login(ADMIN.email, ADMIN.password);
  const started: Api = {
    env,
    api,
    db,
    admin,
    baseUrl,
    close: async () => {
      await api.close();
      await started.db.end();
      await env.cleanup();
    },
  };
  return started;
};

/** The api and the worker in this process, on this test file's own database and queue prefix, admin signed in. */
export const startParley = async (overrides: Record<string, string> = {}): Promise<Parley> => {
  const started = await startApi(overrides);
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  const parley: Parley = {
    ...started,
    worker,
    // Reads parley.worker and parley.db at close time: a test may replace them (a worker restart, a new client).
    close: async () => {
      await parley.worker.close();
      await started.api.close();
      await parley.db.end();
      await started.env.cleanup();
    },
  };
  return parley;
};
