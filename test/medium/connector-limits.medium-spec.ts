import { POST_LIMITS } from '@parley/domain';
import { eventually, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../libs/ingest/src/connectors/test-support/fixtures';
import {
  timelinePage,
  type FixtureStatus,
} from '../../libs/ingest/src/connectors/test-support/mastodon-instance';
import { startParley, type Parley } from './harness';

// One status of a real timeline made as large as a hostile server could: every field far past Parley's limits.
const statuses = (fixture('mastodon/timeline-tag-passports.json') as FixtureStatus[]).map((status, i) =>
  i === 0
    ? {
        ...status,
        content: `<p>${'passport renewal '.repeat(12_000)}</p>`,
        spoiler_text: 'Passports '.repeat(300),
        account: { ...status.account, display_name: 'R'.repeat(5_000) },
      }
    : status,
);

describe('posts from API sources are cut to the same limits as feed items', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    server = await startFixtureServer({
      '/api/v1/timelines/public': (req, res) => {
        const page = timelinePage(statuses, new URL(req.url ?? '/', 'http://127.0.0.1'));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
      },
    });
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      sources: [
        { key: 'instance', type: 'mastodon', url: server.url('/api/v1/timelines/public'), interval: '1h' },
      ],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('stores a Mastodon status whose fields are far too long cut to the limits, and says so on the source', async () => {
    const rows = await eventually(async () => {
      const { rows } = await parley.db.query(
        `SELECT length(p.title) AS title, length(p.text) AS text, length(p.author_name) AS author
         FROM post p JOIN source s ON s.id = p.source_id WHERE s.key = 'instance'`,
      );
      return rows.length === statuses.length && rows;
    });
    const longest = (field: 'title' | 'text' | 'author') =>
      Math.max(...rows.map((r) => Number(r[field] ?? 0)));
    expect(longest('title')).toBeLessThanOrEqual(POST_LIMITS.titleChars);
    expect(longest('text')).toBeLessThanOrEqual(POST_LIMITS.textChars);
    expect(longest('author')).toBeLessThanOrEqual(POST_LIMITS.authorChars);
    const health = await parley.db.query(
      `SELECT last_error, last_warning FROM source WHERE key = 'instance'`,
    );
    expect(health.rows[0]).toMatchObject({
      last_error: null,
      last_warning: expect.stringContaining("1 post was cut to Parley's limits"),
    });
  });
});
