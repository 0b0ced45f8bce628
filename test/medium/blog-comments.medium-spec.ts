import type { ConversationDetail, ConversationPage } from '@parley/contracts';
import { eventually, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

const day = (d: number, h = 9) => new Date(Date.UTC(2026, 10, d, h)).toUTCString();

const blog = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Education blog</title><link>https://educationhub.blog.gov.uk/</link>
<item><title>Changes to student loan repayment thresholds</title><link>https://educationhub.blog.gov.uk/2026/11/loans/</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=101</guid><dc:creator>Education team</dc:creator>
<pubDate>${day(16)}</pubDate><description>What the new thresholds mean for graduates.</description>
<wfw:commentRss>${base}/loans/feed/</wfw:commentRss><slash:comments>3</slash:comments></item>
</channel></rss>`;

const comments = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments on: loans</title>
<item><title>By: Priya</title><link>https://educationhub.blog.gov.uk/2026/11/loans/#comment-1</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=101#comment-1</guid><dc:creator>Priya</dc:creator>
<pubDate>${day(16, 10)}</pubDate><description>Does the new student loan threshold apply to Plan 2 loans too?</description></item>
<item><title>By: DfE Press Office</title><link>https://educationhub.blog.gov.uk/2026/11/loans/#comment-2</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=101#comment-2</guid><dc:creator>DfE Press Office</dc:creator>
<pubDate>${day(16, 12)}</pubDate><description>Yes: the guidance on GOV.UK covers Plan 2.</description></item>
<item><title>By: Money news</title><link>https://news.example.org/loans</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=101#comment-3</guid><dc:creator>Money news</dc:creator>
<pubDate>${day(17)}</pubDate><description>[…] the department explained the thresholds on its blog […]</description></item>
</channel></rss>`;

describe('blog comment threads', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    server = await startFixtureServer({
      '/blog.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(blog(server.url('')));
      },
      '/loans/feed/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(comments);
      },
    });
    parley = await startParley();
    await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          accounts: [
            { platform: 'web', handle: 'Education team', site: 'educationhub.blog.gov.uk' },
            { platform: 'web', handle: 'DfE Press Office', site: 'educationhub.blog.gov.uk' },
          ],
          rules: [{ key: 'loans', name: 'Student loans', query: 'student loan' }],
        },
      ],
      sources: [
        { key: 'edu-blog', type: 'feed', url: server.url('/blog.xml'), interval: '1h', department: 'dfe' },
      ],
    });
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  // The department wrote the post, so its first response counts from the first public comment (10:00 → 12:00).
  it('files the comments under their post as one conversation, marks pingbacks and the department reply', async () => {
    const page = await eventually(async () => {
      const { body } = await parley.admin.get<ConversationPage>('/api/conversations?department=dfe');
      return body.items[0]?.postCount === 4 && body.items[0].engagement !== null && body;
    });
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item.title).toBe('Changes to student loan repayment thresholds');
    expect(item.engagement).toEqual({
      department: 'dfe',
      firstResponseAt: expect.any(String),
      firstResponseSeconds: 7200,
    });

    const detail = (await parley.admin.get<ConversationDetail>(`/api/conversations/${item.id}`)).body;
    expect(detail.posts.map((p) => [p.author.name, p.byDepartment])).toEqual([
      ['Education team', 'dfe'],
      ['Priya', null],
      ['DfE Press Office', 'dfe'],
      ['Money news', null],
    ]);
    const root = detail.posts[0].id;
    expect(detail.posts.slice(1).every((p) => p.inReplyTo === root)).toBe(true);
    const kinds = await parley.db.query(`SELECT author_name, kind FROM post ORDER BY published_at`);
    expect(kinds.rows.map((r) => r.kind)).toEqual(['post', 'comment', 'comment', 'pingback']);
  });
});
