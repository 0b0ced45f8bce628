import type { INestApplicationContext } from '@nestjs/common';
import { DATA_SOURCE } from '@parley/db';
import { answersWithin } from '@parley/domain';
import { REDIS } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';

const PROBE_MS = 2_000;

/**
 * The worker's only HTTP: `/health` answers 200 when it reaches Postgres and Redis, and 503 naming what it cannot
 * reach, so an orchestrator restarts or alerts on a worker that is up but cut off.
 */
export const startHealthServer = (app: INestApplicationContext, port: number): Promise<Server> => {
  const dataSource = app.get<DataSource>(DATA_SOURCE);
  const redis = app.get<Redis>(REDIS);
  const server = createServer((req, res) => {
    if (req.url !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'not_found', message: 'only /health is served here' }));
      return;
    }
    void Promise.all([
      answersWithin(() => dataSource.query('SELECT 1'), PROBE_MS),
      answersWithin(() => redis.ping(), PROBE_MS),
    ]).then(([db, queues]) => {
      const down = [...(db ? [] : ['Postgres']), ...(queues ? [] : ['Redis'])];
      res.writeHead(down.length ? 503 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: down.length ? 'degraded' : 'ok',
          db,
          redis: queues,
          ...(down.length ? { message: `The worker cannot reach ${down.join(' or ')}.` } : {}),
        }),
      );
    });
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
};
