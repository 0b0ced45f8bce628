import type { Config } from '@parley/config';
import type { NormalisedFeed } from '@parley/domain';
import { fetchUrl, normaliseFeed } from '@parley/ingest';
import { readFile } from 'node:fs/promises';

const load = async (target: string, config: Config): Promise<{ body: Buffer; sourceUrl: string }> => {
  if (/^https?:\/\//i.test(target)) {
    const response = await fetchUrl(target, { allowlist: config.fetchAllowlist });
    return { body: response.body, sourceUrl: response.url };
  }
  return { body: await readFile(target), sourceUrl: `file://${target}` };
};

const report = (feed: NormalisedFeed) => ({
  feed: feed.feed,
  posts: feed.posts.map((p) => ({
    externalId: p.externalId,
    url: p.url,
    title: p.title,
    author: { name: p.author.name, handle: p.author.handle },
    publishedAt: p.publishedAt?.toISOString() ?? null,
    text: p.text,
    inReplyTo: p.inReplyTo,
  })),
  errors: feed.errors,
  recovered: feed.recovered ?? null,
});

/** Prints what Parley would store from a feed (URL or file), writing nothing: why is this source silent? */
export const feedInspectCommand = async (target: string, config: Config): Promise<boolean> => {
  try {
    const { body, sourceUrl } = await load(target, config);
    console.log(JSON.stringify(report(normaliseFeed(body, { sourceUrl })), null, 2));
    return true;
  } catch (error) {
    console.log(JSON.stringify({ feed: null, posts: [], errors: [(error as Error).message] }, null, 2));
    return false;
  }
};
