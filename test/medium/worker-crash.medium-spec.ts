import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@parley/config';
import {
  TestApiClient,
  createTestEnvironment,
  eventually,
  rssFeed,
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

const WORKER = resolve(__dirname, '../../dist/server/apps/worker/src/main.js');
const ITEMS = 1_000;
const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };

const items = Array.from({ length: ITEMS }, (_, i) => ({
  guid: `post-${i}`,
  title: `Question ${i} about student loan repayments`,
  description: `Post ${i}: how do I repay my student loan?`,
  author: `citizen-${i % 97}`,
  pubDate: new Date(Date.now() - i * 60_000),
}));

describe('a worker killed in the middle of a job', () => {
  let env: TestEnvironment;
  let api: INestApplication;
  let db: Client;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const workers: ChildProcess[] = [];

  const startWorker = (): ChildProcess => {
    const child = spawn(process.execPath, [WORKER], {
      env: { ...process.env, ...env.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    if (!existsSync(WORKER))
      throw new Error(`${WORKER} is missing: run "npm run build:server" first (npm test does).`);
    const body = rssFeed('Busy forum', items);
    server = await startFixtureServer({
      '/busy.xml': async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
      },
    });
    env = await createTestEnvironment({
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    api = await createApp(loadConfig());
    await api.listen(0, '127.0.0.1');
    await bootstrapCommand(api, loadConfig());
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await api?.close();
    await db?.end();
    await server?.close();
    await env?.cleanup();
  });

  it('loses nothing and stores nothing twice once restarted', async () => {
    const admin = new TestApiClient(await api.getUrl());
    await admin.login(ADMIN.email, ADMIN.password);
    await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'loans', name: 'Loans', query: 'student loan' }],
        },
      ],
      sources: [{ key: 'busy', type: 'feed', url: server.url('/busy.xml'), interval: '1h' }],
    });

    const first = startWorker();
    await eventually(async () => server.hits.includes('/busy.xml'), 30_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect((await db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n).toBe(0);

    release();
    startWorker();
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n === ITEMS,
      60_000,
      500,
    );
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM opportunity`)).rows[0].n === ITEMS,
      60_000,
      500,
    );

    const totals = await db.query(
      `SELECT count(*)::int AS posts, count(DISTINCT external_id)::int AS distinct_posts,
              (SELECT count(*)::int FROM conversation) AS conversations FROM post`,
    );
    expect(totals.rows[0]).toEqual({ posts: ITEMS, distinct_posts: ITEMS, conversations: ITEMS });
  });
});
