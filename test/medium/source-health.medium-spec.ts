import type { SourceWithHealth } from '@parley/contracts';
import { eventually, rssFeed, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchSourceHandler } from '../../apps/worker/src/handlers/fetch-source.handler';
import { startParley, type Parley } from './harness';

// The reported reproduction: the channel's <title> swallows the only item, and the document ends unclosed.
const MALFORMED = '<rss version="2.0"><channel><title>bad<item><guid>m1</title></channel>';

const SKIPPED_ITEM = rssFeed('Notices', [
  { guid: 'n1', title: 'Bin collections', description: 'Collections move to Tuesday.' },
]).replace('</channel>', '<item><category>Nothing a post carries</category></item></channel>');

const blog = (base: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Blog</title>
${['read', 'gone', 'broken']
  .map(
    (
      slug,
    ) => `<item><guid>${slug}</guid><title>Post ${slug}</title><link>https://blog.example.org/${slug}</link>
<description>About ${slug}.</description><wfw:commentRss>${base}/${slug}/comments</wfw:commentRss></item>`,
  )
  .join('\n')}
</channel></rss>`;

describe("a source's health: failed, worked with a warning, or worked", () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    server = await startFixtureServer({
      '/skipped.xml': (_req, res) => void res.writeHead(200).end(SKIPPED_ITEM),
      '/malformed.xml': (_req, res) => void res.writeHead(200).end(MALFORMED),
      '/blog.xml': (_req, res) => void res.writeHead(200).end(blog(server.url(''))),
      '/read/comments': (_req, res) =>
        void res
          .writeHead(200)
          .end(rssFeed('Comments', [{ guid: 'c1', title: 'By: Sam', description: 'Useful, thanks.' }])),
      '/broken/comments': (_req, res) => void res.writeHead(200).end(MALFORMED),
    });
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      sources: ['skipped', 'malformed', 'blog'].map((key) => ({
        key,
        type: 'feed',
        url: server.url(`/${key}.xml`),
        interval: '1h',
      })),
    });
    expect(applied.status).toBe(200);
    for (const row of (await parley.db.query(`SELECT id, key FROM source`)).rows) ids.set(row.key, row.id);
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  const fetch = (key: string) => parley.worker.get(FetchSourceHandler).handle(ids.get(key) ?? '');
  const health = async (key: string) =>
    (await parley.admin.get<SourceWithHealth[]>('/api/sources')).body.find((s) => s.key === key)?.health;

  it('keeps a feed with a skipped item working, with a warning, on every quiet re-poll', async () => {
    await eventually(async () => (await health('skipped'))?.postCount === 1);
    for (let i = 0; i < 3; i++) await fetch('skipped');
    expect(await health('skipped')).toMatchObject({
      lastError: null,
      consecutiveFailures: 0,
      lastWarning: 'item 2 has no id, link, title, text, date or author; skipped',
      postCount: 1,
    });
  });

  it('records a feed that is not well-formed, with no item read, as a failure saying where', async () => {
    await expect(fetch('malformed')).rejects.toThrow(/not well-formed/);
    expect(await health('malformed')).toMatchObject({
      lastError:
        'the feed is not well-formed XML: <item> opened at line 1 inside <title> is never closed; nothing could be read',
      consecutiveFailures: expect.any(Number),
      postCount: 0,
    });
    expect((await health('malformed'))?.consecutiveFailures).toBeGreaterThanOrEqual(1);
  });

  it("puts comment feeds that could not be read on the blog's health as a warning", async () => {
    await eventually(async () => (await health('blog'))?.postCount === 4);
    await fetch('blog');
    const { lastError, lastWarning, consecutiveFailures } = (await health('blog')) ?? {};
    expect([lastError, consecutiveFailures]).toEqual([null, 0]);
    expect(lastWarning).toMatch(/^comments of 2 posts could not be read: /);
    expect(lastWarning).toMatch(/https:\/\/blog\.example\.org\/gone \([^)]*answered 404 Not Found/);
    expect(lastWarning).toContain(
      'https://blog.example.org/broken (the feed is not well-formed XML: <item> opened at line 1 inside <title> is never closed; nothing could be read)',
    );
  });
});
