import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** One worker process consumes each stream; the lease lapses soon after that process dies, so another takes over. */
export class StreamLease {
  private readonly token = randomBytes(12).toString('hex');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  async acquire(onLost: () => void): Promise<boolean> {
    if (!(await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX'))) return false;
    this.timer = setInterval(() => {
      void this.redis
        .eval(RENEW, 1, this.key, this.token, this.ttlMs)
        .then((renewed) => renewed === 0 && onLost())
        .catch(() => undefined);
    }, this.ttlMs / 3);
    return true;
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis.eval(RELEASE, 1, this.key, this.token).catch(() => undefined);
  }
}
