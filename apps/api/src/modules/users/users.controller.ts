import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  apiTokenSchema,
  createUserRequestSchema,
  passwordResetSchema,
  resetPasswordRequestSchema,
  sessionsRevokedSchema,
  setWorkspaceAdminRequestSchema,
  userSchema,
  userSummarySchema,
  type ApiToken,
  type PasswordReset,
  type SessionsRevoked,
  type User,
  type UserSummary,
} from '@parley/contracts';
import { z } from 'zod';
import { Endpoint, schemaOf } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, actorOf, type AuthContext } from '../auth/auth-context';
import { CredentialsService } from './credentials.service';
import { UsersService } from './users.service';

/**
 * Whole accounts. Listing everyone, workspace administration and other people's API tokens are for workspace
 * administrators; disabling, password resets, signing out everywhere and unlocking are also open to a department administrator for
 * people whose every membership is in a department they administer (checked in the service).
 */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
  ) {}

  @Authorize('workspace-admin')
  @Get()
  @ApiOkResponse({ schema: schemaOf(z.array(userSummarySchema)) })
  list(): Promise<UserSummary[]> {
    return this.users.list();
  }

  @Authorize('workspace-admin')
  @Post()
  @ApiBody({ schema: schemaOf(createUserRequestSchema) })
  @ApiCreatedResponse({ schema: schemaOf(userSchema) })
  create(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<User> {
    return this.users.create(actorOf(auth), parseWith(createUserRequestSchema, body, 'new user'));
  }

  @Authorize('workspace-admin')
  @Put(':id/workspace-admin')
  @ApiBody({ schema: schemaOf(setWorkspaceAdminRequestSchema) })
  @ApiOkResponse({
    schema: schemaOf(userSummarySchema),
    description: '409 for the last workspace administrator.',
  })
  setWorkspaceAdmin(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<UserSummary> {
    const { workspaceAdmin } = parseWith(setWorkspaceAdminRequestSchema, body);
    return this.users.setWorkspaceAdmin(auth, id, workspaceAdmin);
  }

  @Authorize('member.manage')
  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({
    schema: schemaOf(userSummarySchema),
    description: 'Their sessions end and their API tokens are revoked at once.',
  })
  disable(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<UserSummary> {
    return this.users.disable(auth, id);
  }

  @Authorize('member.manage')
  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ schema: schemaOf(userSummarySchema) })
  enable(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<UserSummary> {
    return this.users.enable(auth, id);
  }

  @Authorize('member.manage')
  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiBody({ schema: schemaOf(resetPasswordRequestSchema) })
  @ApiOkResponse({
    schema: schemaOf(passwordResetSchema),
    description: 'A generated password is shown this once. They are signed out everywhere.',
  })
  resetPassword(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PasswordReset> {
    return this.credentials.resetPassword(auth, id, parseWith(resetPasswordRequestSchema, body ?? {}));
  }

  @Authorize('member.manage')
  @Post(':id/sessions/revoke')
  @HttpCode(200)
  @Endpoint({
    summary: 'Sign someone out everywhere',
    description:
      'Ends every session of theirs at once, on every device; they can sign in again. Their API tokens keep working.',
    params: { id: 'the user' },
    ok: { schema: sessionsRevokedSchema, description: 'How many sessions ended.' },
    errors: [404],
  })
  signOutEverywhere(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<SessionsRevoked> {
    return this.credentials.signOutEverywhere(auth, id);
  }

  @Authorize('member.manage')
  @Post(':id/unlock')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'They can sign in again at once.' })
  unlock(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.credentials.unlock(auth, id);
  }

  @Authorize('workspace-admin')
  @Get(':id/tokens')
  @ApiOkResponse({ schema: schemaOf(z.array(apiTokenSchema)) })
  tokens(@Param('id') id: string): Promise<ApiToken[]> {
    return this.credentials.tokensOf(id);
  }

  @Authorize('workspace-admin')
  @Delete(':id/tokens/:tokenId')
  @ApiOkResponse({ schema: schemaOf(apiTokenSchema) })
  revokeToken(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Param('tokenId') tokenId: string,
  ): Promise<ApiToken> {
    return this.credentials.revokeTokenOf(auth, id, tokenId);
  }
}
