import { REDIS } from '@parley/jobs';
import { DATA_SOURCE } from '@parley/db';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { healthSchema, type Health } from '@parley/contracts';
import { answersWithin } from '@parley/domain';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { Endpoint, schemaOf } from '../../common/openapi';
import { Public } from '../auth/auth-context';

const PROBE_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @Endpoint({
    summary: 'Is Parley up?',
    description: 'Whether the api reaches Postgres and Redis; for load balancers and monitoring.',
    ok: { description: 'Both answer.', schema: healthSchema },
  })
  @ApiServiceUnavailableResponse({
    description: 'One of them does not answer.',
    schema: schemaOf(healthSchema),
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const [db, redis] = await Promise.all([
      answersWithin(() => this.dataSource.query('SELECT 1'), PROBE_MS),
      answersWithin(() => this.redis.ping(), PROBE_MS),
    ]);
    res.status(db && redis ? 200 : 503);
    return { status: db && redis ? 'ok' : 'degraded', db, redis };
  }
}
