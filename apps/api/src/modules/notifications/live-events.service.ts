import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { AlertLiveEvent, LiveEvent } from '@parley/contracts';
import { DATA_SOURCE, iso, NotificationRepository } from '@parley/db';
import { departmentsAllowing } from '@parley/domain';
import { createBlockingRedis, liveChannel, REDIS, type LiveMessage } from '@parley/jobs';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';

/** Often enough that proxies and load balancers never close a quiet stream as idle. */
const HEARTBEAT_MS = 20_000;
/** How long the browser waits before reconnecting after the stream ends or drops. */
const RETRY_MS = 3_000;
/** Events a reconnecting stream is sent from Postgres; past that it is told to refetch everything. */
const CATCH_UP = 100;

type Stream = {
  userId: string;
  /** The departments it may hear about, fixed when it opened (null: every one, a workspace administrator). */
  departmentIds: ReadonlySet<string> | null;
  write: (chunk: string) => void;
  end: () => void;
};

const frame = (event: string, data: unknown, id?: string): string =>
  `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * The live streams of this api instance (`GET /api/events`). Whoever fans out the opportunity_event outbox
 * publishes each event on Redis; every api instance hears it and passes it to its streams that may read the
 * event's department, so a page refetches what changed. A stream's rights are those of the moment it opened, and
 * a stream lasts at most `stay` seconds, so a membership removed takes effect when it reconnects.
 */
@Injectable()
export class LiveEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly streams = new Set<Stream>();
  private subscriber: Redis | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    // A subscribed connection can send nothing else, and waits out an outage; ioredis subscribes again itself.
    this.subscriber = createBlockingRedis(this.redis);
    this.subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
    this.subscriber.on('error', (error: Error) =>
      this.logger.warn({ message: 'live events subscription', error: error.message }),
    );
    await this.subscriber.subscribe(liveChannel(this.config.queuePrefix));
  }

  onModuleDestroy(): void {
    // Open streams would hold the HTTP server open; browsers reconnect to another instance.
    for (const stream of this.streams) stream.end();
    this.subscriber?.disconnect();
  }

  /** Starts a stream on `res`: what was missed since `lastEventId` first, then live events until `staySeconds`. */
  async open(
    auth: AuthContext,
    res: Response,
    lastEventId: string | null,
    staySeconds: number,
  ): Promise<void> {
    const allowed = departmentsAllowing(auth, 'department.read');
    const missed = lastEventId
      ? await this.notifications.eventsSince(this.dataSource, lastEventId, allowed, CATCH_UP + 1)
      : [];
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream until it closes.
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    if (missed.length > CATCH_UP) res.write(frame('reset', {}));
    else
      for (const row of missed)
        res.write(frame('opportunity', { ...row, at: iso(row.at) as string } satisfies LiveEvent, row.id));
    if (staySeconds === 0) {
      res.end();
      return;
    }
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const closing = setTimeout(() => res.end(), staySeconds * 1000);
    const stream: Stream = {
      userId: auth.userId,
      departmentIds: allowed ? new Set(allowed) : null,
      write: (chunk) => res.write(chunk),
      end: () => res.end(),
    };
    this.streams.add(stream);
    res.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(closing);
      this.streams.delete(stream);
    });
  }

  private dispatch(raw: string): void {
    let message: LiveMessage;
    try {
      message = JSON.parse(raw) as LiveMessage;
    } catch {
      return;
    }
    if (message.type === 'opportunity') {
      const { departmentId, ...event } = message.event;
      this.toDepartment(departmentId, frame('opportunity', event satisfies LiveEvent, event.id));
    } else if (message.type === 'alert') {
      // No id: Last-Event-ID replays opportunity events; a reconnecting page refetches its alerts instead.
      this.toDepartment(message.departmentId, frame('alert', message.event satisfies AlertLiveEvent));
    } else {
      const told = new Set(message.userIds);
      for (const stream of this.streams) if (told.has(stream.userId)) stream.write(frame('notification', {}));
    }
  }

  private toDepartment(departmentId: string, chunk: string): void {
    for (const stream of this.streams)
      if (!stream.departmentIds || stream.departmentIds.has(departmentId)) stream.write(chunk);
  }
}
