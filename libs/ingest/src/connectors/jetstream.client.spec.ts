import type { DomainError } from '@parley/domain';
import { afterEach, describe, expect, it } from 'vitest';
import {
  subscribeJetstream,
  type JetstreamBatch,
  type JetstreamGap,
  type JetstreamOptions,
  type JetstreamSubscription,
} from './jetstream.client';
import { parseJetstreamEvent, type JetstreamEvent } from './jetstream-event';
import { JETSTREAM_COLLECTIONS, normaliseJetstreamEvents } from './jetstream.normaliser';
import { JETSTREAM_CORPUS, loadJetstreamEvents } from './test-support/jetstream-corpus';
import {
  loadJetstreamFixture,
  startJetstreamReplay,
  type JetstreamReplay,
  type WireEvent,
} from './test-support/jetstream-server';

// Commits outside the wanted collections never leave the server; identity and account events always do.
const wantedOf = (events: WireEvent[]) =>
  events.filter(
    (event) =>
      event.collection === null || (JETSTREAM_COLLECTIONS as readonly string[]).includes(event.collection),
  );

type Recorder = {
  batches: JetstreamBatch[];
  gaps: JetstreamGap[];
  errors: DomainError[];
  timeUs: () => number[];
};

const recorder = (): Recorder => {
  const batches: JetstreamBatch[] = [];
  return {
    batches,
    gaps: [],
    errors: [],
    timeUs: () => batches.flatMap((batch) => batch.events.map((event) => event.time_us)),
  };
};

let replay: JetstreamReplay | null = null;
let subscription: JetstreamSubscription | null = null;

afterEach(async () => {
  await subscription?.close();
  await replay?.close();
  subscription = null;
  replay = null;
});

