import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
import { Endpoint } from '../../common/openapi';
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
  @Endpoint({
    summary: 'Everyone in the workspace',
    description: 'Every account, with memberships, workspace administration, disabled and locked states.',
    ok: { description: 'Every user.', schema: z.array(userSummarySchema) },
  })
  list(): Promise<UserSummary[]> {
    return this.users.list();
  }

  @Authorize('workspace-admin')
  @Post()
  @Endpoint({
    summary: 'Create a user',
    description: 'An account with its memberships, and optionally workspace administration.',
    body: createUserRequestSchema,
    ok: { status: 201, description: 'Created.', schema: userSchema },
    errors: [400, 409],
  })
  create(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<User> {
    return this.users.create(actorOf(auth), parseWith(createUserRequestSchema, body, 'new user'));
  }

  @Authorize('workspace-admin')
  @Put(':id/workspace-admin')
  @Endpoint({
    summary: 'Make or unmake a workspace administrator',
    description: 'The last active workspace administrator cannot be unmade (409).',
    params: { id: 'The user id.' },
    body: setWorkspaceAdminRequestSchema,
    ok: { description: 'The user as they are now.', schema: userSummarySchema },
    errors: [400, 404, 409],
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
  @Endpoint({
    summary: 'Disable a user',
    description:
      'Their sessions end and their API tokens are revoked at once. Not yourself, nor the last workspace administrator.',
    params: { id: 'The user id.' },
    ok: { description: 'The user as they are now.', schema: userSummarySchema },
    errors: [404, 409],
  })
  disable(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<UserSummary> {
    return this.users.disable(auth, id);
  }

  @Authorize('member.manage')
  @Post(':id/enable')
  @HttpCode(200)
  @Endpoint({
    summary: 'Enable a user again',
    description: 'They can sign in again; revoked API tokens stay revoked.',
    params: { id: 'The user id.' },
    ok: { description: 'The user as they are now.', schema: userSummarySchema },
    errors: [404],
  })
  enable(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<UserSummary> {
    return this.users.enable(auth, id);
  }

  @Authorize('member.manage')
  @Post(':id/password-reset')
  @HttpCode(200)
  @Endpoint({
    summary: "Reset someone's password",
    description: 'Sets the given password, or generates one shown this once. They are signed out everywhere.',
    params: { id: 'The user id.' },
    body: resetPasswordRequestSchema,
    ok: { description: 'Done; the generated password, if one was made.', schema: passwordResetSchema },
    errors: [400, 404, 409],
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
  @Endpoint({
    summary: 'Unlock an account',
    description: 'Clears the failed sign-ins that locked the account.',
    params: { id: 'The user id.' },
    ok: { status: 204, description: 'They can sign in again at once.' },
    errors: [404],
  })
  unlock(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.credentials.unlock(auth, id);
  }

  @Authorize('workspace-admin')
  @Get(':id/tokens')
  @Endpoint({
    summary: "Someone's API tokens",
    params: { id: 'The user id.' },
    ok: {
      description: 'Their tokens, newest first; never the tokens themselves.',
      schema: z.array(apiTokenSchema),
    },
    errors: [404],
  })
  tokens(@Param('id') id: string): Promise<ApiToken[]> {
    return this.credentials.tokensOf(id);
  }

  @Authorize('workspace-admin')
  @Delete(':id/tokens/:tokenId')
  @Endpoint({
    summary: "Revoke someone's API token",
    params: { id: 'The user id.', tokenId: 'The token id.' },
    ok: { description: 'Revoked: it stops working at once.', schema: apiTokenSchema },
    errors: [404],
  })
  revokeToken(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Param('tokenId') tokenId: string,
  ): Promise<ApiToken> {
    return this.credentials.revokeTokenOf(auth, id, tokenId);
  }
}
