import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CONFIG, type Config } from '@parley/config';
import {
  apiTokenSchema,
  changePasswordRequestSchema,
  createTokenRequestSchema,
  createTokenResponseSchema,
  loginRequestSchema,
  meSchema,
  type ApiToken,
  type CreateTokenResponse,
  type Me,
} from '@parley/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { parseWith } from '../../common/parse-with';
import { Endpoint } from '../../common/openapi';
import { Authorize, CurrentUser, Public, type AuthContext } from './auth-context';
import { AuthService } from './auth.service';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @Endpoint({
    summary: 'Sign in',
    description:
      'Checks the email and password and sets the session cookie (12 hours, sliding). Repeated failures are ' +
      'slowed and then refused for a while.',
    body: loginRequestSchema,
    ok: { description: 'Signed in; the session cookie is set.' },
    errors: [400, 429],
  })
  async login(
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ ok: true }> {
    const { email, password } = parseWith(loginRequestSchema, body, 'sign-in');
    const { token } = await this.auth.login(email, password, {
      ip: req.ip ?? 'unknown',
      userAgent: req.headers['user-agent'] ?? null,
    });
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(this.config.secureCookies));
    return { ok: true };
  }

  @Authorize('signed-in')
  @Post('logout')
  @HttpCode(200)
  @Endpoint({ summary: 'Sign out', description: 'Ends this session.', ok: { description: 'Signed out.' } })
  async logout(
    @CurrentUser() auth: AuthContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ ok: true }> {
    await this.auth.logout(auth);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  }

  @Authorize('signed-in')
  @Get('me')
  @Endpoint({
    summary: 'Who am I',
    description:
      'The caller, whether they are a workspace administrator, and every department they can see with their role ' +
      'and what it lets them do there.',
    ok: { description: 'The signed-in user.', schema: meSchema },
  })
  me(@CurrentUser() auth: AuthContext): Promise<Me> {
    return this.auth.me(auth);
  }

  @Authorize('signed-in')
  @Post('tokens')
  @Endpoint({
    summary: 'Create an API token',
    description: "A token for scripts, with the caller's own rights. It is shown once: store it now.",
    body: createTokenRequestSchema,
    ok: { status: 201, description: 'The token, shown this once.', schema: createTokenResponseSchema },
    errors: [400],
  })
  createToken(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<CreateTokenResponse> {
    return this.auth.createApiToken(auth, parseWith(createTokenRequestSchema, body).name);
  }

  @Authorize('signed-in')
  @Get('tokens')
  @Endpoint({
    summary: 'Your API tokens',
    description: 'Name, when made, last used and revoked; never the token itself.',
    ok: { description: 'Your API tokens, newest first.', schema: z.array(apiTokenSchema) },
  })
  tokens(@CurrentUser() auth: AuthContext): Promise<ApiToken[]> {
    return this.auth.apiTokensOf(auth.userId);
  }

  @Authorize('signed-in')
  @Delete('tokens/:id')
  @Endpoint({
    summary: 'Revoke one of your API tokens',
    params: { id: 'The token id, from the list of your tokens.' },
    ok: { description: 'Revoked: it stops working at once.', schema: apiTokenSchema },
    errors: [404],
  })
  revokeToken(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<ApiToken> {
    return this.auth.revokeApiToken(auth, { id: auth.userId, email: auth.email }, id);
  }

  @Authorize('signed-in')
  @Put('password')
  @HttpCode(204)
  @Endpoint({
    summary: 'Change your password',
    description: 'Needs your current password. Your other sessions are signed out; this one stays.',
    body: changePasswordRequestSchema,
    ok: { status: 204, description: 'Changed.' },
    errors: [400],
  })
  async changePassword(
    @CurrentUser() auth: AuthContext,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<void> {
    await this.auth.changePassword(auth, parseWith(changePasswordRequestSchema, body, 'password change'), {
      ip: req.ip ?? 'unknown',
      userAgent: req.headers['user-agent'] ?? null,
    });
  }
}
