import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceWithHealth } from '@parley/contracts';
import { JobProducer } from '@parley/jobs';
import { eventually, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

const FIXTURES = join(__dirname, '../../libs/ingest/src/fixtures/feeds');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

// The cut-off fixture, as its publisher serves it once the connection no longer drops.
const whole = `${fixture('truncated.rss.xml')}ddle.</description></item></channel></rss>`;

describe('feeds whose items have no identity, and feeds cut off in transfer', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let cutBody = fixture('truncated.rss.xml');

  beforeAll(async () => {
    server = await startFixtureServer({
      '/notices.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('no-identity.rss.xml'));
      },
      '/cut.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(cutBody);
      },
    });
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      sources: [
        { key: 'notices', type: 'feed', url: server.url('/notices.xml'), interval: '1h' },
        { key: 'cut', type: 'feed', url: server.url('/cut.xml'), interval: '1h' },
      ],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  const postCount = async (key: string): Promise<number> =>
    (
      await parley.db.query(
        `SELECT count(*)::int AS n FROM post p JOIN source s ON s.id = p.source_id WHERE s.key = $1`,
        [key],
      )
    ).rows[0].n as number;

  const sourceOf = async (key: string): Promise<{ id: string; lastFetchAt: Date | null }> =>
    (await parley.db.query(`SELECT id, last_fetch_at AS "lastFetchAt" FROM source WHERE key = $1`, [key]))
      .rows[0] as { id: string; lastFetchAt: Date | null };

  /** Fetches the source now and waits until the worker has recorded that fetch on it. */
  const fetchAgain = async (key: string, jobId: string): Promise<void> => {
    const before = await eventually(async () => (await sourceOf(key)).lastFetchAt ?? false);
    await parley.worker.get(JobProducer).fetchNow((await sourceOf(key)).id, jobId);
    await eventually(async () => ((await sourceOf(key)).lastFetchAt ?? before) > before);
  };

  const health = async (key: string) =>
    (await parley.admin.get<SourceWithHealth[]>('/api/sources')).body.find((s) => s.key === key)?.health;

  it('stores items without a guid, link or title once, however often the feed is fetched', async () => {
    await eventually(async () => (await postCount('notices')) === 4);
    await fetchAgain('notices', 'notices-again-1');
    await fetchAgain('notices', 'notices-again-2');
    expect(await postCount('notices')).toBe(4);
    const ids = await parley.db.query(
      `SELECT p.external_id FROM post p JOIN source s ON s.id = p.source_id WHERE s.key = 'notices'`,
    );
    for (const row of ids.rows) expect(row.external_id).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The fifth item carries nothing a post could show: the feed works, with a warning saying it was skipped.
    expect(await health('notices')).toMatchObject({
      lastError: null,
      consecutiveFailures: 0,
      lastWarning: 'item 5 has no id, link, title, text, date or author; skipped',
    });
  });

  it('stores the whole items of a cut-off feed and says so on the source, until the feed is whole again', async () => {
    await eventually(async () => (await postCount('cut')) === 2);
    expect(await health('cut')).toMatchObject({
      lastError: null,
      lastWarning: 'the document was cut off after item 2; the well-formed part was read',
    });
    cutBody = whole;
    await fetchAgain('cut', 'cut-whole');
    expect(await postCount('cut')).toBe(3);
    expect(await health('cut')).toMatchObject({ lastError: null, lastWarning: null });
  });
});
