import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { sourceWithHealthSchema, type SourceWithHealth } from '@parley/contracts';
import { z } from 'zod';
import { schemaOf } from '../../common/openapi';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Authorize('department.read')
  @Get()
  @ApiOkResponse({ schema: schemaOf(z.array(sourceWithHealthSchema)) })
  list(@CurrentUser() auth: AuthContext): Promise<SourceWithHealth[]> {
    return this.sources.list(auth);
  }
}
