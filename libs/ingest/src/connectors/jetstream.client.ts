import { DomainError, isDomainError } from '@parley/domain';
import WebSocket, { type RawData } from 'ws';
import { guardedLookup, refusalForLiteralHost } from '../address-guard';
import { parseAllowlist, type FetchAllowlist } from '../fetch-allowlist';
import { FetchError } from '../fetch-error';
import { describeUrl, formatDuration } from '../fetch-format';
import { parseJetstreamEvent, type JetstreamEvent } from './jetstream-event';

/** Events delivered together; `cursor` is the largest time_us in the batch, to store once the batch is stored. */
export type JetstreamBatch = { events: JetstreamEvent[]; cursor: number; skipped: number };

/** Events between `requestedCursor` and `firstEventTimeUs` were not replayed and are lost. */
export type JetstreamGap = { requestedCursor: number; firstEventTimeUs: number; missingUs: number };

export type JetstreamOptions = {
  /** e.g. wss://jetstream2.us-east.bsky.network/subscribe */
  url: string;
  /** time_us to resume after, or null to start at the live tail. */
  cursor: number | null;
  wantedCollections: readonly string[];
  allowlist: string[];
  /** Awaited before the next batch; a rejection replays the batch after a reconnect. */
  onEvents: (batch: JetstreamBatch) => void | Promise<void>;
  onGap: (gap: JetstreamGap) => void;
  /** Connection trouble, for logs and source health; the client keeps reconnecting by itself. */
  onError: (error: DomainError) => void;
  batchSize?: number;
  batchMs?: number;
  gapSlackUs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  idleTimeoutMs?: number;
  maxPendingEvents?: number;
};

export type JetstreamSubscription = {
  /** The cursor of the last batch `onEvents` accepted. */
  cursor: () => number | null;
  /** Stops reconnecting, closes the socket and resolves once every received event has been delivered. */
  close: () => Promise<void>;
};

type Settings = Required<JetstreamOptions>;

const DEFAULTS = {
  batchSize: 200,
  batchMs: 250,
  // The rule: after (re)connecting with cursor C, a first event later than C + 30 s is a gap. Jetstream starts
  // from its oldest kept event when C is older than its retention, and the whole network's posts, likes and
  // reposts never fall silent for 30 s, so a jump that large is lost events, not a quiet spell.
  gapSlackUs: 30_000_000,
  reconnectMinMs: 1_000,
  reconnectMaxMs: 60_000,
  // The firehose sends many events a second; a minute of silence is a dead connection a TCP stack may not notice.
  idleTimeoutMs: 60_000,
  // Received but not yet stored; past this the socket is paused so a slow store cannot exhaust memory.
  maxPendingEvents: 5_000,
};

// An event is a few KiB; a much larger message is not Jetstream.
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The subscribe URL for a cursor; Jetstream takes one wantedCollections parameter per collection. */
export const jetstreamUrl = (base: string, collections: readonly string[], cursor: number | null): string => {
  const url = new URL(base);
  url.searchParams.delete('wantedCollections');
  url.searchParams.delete('cursor');
  for (const collection of collections) url.searchParams.append('wantedCollections', collection);
  if (cursor !== null) url.searchParams.set('cursor', String(cursor));
  return url.href;
};

const checkedUrl = (url: string): URL => {
  const parsed = URL.parse(url);
  if (parsed && (parsed.protocol === 'wss:' || parsed.protocol === 'ws:')) return parsed;
  throw new DomainError('invalid', `"${url}" is not a Jetstream URL; expected wss://HOST/subscribe`);
};

// Text frames arrive as one Buffer; the other shapes only occur for binary frames, which Jetstream does not send
// uncompressed, but are decoded rather than trusted.
const messageText = (data: RawData): string => {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
};

const connectionError = (error: Error, url: string): DomainError =>
  isDomainError(error)
    ? error
    : new FetchError(
        'fetch_failed',
        `Jetstream at ${describeUrl(url)} failed: ${error.message}; reconnecting`,
      );

