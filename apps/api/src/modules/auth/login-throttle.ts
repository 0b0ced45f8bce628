import { REDIS } from '@parley/jobs';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository, DATA_SOURCE } from '@parley/db';
import { DomainError, signInDelayMs } from '@parley/domain';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@parley/config';

const WINDOW_SECONDS = 15 * 60;
/** Wrong passwords one address may try on one account in a window; then that address is refused that account. */
const MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS = 10;
/** Wrong passwords one address may try on any accounts in a window; then that address is refused. */
const MAX_FAILURES_PER_ADDRESS = 50;

/** Takes back this attempt's count from an address only while its window lasts (a bare DECR would revive it). */
const UNCOUNT = `if redis.call('exists', KEYS[1]) == 1 then redis.call('decr', KEYS[1]) end`;

/** One sign-in attempt, already counted; say how it went once the password has been checked. */
export type SignInAttempt = { failed(): Promise<void>; succeeded(): Promise<void> };

type Lockout = { scope: 'account at address' | 'address'; count: number; max: number; ttl: number };

/**
 * Failed sign-ins counted in Redis, so the limits hold across api replicas and restarts. Each attempt is counted
 * before its password is checked (INCR first), so parallel guesses cannot all slip in under the limit.
 *
 * Three counters, so that a stranger can slow an account down but never lock its owner out:
 * - per account × address (hard): one address may guess one account's password only so often;
 * - per address (hard): one address may guess only so often across all accounts;
 * - per account (soft): failures from anywhere make every attempt on the account wait a little longer, up to a
 *   few seconds, and never refuse it. The owner at another address signs in, only a little slower.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  private accountId(email: string): string {
    return createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
  }

  /** Failures on the account from anywhere: only slows attempts down. */
  private accountKey(email: string): string {
    return `${this.config.queuePrefix}:login-fail:account:${this.accountId(email)}`;
  }

  /** Attempts on the account, one field per address, all lapsing with the account's window. */
  private pairsKey(email: string): string {
    return `${this.config.queuePrefix}:login-fail:pairs:${this.accountId(email)}`;
  }

  private addressKey(ip: string): string {
    return `${this.config.queuePrefix}:login-fail:ip:${ip}`;
  }

  /**
   * Counts an attempt on `email` from `ip`, refuses it (429 with Retry-After) when that address is over a limit,
   * and otherwise waits as long as the account's recent failures say before the caller checks the password.
   */
  async begin(email: string, ip: string): Promise<SignInAttempt> {
    const pairs = this.pairsKey(email);
    const address = this.addressKey(ip);
    const results = await this.redis
      .multi()
      .hincrby(pairs, ip, 1)
      .expire(pairs, WINDOW_SECONDS, 'NX')
      .incr(address)
      .expire(address, WINDOW_SECONDS, 'NX')
      .get(this.accountKey(email))
      .ttl(pairs)
      .ttl(address)
      .exec();
    const [pairCount, , addressCount, , failures, pairTtl, addressTtl] = (results ?? []).map(
      ([error, value]) => {
        if (error) throw error;
        return Number(value ?? 0);
      },
    );
    const lockout: Lockout | null =
      pairCount > MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS
        ? {
            scope: 'account at address',
            count: pairCount,
            max: MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS,
            ttl: pairTtl,
          }
        : addressCount > MAX_FAILURES_PER_ADDRESS
          ? { scope: 'address', count: addressCount, max: MAX_FAILURES_PER_ADDRESS, ttl: addressTtl }
          : null;
    if (lockout) await this.refuse(email, ip, lockout);
    await sleep(signInDelayMs(failures));
    return {
      failed: async () => {
        const key = this.accountKey(email);
        await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec();
      },
      // The right password clears this address's count on the account and the account's slow-down, and takes
      // this attempt back from the address's count, so an office behind one address is not locked by its own
      // successful sign-ins.
      succeeded: async () => {
        await this.redis.multi().hdel(pairs, ip).del(this.accountKey(email)).eval(UNCOUNT, 1, address).exec();
      },
    };
  }

  private async refuse(email: string, ip: string, lockout: Lockout): Promise<never> {
    const seconds = lockout.ttl > 0 ? lockout.ttl : WINDOW_SECONDS;
    if (lockout.count === lockout.max + 1) {
      // The first refusal of a window is the moment of the lockout; later ones are the same lockout.
      await this.audit.record(
        this.dataSource,
        { userId: null, label: `sign-in from ${ip}` },
        {
          action: 'auth.lockout',
          entityType: 'sign-in',
          entityId: null,
          after: { email: email.toLowerCase(), ip, scope: lockout.scope, seconds },
        },
      );
    }
    const minutes = Math.ceil(seconds / 60);
    throw new DomainError(
      'throttled',
      `Too many failed sign-ins from this address. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
      [],
      seconds,
    );
  }

  /**
   * An administrator lets the account sign in again at once: every address's count on it and its slow-down go.
   * The per-address counters are left as they are.
   */
  async unlock(email: string): Promise<void> {
    await this.redis.del(this.accountKey(email), this.pairsKey(email));
  }

  /**
   * Which of these accounts someone has been locked out of now (an address reached the limit of wrong
   * passwords on it, so sign-ins to it are also slowed), in one round trip.
   */
  async lockedAmong(emails: readonly string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const counts = await this.redis.mget(emails.map((email) => this.accountKey(email)));
    return new Set(emails.filter((_, i) => Number(counts[i] ?? 0) >= MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS));
  }
}
