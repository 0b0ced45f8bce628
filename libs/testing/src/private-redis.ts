import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/**
 * A Redis of the test's own on `port`, keeping nothing on disk, so stopping or reconfiguring it disturbs nothing
 * else on the machine. `policy` is its maxmemory-policy (Parley needs noeviction).
 */
export const startPrivateRedis = (port: number, policy = 'noeviction'): Promise<ChildProcess> =>
  new Promise((done, fail) => {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        policy,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.once('error', fail);
    child.stdout?.on(
      'data',
      (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && done(child),
    );
  });
