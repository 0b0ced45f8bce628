import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestEnvironment, withAdmin, type TestEnvironment } from '@parley/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

describe("the worker's /health", () => {
  let env: TestEnvironment;
  let worker: INestApplicationContext;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    server = await startHealthServer(worker, 0);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  });

  afterAll(async () => {
    server?.close();
    await worker?.close();
    await env?.cleanup();
  });

  it('answers 200 while Postgres and Redis answer', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: true, redis: true });
  });

  it('answers 503 naming Postgres while it refuses connections', async () => {
    const database = new URL(env.databaseUrl).pathname.slice(1);
    await withAdmin(async (c) => {
      await c.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
    });
    try {
      const response = await fetch(url);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'degraded',
        db: false,
        redis: true,
        message: 'The worker cannot reach Postgres.',
      });
    } finally {
      await withAdmin((c) => c.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`));
    }
  });
});
