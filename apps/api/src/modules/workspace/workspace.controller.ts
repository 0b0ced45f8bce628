import { Body, Controller, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { applyResultSchema, workspaceDocumentSchema, type ApplyResult } from '@parley/contracts';
import { schemaOf } from '../../common/openapi';
import { Authorize, CurrentUser, actorOf, type AuthContext } from '../auth/auth-context';
import { WorkspaceService } from './workspace.service';

@ApiTags('workspace')
@Controller('workspace')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  @Authorize('workspace-admin')
  @Put()
  @ApiBody({ schema: schemaOf(workspaceDocumentSchema) })
  @ApiQuery({
    name: 'prune',
    required: false,
    description: 'true deletes departments, rules and sources the document leaves out',
  })
  @ApiOkResponse({ schema: schemaOf(applyResultSchema) })
  apply(
    @CurrentUser() auth: AuthContext,
    @Body() body: unknown,
    @Query('prune') prune?: string,
  ): Promise<ApplyResult> {
    return this.workspace.apply(body, actorOf(auth), prune === 'true');
  }
}
