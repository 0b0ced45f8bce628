import type { SourceWithHealth } from '@parley/contracts';
import { eventually } from '@parley/testing';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  startJetstreamReplay,
  type JetstreamReplay,
  type WireEvent,
} from '../../libs/ingest/src/connectors/test-support/jetstream-server';
import { startParley, type Parley } from './harness';

type Commit = { commit?: { operation: string; collection: string; record?: { text?: string } } };

/**
 * The tests of one set of Jetstream events replayed over a local WebSocket to the real worker. The apps read
 * their config once per file, so each set gets its own test file.
 */
export const replaysJetstream = (load: () => WireEvent[]) => {
  let parley: Parley;
  let replay: JetstreamReplay;
  let lastTimeUs: number;
  // The posts that the rules below can match: created posts whose text says "government" or "asylum".
  let matching: number;

  beforeAll(async () => {
    const events = load();
    lastTimeUs = Math.max(...events.map((e) => e.timeUs));
    matching = events
      .map((e) => JSON.parse(e.line) as Commit)
      .filter((e) => e.commit?.operation === 'create' && e.commit.collection === 'app.bsky.feed.post')
      .filter((e) => /\b(government|asylum)\b/i.test(e.commit?.record?.text ?? '')).length;
    replay = await startJetstreamReplay(events);
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'ho',
          name: 'Home Office',
          rules: [
            { key: 'asylum', name: 'Asylum', query: 'asylum' },
            { key: 'gov', name: 'Government', query: 'government' },
          ],
        },
      ],
      sources: [{ key: 'bluesky', type: 'bluesky', url: replay.url, interval: '1h' }],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
    await replay?.close();
  });

  it('keeps only posts the rules could match, stores the cursor, and resumes after it without duplicates', async () => {
    expect(matching).toBeGreaterThan(0);
    // The consumer reconciles every 15 s; the source was created after the worker booted.
    await eventually(
      async () => (await parley.db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n === matching,
      40_000,
      500,
    );
    const source = await eventually(async () => {
      const row = (await parley.db.query(`SELECT cursor FROM source WHERE key = 'bluesky'`)).rows[0];
      return row.cursor === String(lastTimeUs) && row;
    });
    expect(source.cursor).toBe(String(lastTimeUs));
    const stored = await parley.db.query(`SELECT platform, external_id FROM post`);
    expect(stored.rows.every((r) => r.platform === 'bluesky' && r.external_id.startsWith('at://'))).toBe(
      true,
    );
    const health = (await parley.admin.get<SourceWithHealth[]>('/api/sources')).body[0].health;
    expect(health.lastSuccessAt).not.toBeNull();

    // A second worker (a restart) resumes after the stored cursor: the server sends nothing new, nothing doubles.
    await parley.worker.close();
    parley.worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await eventually(async () => replay.connections.length >= 2, 30_000);
    expect(replay.connections.at(-1)?.get('cursor')).toBe(String(lastTimeUs));
    expect((await parley.db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n).toBe(matching);
  });
};
