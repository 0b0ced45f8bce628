import { JobProducer, TAG_WINDOW } from '@parley/jobs';
import { eventually, rssFeed, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TagProcessor } from '../../apps/api/src/modules/tagging/tag.processor';
import { startParley, type Parley } from './harness';

const BURST = 30_000;

describe('a burst of stored but untagged conversations', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The periodic sweep (every 60 s) does nothing here, so only continuous draining can tag the burst, however
  // slowly this machine runs.
  const sweeps = vi
    .spyOn(TagProcessor.prototype as unknown as { sweep: () => Promise<void> }, 'sweep')
    .mockResolvedValue(undefined);

  beforeAll(async () => {
    server = await startFixtureServer({
      // The source's first fetch waits here while the burst is written, as if it had arrived by another way.
      '/quiet.xml': async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Quiet forum', []));
      },
    });
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'student-loans', name: 'Student loans', query: 'student loan' }],
        },
      ],
      sources: [
        { key: 'quiet', name: 'Quiet forum', type: 'feed', url: server.url('/quiet.xml'), interval: '1h' },
      ],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    release();
    await parley?.close();
    await server?.close();
  });

  it('tags all of it continuously, once each, holding only a bounded window of jobs in Redis', async () => {
    const { db } = parley;
    // Every write of a conversation's tagged version, to show none was tagged twice.
    await db.query(`CREATE TABLE tag_write (conversation_id bigint NOT NULL, version int NOT NULL)`);
    await db.query(`CREATE FUNCTION record_tag_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO tag_write VALUES (NEW.id, NEW.tagged_version); RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER tag_write AFTER UPDATE OF tagged_version ON conversation
      FOR EACH ROW EXECUTE FUNCTION record_tag_write()`);
    const [{ id: sourceId }] = (await db.query(`SELECT id FROM source WHERE key = 'quiet'`)).rows;
    await db.query(
      `INSERT INTO conversation (source_id, root_external_id, title, post_count, participant_count, started_at,
         last_activity_at)
       SELECT $1, 'burst-' || g, 'Student loan question ' || g, 1, 1, now(), now() FROM generate_series(1, $2) g`,
      [sourceId, BURST],
    );
    await db.query(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, title, text, author_name, published_at)
       SELECT source_id, root_external_id, id, 'web', title, 'How do I repay my student loan?', 'citizen', now()
       FROM conversation WHERE source_id = $1`,
      [sourceId],
    );
    release();

    const tagQueue = parley.api.get(JobProducer).queue('tag');
    let mostJobs = 0;
    await eventually(async () => {
      const counts = await tagQueue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
      mostJobs = Math.max(mostJobs, counts.waiting + counts.prioritized + counts.delayed + counts.active);
      const [{ pending }] = (
        await db.query(
          `SELECT count(*)::int AS pending FROM conversation WHERE content_version > tagged_version`,
        )
      ).rows;
      return pending === 0;
    }, 150_000);

    // Only the start-up sweep ran, before the burst was stored.
    expect(sweeps).toHaveBeenCalledTimes(1);
    expect(mostJobs).toBeGreaterThan(0);
    expect(mostJobs).toBeLessThanOrEqual(TAG_WINDOW);
    const writes = (
      await db.query(
        `SELECT count(*)::int AS total, count(DISTINCT conversation_id)::int AS conversations,
           count(*) FILTER (WHERE version <> 1)::int AS other FROM tag_write`,
      )
    ).rows[0];
    expect(writes).toEqual({ total: BURST, conversations: BURST, other: 0 });
    const [{ opportunities }] = (
      await db.query(
        `SELECT count(*)::int AS opportunities FROM opportunity o JOIN department d ON d.id = o.department_id
         WHERE d.key = 'dfe'`,
      )
    ).rows;
    expect(opportunities).toBe(BURST);
  }, 200_000);
});