const waitFor = async (check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const subscribe = (server: JetstreamReplay, seen: Recorder, overrides: Partial<JetstreamOptions> = {}) => {
  subscription = subscribeJetstream({
    url: server.url,
    cursor: null,
    wantedCollections: JETSTREAM_COLLECTIONS,
    allowlist: ['127.0.0.1'],
    onEvents: (batch) => void seen.batches.push(batch),
    onGap: (gap) => void seen.gaps.push(gap),
    onError: (error) => void seen.errors.push(error),
    batchSize: 50,
    batchMs: 20,
    reconnectMinMs: 10,
    reconnectMaxMs: 50,
    ...overrides,
  });
  return subscription;
};

const parsed = (line: string): JetstreamEvent => {
  const event = parseJetstreamEvent(line);
  if (!event) throw new Error(`event did not parse: ${line.slice(0, 80)}`);
  return event;
};

type Replayed = {
  /** Every event, and a small file of every event shape. */
  firehose: () => WireEvent[];
  golden: () => WireEvent[];
  /** Wanted events delivered before the resume cursor, and before the server drops the first connection. */
  resumeAfter: number;
  dropAfter: number;
  /** Small enough that the firehose arrives in several batches. */
  batchSize: number;
};

/** The client's tests, run on each set of events. */
const replays = (events: Replayed) => {
  const { firehose, golden, resumeAfter, dropAfter, batchSize } = events;
  it('asks for the wanted collections and delivers every event in small batches with their cursor', async () => {
    replay = await startJetstreamReplay(firehose());
    const seen = recorder();
    const expected = wantedOf(firehose()).map((event) => event.timeUs);
    subscribe(replay, seen, { batchSize });
    await waitFor(() => seen.timeUs().length === expected.length, 'all events');
    expect(replay.connections[0].getAll('wantedCollections')).toEqual([...JETSTREAM_COLLECTIONS]);
    expect(replay.connections[0].has('cursor')).toBe(false);
    expect(seen.timeUs()).toEqual(expected);
    expect(seen.batches.length).toBeGreaterThan(2);
    for (const batch of seen.batches) {
      expect(batch.events.length).toBeLessThanOrEqual(batchSize);
      expect(batch.cursor).toBe(Math.max(...batch.events.map((event) => event.time_us)));
    }
    expect(subscription?.cursor()).toBe(expected[expected.length - 1]);
    expect(seen.gaps).toEqual([]);
  });

  it('normalises the delivered events as it would the file itself', async () => {
    replay = await startJetstreamReplay(golden());
    const seen = recorder();
    subscribe(replay, seen);
    const wanted = wantedOf(golden());
    await waitFor(() => seen.timeUs().length === wanted.length, 'the events');
    const changes = normaliseJetstreamEvents(seen.batches.flatMap((batch) => batch.events));
    expect(changes.posts.length + changes.increments.length).toBeGreaterThan(0);
    expect(changes).toEqual(normaliseJetstreamEvents(wanted.map((event) => parsed(event.line))));
  });

  it('resumes after a stored cursor and receives only later events', async () => {
    replay = await startJetstreamReplay(firehose());
    const seen = recorder();
    const wanted = wantedOf(firehose());
    const cursor = wanted[resumeAfter - 1].timeUs;
    subscribe(replay, seen, { cursor });
    await waitFor(() => seen.timeUs().length === wanted.length - resumeAfter, 'the events after the cursor');
    expect(replay.connections[0].get('cursor')).toBe(String(cursor));
    expect(seen.timeUs()).toEqual(wanted.slice(resumeAfter).map((event) => event.timeUs));
    expect(seen.gaps).toEqual([]);
  });

  it('reconnects after the server drops it, from the last event received, losing and repeating nothing', async () => {
    replay = await startJetstreamReplay(firehose(), dropAfter);
    const seen = recorder();
    const wanted = wantedOf(firehose());
    subscribe(replay, seen);
    await waitFor(() => seen.timeUs().length >= wanted.length, 'the events of both connections');
    expect(replay.connections).toHaveLength(2);
    expect(replay.connections[1].get('cursor')).toBe(String(wanted[dropAfter - 1].timeUs));
    expect(seen.timeUs()).toEqual(wanted.map((event) => event.timeUs));
  });

  it('reports a gap when the first event is far past the requested cursor', async () => {
    replay = await startJetstreamReplay(firehose());
    const seen = recorder();
    const first = wantedOf(firehose())[0].timeUs;
    subscribe(replay, seen, { cursor: first - 60_000_000 });
    await waitFor(() => seen.gaps.length === 1, 'the gap');
    expect(seen.gaps[0]).toEqual({
      requestedCursor: first - 60_000_000,
      firstEventTimeUs: first,
      missingUs: 60_000_000,
    });
  });

  it('replays a batch the caller failed to store', async () => {
    replay = await startJetstreamReplay(firehose());
    const seen = recorder();
    let failures = 0;
    subscribe(replay, seen, {
      onEvents: (batch) => {
        if (failures++ === 0) throw new Error('database is restarting');
        seen.batches.push(batch);
      },
    });
    const wanted = wantedOf(firehose()).map((event) => event.timeUs);
    await waitFor(() => seen.timeUs().length >= wanted.length, 'the replayed events');
    expect(seen.errors.map((error) => error.message)).toContain(
      'storing Jetstream events failed: database is restarting; replaying them',
    );
    expect(replay.connections.length).toBeGreaterThanOrEqual(2);
    expect(replay.connections[1].has('cursor')).toBe(false);
    expect(new Set(seen.timeUs()).size).toBe(wanted.length);
  });

  it('refuses a private address that is not allowlisted, and keeps reporting instead of connecting', async () => {
    replay = await startJetstreamReplay(golden());
    const seen = recorder();
    subscribe(replay, seen, { allowlist: [] });
    await waitFor(() => seen.errors.length >= 2, 'repeated refusals');
    expect(seen.errors[0]).toMatchObject({
      code: 'fetch_refused',
      message: expect.stringContaining('PARLEY_FETCH_ALLOWLIST'),
    });
    expect(replay.connections).toHaveLength(0);
  });

  it('treats a silent connection as dead and opens a new one', async () => {
    replay = await startJetstreamReplay([]);
    const seen = recorder();
    subscribe(replay, seen, { idleTimeoutMs: 100 });
    await waitFor(() => (replay?.connections.length ?? 0) >= 2, 'a second connection');
    expect(seen.errors[0].message).toBe('Jetstream sent nothing for 100 ms; reconnecting');
  });
};

const fixture = loadJetstreamFixture();
describe("subscribeJetstream against a local replay of the project's fixture events", () => {
  replays({
    firehose: () => fixture,
    golden: () => fixture,
    resumeAfter: 6,
    dropAfter: 4,
    batchSize: 5,
  });

  it('rejects a URL that is not a WebSocket URL', () => {
    expect(() =>
      subscribeJetstream({
        url: 'https://jetstream.example/subscribe',
        cursor: null,
        wantedCollections: JETSTREAM_COLLECTIONS,
        allowlist: [],
        onEvents: () => undefined,
        onGap: () => undefined,
        onError: () => undefined,
      }),
    ).toThrow(/not a Jetstream URL; expected wss:\/\//);
  });
});

describe.skipIf(!JETSTREAM_CORPUS.present)(
  'subscribeJetstream against a local replay of the shared corpus',
  () => {
    // Loaded on first use: the describe body runs even when the corpus is absent and the tests are skipped.
    const load = (file: string) => {
      let events: WireEvent[] | null = null;
      return () => (events ??= loadJetstreamEvents(file));
    };
    replays({
      firehose: load('events_152.jsonl'),
      golden: load('events_10.jsonl'),
      resumeAfter: 100,
      dropAfter: 40,
      batchSize: 50,
    });
  },
);
