import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  applyResultSchema,
  workspaceDocumentSchema,
  type ApplyResult,
  type WorkspaceDocument,
} from '@parley/contracts';
import { schemaOf } from '../../common/openapi';
import { Authorize, CurrentUser, actorOf, type AuthContext } from '../auth/auth-context';
import { WorkspaceService } from './workspace.service';

@ApiTags('workspace')
@Controller('workspace')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  @Authorize('workspace-admin')
  @Get()
  @ApiOkResponse({
    description:
      'The workspace as a document that applies back unchanged; secrets shown as { set: true|false }',
    schema: schemaOf(workspaceDocumentSchema),
  })
  document(): Promise<WorkspaceDocument> {
    return this.workspace.document();
  }

  @Authorize('workspace-admin')
  @Put()
  @ApiBody({ schema: schemaOf(workspaceDocumentSchema) })
  @ApiQuery({
    name: 'prune',
    required: false,
    description:
      'true also deletes what the document leaves out of the lists it gives; without it, absent items stay',
  })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    description: 'true answers the changes applying the document would make, and writes nothing',
  })
  @ApiOkResponse({ schema: schemaOf(applyResultSchema) })
  apply(
    @CurrentUser() auth: AuthContext,
    @Body() body: unknown,
    @Query('prune') prune?: string,
    @Query('dryRun') dryRun?: string,
  ): Promise<ApplyResult> {
    return this.workspace.apply(body, actorOf(auth), { prune: prune === 'true', dryRun: dryRun === 'true' });
  }
}
