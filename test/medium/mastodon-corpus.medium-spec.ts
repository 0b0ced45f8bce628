import { describe } from 'vitest';
import {
  MASTODON_CORPUS,
  loadMastodonCorpus,
} from '../../libs/ingest/src/connectors/test-support/mastodon-corpus';
import type { FixtureStatus } from '../../libs/ingest/src/connectors/test-support/mastodon-instance';
import { replaysTimeline } from './mastodon-replay';

describe.skipIf(!MASTODON_CORPUS.present)(
  'Mastodon: the recorded public timeline of the shared corpus, replayed',
  () => {
    replaysTimeline(
      () => loadMastodonCorpus().get('/api/v1/timelines/public?') as FixtureStatus[],
      'television OR internet',
    );
  },
);
