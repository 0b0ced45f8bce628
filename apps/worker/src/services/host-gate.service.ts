import { REDIS } from '@parley/jobs';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { DomainError } from '@parley/domain';
import { RedisLease } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

const WAIT_MS = 30_000;
const POLL_MS = 250;

/**
 * Politeness across every worker process: one request at a time per host (a Redis lock), and a host that asked
 * us to slow down (Retry-After) is left alone until the time it gave.
 */
@Injectable()
export class HostGate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * The lock lives as long as a job lock and is renewed while the work runs, so a crashed worker's lock frees
   * the host about as soon as BullMQ hands its job to another worker.
   */
  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const lease = new RedisLease(this.redis, this.key('lock', host), this.config.jobLockMs);
    await this.acquire(lease, host);
    try {
      return await work();
    } finally {
      await lease.release();
    }
  }

  async coolDown(host: string, ms: number): Promise<void> {
    await this.redis.set(this.key('cooldown', host), '1', 'PX', Math.max(1, Math.min(ms, 86_400_000)));
  }

  private async acquire(lease: RedisLease, host: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const coolingMs = await this.redis.pttl(this.key('cooldown', host));
      if (coolingMs > 0) {
        if (Date.now() + coolingMs > deadline) {
          throw new DomainError(
            'fetch_failed',
            `${host} asked us to wait (Retry-After) until ${new Date(Date.now() + coolingMs).toISOString()}; will retry`,
          );
        }
        await sleep(coolingMs);
        continue;
      }
      if (await lease.acquire()) return;
      await sleep(POLL_MS);
    }
    throw new DomainError('fetch_failed', `another fetch from ${host} is still running; will retry`);
  }

  private key(kind: string, host: string): string {
    return `${this.config.queuePrefix}:host-${kind}:${host.toLowerCase()}`;
  }
}
