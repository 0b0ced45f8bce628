import { describe } from 'vitest';
import {
  JETSTREAM_CORPUS,
  loadJetstreamEvents,
} from '../../libs/ingest/src/connectors/test-support/jetstream-corpus';
import { replaysJetstream } from './jetstream-replay';

describe.skipIf(!JETSTREAM_CORPUS.present)(
  'Bluesky Jetstream: 152 events of the shared corpus replayed over a local WebSocket',
  () => {
    replaysJetstream(() => loadJetstreamEvents('events_152.jsonl'));
  },
);
