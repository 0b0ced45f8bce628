import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  applyResultSchema,
  workspaceApplyQuerySchema,
  workspaceDocumentSchema,
  type ApplyResult,
  type WorkspaceDocument,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { Authorize, CurrentUser, actorOf, type AuthContext } from '../auth/auth-context';
import { WorkspaceService } from './workspace.service';

@ApiTags('workspace')
@Controller('workspace')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  @Authorize('workspace-admin')
  @Get()
  @Endpoint({
    summary: 'The workspace as a document',
    description:
      'Departments, rules, sources, accounts and resources as one document that applies back unchanged. ' +
      'Secrets are shown as { set: true | false }, never their values.',
    ok: { description: 'The current workspace document.', schema: workspaceDocumentSchema },
  })
  document(): Promise<WorkspaceDocument> {
    return this.workspace.document();
  }

  @Authorize('workspace-admin')
  @Put()
  @Endpoint({
    summary: 'Apply a workspace document',
    description:
      'Creates and updates what the document names, by key; leaves alone what it does not. The document is ' +
      'checked whole first: any unknown key or invalid value refuses all of it, with every problem listed.',
    query: workspaceApplyQuerySchema,
    body: workspaceDocumentSchema,
    ok: { description: 'What changed (or, in a dry run, would change).', schema: applyResultSchema },
    errors: [400, 409],
  })
  apply(
    @CurrentUser() auth: AuthContext,
    @Body() body: unknown,
    @Query('prune') prune?: string,
    @Query('dryRun') dryRun?: string,
  ): Promise<ApplyResult> {
    return this.workspace.apply(body, actorOf(auth), { prune: prune === 'true', dryRun: dryRun === 'true' });
  }
}
