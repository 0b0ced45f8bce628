import { afterEach, describe, expect, it } from 'vitest';
import { FeedParsePool } from './feed-parse-pool';

const context = { sourceUrl: 'https://blog.example.gov.uk/feed.xml' };
const rss = (items: string) => `<rss version="2.0"><channel><title>x</title>${items}</channel></rss>`;
const manyItems = (count: number, text = ''): string =>
  rss(
    Array.from(
      { length: count },
      (_, i) => `<item><guid>g${i}</guid><title>t${i}</title><description>${text}</description></item>`,
    ).join(''),
  );
// About 10 MB of feed, whose parse needs far more than 16 MB.
const LARGE = manyItems(5_000, 'words of a long post '.repeat(100));

// Each test starts threads that compile the ingest sources first, which takes seconds on a busy machine.
describe('FeedParsePool', { timeout: 30_000 }, () => {
  let pool: FeedParsePool | undefined;
  afterEach(async () => pool?.onModuleDestroy());

  it('answers what normaliseFeed does, from a worker thread', async () => {
    pool = new FeedParsePool({ threads: 1 });
    const feed = await pool.parse(
      Buffer.from(rss('<item><guid>a</guid><title>Hello</title></item>')),
      context,
    );
    expect(feed.posts).toMatchObject([{ externalId: 'a', title: 'Hello' }]);
  });

  it('gives back a feed that cannot be read as the DomainError normaliseFeed throws', async () => {
    pool = new FeedParsePool({ threads: 1 });
    await expect(pool.parse('<html><body>Not found</body></html>', context)).rejects.toMatchObject({
      name: 'DomainError',
      code: 'parse_failed',
      message: expect.stringContaining('not an RSS, Atom, RDF or JSON feed'),
    });
  });

  it('ends a parse past its time limit and says so', async () => {
    pool = new FeedParsePool({ threads: 1, timeLimitMs: 1 });
    await expect(pool.parse(manyItems(5_000), context)).rejects.toThrow(
      'the feed took longer than 0.001 s to read; it was skipped',
    );
  });

  it('parses the next feed on a fresh thread after one was ended', async () => {
    pool = new FeedParsePool({ threads: 1, memoryLimitMb: 16 });
    await expect(pool.parse(LARGE, context)).rejects.toThrow('more than 16 MB');
    expect((await pool.parse(manyItems(1), context)).posts).toHaveLength(1);
  });

  it('fails a parse past its memory limit and says so', async () => {
    pool = new FeedParsePool({ threads: 1, memoryLimitMb: 16 });
    await expect(pool.parse(LARGE, context)).rejects.toThrow(
      'the feed needed more than 16 MB of memory to read; it was skipped',
    );
  });
});
