import { REDIS } from '@parley/jobs';
import { CONFIG } from '@parley/config';
import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@parley/config';
import { DomainError } from '@parley/domain';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const WAIT_MS = 30_000;
const POLL_MS = 250;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

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
    const key = this.key('lock', host);
    const token = await this.acquire(key, host);
    const lockMs = this.config.jobLockMs;
    const renewal = setInterval(
      () => void this.redis.eval(RENEW, 1, key, token, lockMs).catch(() => undefined),
      lockMs / 3,
    );
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.redis.eval(RELEASE, 1, key, token);
    }
  }

  async coolDown(host: string, ms: number): Promise<void> {
    await this.redis.set(this.key('cooldown', host), '1', 'PX', Math.max(1, Math.min(ms, 86_400_000)));
  }

  private async acquire(lockKey: string, host: string): Promise<string> {
    const token = randomBytes(12).toString('hex');
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
      if (await this.redis.set(lockKey, token, 'PX', this.config.jobLockMs, 'NX')) return token;
      await sleep(POLL_MS);
    }
    throw new DomainError('fetch_failed', `another fetch from ${host} is still running; will retry`);
  }

  private key(kind: string, host: string): string {
    return `${this.config.queuePrefix}:host-${kind}:${host.toLowerCase()}`;
  }
}
