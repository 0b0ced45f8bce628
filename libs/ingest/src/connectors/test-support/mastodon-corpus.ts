import { sharedCorpus } from '@parley/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The recorded Mastodon responses in ../shared/corpora/mastodon, each `{ request, response }`. */
export const MASTODON_CORPUS = sharedCorpus('mastodon');

type Recording = { request: string; response: unknown };

/**
 * A lookup key for a request that ignores `limit` and the host: the corpus was recorded with other page sizes
 * against localhost:3000, and the connector asks for 40 from the test server.
 */
export const replayKey = (url: URL): string => {
  const query = [...url.searchParams.entries()]
    .filter(([name]) => name !== 'limit')
    .map(([name, value]) => `${name}=${value}`);
  return `${url.pathname}?${query.sort().join('&')}`;
};

/** Every recording by key; where the corpus recorded a request twice, the later recording answers. */
export const loadMastodonCorpus = (): Map<string, unknown> => {
  const byKey = new Map<string, unknown>();
  for (const file of readdirSync(MASTODON_CORPUS.dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const recording = JSON.parse(readFileSync(join(MASTODON_CORPUS.dir, file), 'utf8')) as Recording;
    byKey.set(replayKey(new URL(recording.request)), recording.response);
  }
  return byKey;
};
