import { Logger } from '@nestjs/common';
import { eventually, rssFeed, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FetchSourceHandler } from '../../apps/worker/src/handlers/fetch-source.handler';
import { startParley, type Parley } from './harness';

type Entry = { message?: string; source?: string; job?: string; error?: string };

describe('a failing source is logged once per change of its health, not on every retry', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let answer: { status: number; body: string } = { status: 503, body: 'down for maintenance' };
  let sourceId: string;
  const warn = vi.spyOn(Logger.prototype, 'warn');
  const log = vi.spyOn(Logger.prototype, 'log');

  const entries = (spy: typeof warn, message: string): Entry[] =>
    spy.mock.calls
      .map(([entry]) => entry as Entry)
      .filter(
        (entry) => entry?.message === message && (entry.source === 'flaky' || entry.job === 'FetchSource'),
      );
  const fetch = () => parley.worker.get(FetchSourceHandler).handle(sourceId);
  const failures = async (): Promise<number> =>
    (await parley.db.query(`SELECT consecutive_failures AS n FROM source WHERE id = $1`, [sourceId])).rows[0]
      .n;

  beforeAll(async () => {
    server = await startFixtureServer({
      '/feed.xml': (_req, res) =>
        void res.writeHead(answer.status, { 'content-type': 'application/rss+xml' }).end(answer.body),
    });
    parley = await startParley();
    await parley.admin.request('PUT', '/api/workspace', {
      sources: [{ key: 'flaky', type: 'feed', url: server.url('/feed.xml'), interval: '1h' }],
    });
    sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'flaky'`)).rows[0].id;
    // The worker's own first fetch (and its retries) run beside the ones below: the state is on the source row.
    await eventually(async () => (await failures()) >= 1);
  });

  afterAll(async () => {
    warn.mockRestore();
    log.mockRestore();
    await parley?.close();
    await server?.close();
  });

  it('logs the first failure once however often it is retried, and the worker does not repeat it per job', async () => {
    for (let i = 0; i < 3; i++) await expect(fetch()).rejects.toThrow(/503/);
    expect(await failures()).toBeGreaterThanOrEqual(4);
    expect(entries(warn, 'source failing')).toEqual([
      expect.objectContaining({ source: 'flaky', error: expect.stringMatching(/503/) }),
    ]);
    expect(entries(warn, 'job failed')).toEqual([]);
  });

  it('logs a different error once, then the recovery once, then a new failure', async () => {
    answer = { status: 500, body: 'internal error' };
    for (let i = 0; i < 2; i++) await expect(fetch()).rejects.toThrow(/500/);
    expect(entries(warn, 'source failing').map((entry) => entry.error)).toEqual([
      expect.stringMatching(/503/),
      expect.stringMatching(/500/),
    ]);

    answer = {
      status: 200,
      body: rssFeed('Flaky', [{ guid: 'one', title: 'Back again', description: 'The forum is back.' }]),
    };
    await fetch();
    await fetch();
    expect(entries(log, 'source recovered')).toHaveLength(1);

    answer = { status: 503, body: 'down again' };
    await expect(fetch()).rejects.toThrow(/503/);
    expect(entries(warn, 'source failing')).toHaveLength(3);
    expect(entries(warn, 'job failed')).toEqual([]);
  });
});
