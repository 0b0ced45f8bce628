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
  sessionsRevokedSchema,
  type ApiToken,
  type CreateTokenResponse,
  type Me,
  type SessionsRevoked,
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
      'Each address may try one account only so often, and any accounts only so often, before it gets 429 with ' +
      '`Retry-After`; failures on an account from anywhere only slow its sign-ins down (a few seconds at most), ' +
      'so a stranger cannot lock its owner out.',
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
  @Endpoint({
    summary: 'Sign out',
    ok: { description: 'This session has ended; the session cookie is cleared.' },
  })
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
    summary: 'Who you are',
    ok: { schema: meSchema, description: 'You, your departments and what your role allows in each.' },
  })
  me(@CurrentUser() auth: AuthContext): Promise<Me> {
    return this.auth.me(auth);
  }

  @Authorize('signed-in')
  @Post('tokens')
  @Endpoint({
    summary: 'Create an API token',
    description:
      'Needs a signed-in session: an API token cannot create tokens (403). The token works for `PARLEY_TOKEN_DAYS` ' +
      '(90 by default) and one person holds at most 20 that work (409 beyond that).',
    body: createTokenRequestSchema,
    ok: {
      status: 201,
      schema: createTokenResponseSchema,
      description: 'The token is shown once; store it now.',
    },
    errors: [400, 409],
  })
  createToken(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<CreateTokenResponse> {
    return this.auth.createApiToken(auth, parseWith(createTokenRequestSchema, body).name);
  }

  @Authorize('signed-in')
  @Post('sessions/revoke')
  @HttpCode(200)
  @Endpoint({
    summary: 'Sign out everywhere',
    description:
      'Ends every session of yours, this one included, on every device. API tokens keep working; revoke them one by one.',
    ok: {
      schema: sessionsRevokedSchema,
      description: 'Signed out everywhere; the session cookie is cleared.',
    },
  })
  async signOutEverywhere(
    @CurrentUser() auth: AuthContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionsRevoked> {
    const revoked = await this.auth.signOutEverywhere(auth, { id: auth.userId, email: auth.email });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return revoked;
  }

  @Authorize('signed-in')
  @Get('tokens')
  @Endpoint({
    summary: 'Your API tokens',
    ok: {
      schema: z.array(apiTokenSchema),
      description: 'Your API tokens, newest first, with when each expires.',
    },
  })
  tokens(@CurrentUser() auth: AuthContext): Promise<ApiToken[]> {
    return this.auth.apiTokensOf(auth.userId);
  }

  @Authorize('signed-in')
  @Delete('tokens/:id')
  @Endpoint({
    summary: 'Revoke one of your API tokens',
    params: { id: 'The token id, from the list of your tokens.' },
    ok: { schema: apiTokenSchema, description: 'Revoked: it stops working at once.' },
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
    description:
      'Needs the current password (a wrong one counts as a failed sign-in). The new one has 12 to 256 characters ' +
      'and is not on the list of common passwords; no other rules.',
    body: changePasswordRequestSchema,
    ok: { status: 204, description: 'Changed; your other sessions are signed out, this one stays.' },
    errors: [400, 429],
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
