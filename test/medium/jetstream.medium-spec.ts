import { describe } from 'vitest';
import { loadJetstreamFixture } from '../../libs/ingest/src/connectors/test-support/jetstream-server';
import { replaysJetstream } from './jetstream-replay';

describe("Bluesky Jetstream: the project's fixture events replayed over a local WebSocket", () => {
  replaysJetstream(loadJetstreamFixture);
});
