import { describe } from 'vitest';
import {
  mastodonFixture,
  type FixtureStatus,
} from '../../libs/ingest/src/connectors/test-support/mastodon-instance';
import { replaysTimeline } from './mastodon-replay';

describe("Mastodon: the project's fixture timeline, replayed", () => {
  replaysTimeline(() => mastodonFixture<FixtureStatus[]>('timeline-tag-passports'), 'passport*');
});
