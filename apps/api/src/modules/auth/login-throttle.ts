import { REDIS } from '@parley/jobs';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@parley/domain';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { CONFIG, type Config } from '@parley/config';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 10;
const MAX_FAILURES_PER_ADDRESS = 50;

/** Failed sign-ins counted in Redis, so the limit holds across api replicas and restarts. */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private accountKey(email: string): string {
    const account = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
    return `${this.config.queuePrefix}:login-fail:account:${account}`;
  }

  private keys(email: string, ip: string): [string, number][] {
    return [
      [this.accountKey(email), MAX_FAILURES_PER_ACCOUNT],
      [`${this.config.queuePrefix}:login-fail:ip:${ip}`, MAX_FAILURES_PER_ADDRESS],
    ];
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    for (const [key, max] of this.keys(email, ip)) {
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
      if (Number(count ?? 0) >= max) {
        throw new DomainError(
          'throttled',
          `Too many failed sign-ins. Try again in ${Math.ceil(Math.max(ttl, 60) / 60)} minutes.`,
        );
      }
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const multi = this.redis.multi();
    for (const [key] of this.keys(email, ip)) multi.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    await multi.exec();
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.redis.del(this.keys(email, ip)[0][0]);
  }

  /** An administrator lets the account sign in again at once; the per-address counter is left as it is. */
  async unlock(email: string): Promise<void> {
    await this.redis.del(this.accountKey(email));
  }

  /** Which of these accounts the throttle refuses now (too many failed sign-ins), in one round trip. */
  async lockedAmong(emails: readonly string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const counts = await this.redis.mget(emails.map((email) => this.accountKey(email)));
    return new Set(emails.filter((_, i) => Number(counts[i] ?? 0) >= MAX_FAILURES_PER_ACCOUNT));
  }
}
