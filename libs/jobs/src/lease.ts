import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

// Only the holder's token may renew or release, so a holder whose lease lapsed and was taken cannot undo the next.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Work only one process across the deployment may do at a time (consume a stream, fetch from a host). The holder
 * renews the lease every third of its time to live while it works; when the holder dies the lease lapses within
 * `ttlMs`, so another process can take over about as soon as BullMQ would hand a dead worker's job on.
 */
export class RedisLease {
  private readonly token = randomBytes(12).toString('hex');
  private renewal: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    private readonly ttlMs: number,
  ) {}

  /**
   * Takes the lease if no one holds it, and keeps renewing it until released. `onLost` is called when a renewal
   * finds the lease gone or someone else's (Redis was flushed, or this process stalled past the ttl).
   */
  async acquire(onLost: () => void = () => undefined): Promise<boolean> {
    if (!(await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX'))) return false;
    this.renewal = setInterval(() => {
      // A renewal that fails because Redis is unreachable is retried at the next tick; the ttl is the margin.
      void this.renew()
        .then((held) => held || onLost())
        .catch(() => undefined);
    }, this.ttlMs / 3);
    return true;
  }

  /** Extends the lease to a full ttl from now; false when this holder no longer has it. */
  async renew(): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key, this.token, this.ttlMs)) === 1;
  }

  /** Stops renewing and frees the lease if this holder still has it; false when it had already lapsed. */
  async release(): Promise<boolean> {
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    return (await this.redis.eval(RELEASE, 1, this.key, this.token)) === 1;
  }
}