/** One long-lived subscription: connection, batching, backpressure and reconnects. */
class JetstreamStream {
  private readonly allowlist: FetchAllowlist;
  private socket: WebSocket | null = null;
  // Bumped when a delivery fails, so batches queued behind the failed one are dropped and replayed.
  private generation = 0;
  private queue: JetstreamEvent[] = [];
  private skipped = 0;
  private pending = 0;
  private delivery: Promise<void> = Promise.resolve();
  private received: number | null;
  private delivered: number | null;
  private connectCursor: number | null = null;
  private awaitingFirst = true;
  private attempts = 0;
  private closed = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly settings: Settings) {
    this.allowlist = parseAllowlist(settings.allowlist);
    this.received = settings.cursor;
    this.delivered = settings.cursor;
  }

  cursor(): number | null {
    return this.delivered;
  }

  connect(): void {
    this.reconnectTimer = null;
    if (this.closed) return;
    const url = jetstreamUrl(this.settings.url, this.settings.wantedCollections, this.received);
    const refusal = refusalForLiteralHost(this.allowlist, new URL(url).hostname);
    if (refusal) return this.fail(refusal);
    this.connectCursor = this.received;
    this.awaitingFirst = true;
    const socket = new WebSocket(url, {
      // The SSRF guard checks the address actually connected to, as for every HTTP fetch.
      lookup: guardedLookup(this.allowlist),
      handshakeTimeout: 10_000,
      maxPayload: MAX_MESSAGE_BYTES,
      perMessageDeflate: false,
      headers: { 'user-agent': 'Parley social listening' },
    });
    socket.on('message', (data: RawData) => {
      // A socket being torn down can still hand over buffered messages; only the current one counts.
      if (socket === this.socket) this.receive(data);
    });
    socket.on('error', (error: Error) => {
      if (!this.closed) this.settings.onError(connectionError(error, url));
    });
    socket.on('close', () => this.onClose(socket));
    this.socket = socket;
    this.touchIdle();
  }

  private fail(error: DomainError): void {
    this.settings.onError(error);
    this.scheduleReconnect();
  }

  private receive(data: RawData): void {
    this.touchIdle();
    const event = parseJetstreamEvent(messageText(data));
    if (!event) return void (this.skipped += 1);
    if (this.awaitingFirst) this.firstEvent(event);
    this.queue.push(event);
    this.pending += 1;
    this.received = Math.max(this.received ?? 0, event.time_us);
    if (this.queue.length >= this.settings.batchSize) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), this.settings.batchMs);
    if (this.pending >= this.settings.maxPendingEvents) this.socket?.pause();
  }

  private firstEvent(event: JetstreamEvent): void {
    this.awaitingFirst = false;
    this.attempts = 0;
    const requested = this.connectCursor;
    if (requested !== null && event.time_us - requested > this.settings.gapSlackUs)
      this.settings.onGap({
        requestedCursor: requested,
        firstEventTimeUs: event.time_us,
        missingUs: event.time_us - requested,
      });
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.queue.length === 0) return;
    const events = this.queue;
    const cursor = events.reduce((newest, event) => Math.max(newest, event.time_us), 0);
    const batch = { events, cursor, skipped: this.skipped };
    const generation = this.generation;
    this.queue = [];
    this.skipped = 0;
    this.delivery = this.delivery.then(() => this.deliver(batch, generation));
  }

  private async deliver(batch: JetstreamBatch, generation: number): Promise<void> {
    try {
      if (generation !== this.generation) return;
      await this.settings.onEvents(batch);
      this.delivered = Math.max(this.delivered ?? 0, batch.cursor);
    } catch (error) {
      this.restartAfterFailedDelivery(error);
    } finally {
      this.pending -= batch.events.length;
      if (this.socket?.isPaused && this.pending < this.settings.maxPendingEvents / 2) this.socket.resume();
    }
  }

  /** What was received after the last stored batch is dropped and asked for again from the stored cursor. */
  private restartAfterFailedDelivery(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.settings.onError(
      isDomainError(error)
        ? error
        : new DomainError('unavailable', `storing Jetstream events failed: ${message}; replaying them`),
    );
    this.generation += 1;
    this.pending -= this.queue.length;
    this.queue = [];
    this.received = this.delivered;
    const socket = this.socket;
    this.socket = null;
    this.stopIdle();
    socket?.terminate();
    this.scheduleReconnect();
  }

  private onClose(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.stopIdle();
    this.socket = null;
    this.flush();
    if (!this.closed) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const { reconnectMinMs, reconnectMaxMs } = this.settings;
    const ceiling = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** this.attempts);
    // Jitter, so many workers cut off together do not all come back in the same instant.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private stopIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private touchIdle(): void {
    if (this.idleTimer) return void this.idleTimer.refresh();
    this.idleTimer = setTimeout(() => {
      const silence = formatDuration(this.settings.idleTimeoutMs);
      this.settings.onError(
        new FetchError('fetch_failed', `Jetstream sent nothing for ${silence}; reconnecting`),
      );
      this.socket?.terminate();
    }, this.settings.idleTimeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    if (socket) {
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const force = setTimeout(() => socket.terminate(), 2_000);
      socket.close(1000);
      await closed;
      clearTimeout(force);
    }
    this.flush();
    await this.delivery;
  }
}

/**
 * Subscribes to Bluesky's Jetstream: events arrive in batches (every `batchSize` events or `batchMs`),
 * delivered one batch at a time; the connection is re-opened with backoff from the last received event.
 */
export const subscribeJetstream = (options: JetstreamOptions): JetstreamSubscription => {
  checkedUrl(options.url);
  const stream = new JetstreamStream({ ...DEFAULTS, ...options });
  stream.connect();
  return { cursor: () => stream.cursor(), close: () => stream.close() };
};
