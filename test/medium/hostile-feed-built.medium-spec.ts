import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@parley/config';
import {
  TestApiClient,
  createTestEnvironment,
  eventually,
  freePort,
  startFixtureServer,
  type TestEnvironment,
} from '@parley/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../apps/api/src/app.factory';
import { bootstrapCommand } from '../../apps/api/src/cli/bootstrap.command';
import { DEEP, MANY, NORMAL, serveFeed } from './hostile-feeds';

const WORKER = resolve(__dirname, '../../dist/server/apps/worker/src/main.js');
const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };

// The built worker loads its parse threads from dist/server (compiled JavaScript), not from the sources the other
// tests run: this is the path production takes.
describe('the built worker reading hostile feeds', () => {
  let env: TestEnvironment;
  let api: INestApplication;
  let db: Client;
  let worker: ChildProcess;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let healthUrl: string;

  beforeAll(async () => {
    if (!existsSync(WORKER))
      throw new Error(`${WORKER} is missing: run "npm run build:server" first (npm test does).`);
    server = await startFixtureServer({
      '/deep.xml': serveFeed(DEEP),
      '/many.xml': serveFeed(MANY),
      '/normal.xml': serveFeed(NORMAL),
    });
    const healthPort = await freePort();
    healthUrl = `http://127.0.0.1:${healthPort}/health`;
    env = await createTestEnvironment({
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      WORKER_HEALTH_PORT: String(healthPort),
    });
    api = await createApp(loadConfig());
    await api.listen(0, '127.0.0.1');
    await bootstrapCommand(api, loadConfig());
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    worker = spawn(process.execPath, [WORKER], {
      env: { ...process.env, ...env.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await eventually(async () => (await fetch(healthUrl).catch(() => null))?.status === 200, 30_000);
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await api?.close();
    await db?.end();
    await server?.close();
    await env?.cleanup();
  });

  it('stores them within the limits, says so, and answers /health while it reads them', async () => {
    const admin = new TestApiClient(await api.getUrl());
    await admin.login(ADMIN.email, ADMIN.password);
    await admin.request('PUT', '/api/workspace', {
      sources: ['deep', 'many', 'normal'].map((key) => ({
        key,
        type: 'feed',
        url: server.url(`/${key}.xml`),
        interval: '1h',
      })),
    });
    const statuses: number[] = [];
    const read = async () =>
      (
        await db.query(
          `SELECT s.key, s.last_error AS "lastError", s.last_warning AS "lastWarning",
                  (SELECT count(*)::int FROM post p WHERE p.source_id = s.id) AS posts
             FROM source s WHERE s.last_fetch_at IS NOT NULL ORDER BY s.key`,
        )
      ).rows;
    await eventually(
      async () => {
        statuses.push((await fetch(healthUrl, { signal: AbortSignal.timeout(5_000) })).status);
        return (await read()).length === 3;
      },
      50_000,
      250,
    );
    expect(await read()).toEqual([
      {
        key: 'deep',
        lastError: null,
        lastWarning: "1 post was cut to Parley's limits: text over 100,000 characters",
        posts: 1,
      },
      {
        key: 'many',
        lastError: null,
        lastWarning:
          "the feed has more than 5,000 items; the first 5,000 were read (Parley's limit per fetch)",
        posts: 5_000,
      },
      { key: 'normal', lastError: null, lastWarning: null, posts: 1 },
    ]);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
