import { eventually, startFixtureServer } from '@parley/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer } from '../../apps/worker/src/health-server';
import { startParley, type Parley } from './harness';
import { DEEP, LONG_TITLE, MANY, NORMAL, serveFeed } from './hostile-feeds';

type Health = { key: string; lastError: string | null; lastWarning: string | null; posts: number };

describe('hostile feeds', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let health: Server;
  const probes: Array<number | string> = [];
  let probing = true;

  const sources = async (): Promise<Map<string, Health>> => {
    const { rows } = await parley.db.query<Health>(
      `SELECT s.key, s.last_error AS "lastError", s.last_warning AS "lastWarning",
              (SELECT count(*)::int FROM post p WHERE p.source_id = s.id) AS posts
         FROM source s WHERE s.last_fetch_at IS NOT NULL`,
    );
    return new Map(rows.map((row) => [row.key, row]));
  };

  // Asks /health again as soon as it answers, for as long as the feeds are being read; a frozen event loop
  // would leave a probe unanswered past its 5 s timeout.
  const probe = async (url: string): Promise<void> => {
    while (probing) {
      try {
        probes.push((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status);
      } catch (error) {
        probes.push((error as Error).name);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    server = await startFixtureServer({
      '/deep.xml': serveFeed(DEEP),
      '/title.xml': serveFeed(LONG_TITLE),
      '/many.xml': serveFeed(MANY),
      '/normal.xml': serveFeed(NORMAL),
    });
    parley = await startParley();
    health = await startHealthServer(parley.worker, 0);
  });

  afterAll(async () => {
    probing = false;
    health?.close();
    await parley?.close();
    await server?.close();
  });

  it('reads each within its limits, keeps ingesting the normal feed and answers /health throughout', async () => {
    const probing$ = probe(`http://127.0.0.1:${(health.address() as AddressInfo).port}/health`);
    await parley.admin.request('PUT', '/api/workspace', {
      sources: ['deep', 'title', 'many', 'normal'].map((key) => ({
        key,
        type: 'feed',
        url: server.url(`/${key}.xml`),
        interval: '1h',
      })),
    });
    await eventually(async () => (await sources()).size === 4, 50_000, 250);
    probing = false;
    await probing$;

    const health$ = await sources();
    expect(health$.get('normal')).toMatchObject({ lastError: null, lastWarning: null, posts: 1 });
    expect(health$.get('deep')).toMatchObject({
      lastError: null,
      lastWarning: "1 post was cut to Parley's limits: text over 100,000 characters",
      posts: 1,
    });
    expect(health$.get('title')).toMatchObject({
      lastError: null,
      lastWarning: "1 post was cut to Parley's limits: titles over 1,000 characters",
      posts: 1,
    });
    expect(health$.get('many')).toMatchObject({
      lastError: null,
      lastWarning: "the feed has more than 5,000 items; the first 5,000 were read (Parley's limit per fetch)",
      posts: 5_000,
    });
    const { rows } = await parley.db.query(`SELECT max(length(title))::int AS longest FROM post`);
    expect(rows[0].longest).toBeLessThanOrEqual(1_000);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.filter((status) => status !== 200)).toEqual([]);
  });
});
