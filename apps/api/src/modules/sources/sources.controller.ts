import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { sourceWithHealthSchema, type SourceWithHealth } from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Authorize('department.read')
  @Get()
  @Endpoint({
    summary: 'Sources and their health',
    description:
      "The sources the caller's departments listen to (and workspace-wide ones), with the last fetch, its outcome " +
      'and the next scheduled run.',
    ok: { description: 'Every source the caller can see.', schema: z.array(sourceWithHealthSchema) },
  })
  list(@CurrentUser() auth: AuthContext): Promise<SourceWithHealth[]> {
    return this.sources.list(auth);
  }
}
