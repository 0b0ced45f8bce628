import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { schemaOf } from '../../common/openapi';
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
  @ApiBody({ schema: schemaOf(loginRequestSchema) })
  @ApiOkResponse({ description: 'Signed in; the session cookie is set.' })
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
  @ApiOkResponse({ schema: schemaOf(meSchema) })
  me(@CurrentUser() auth: AuthContext): Promise<Me> {
    return this.auth.me(auth);
  }

  @Authorize('signed-in')
  @Post('tokens')
  @ApiBody({ schema: schemaOf(createTokenRequestSchema) })
  @ApiOkResponse({
    schema: schemaOf(createTokenResponseSchema),
    description: 'The token is shown once; store it now.',
  })
  createToken(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<CreateTokenResponse> {
    return this.auth.createApiToken(auth, parseWith(createTokenRequestSchema, body).name);
  }
  @Authorize('signed-in')
  @Get('tokens')
  @ApiOkResponse({ schema: schemaOf(z.array(apiTokenSchema)), description: 'Your API tokens, newest first.' })
  tokens(@CurrentUser() auth: AuthContext): Promise<ApiToken[]> {
    return this.auth.apiTokensOf(auth.userId);
  }

  @Authorize('signed-in')
  @Delete('tokens/:id')
  @ApiOkResponse({ schema: schemaOf(apiTokenSchema), description: 'Revoked: it stops working at once.' })
  revokeToken(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<ApiToken> {
    return this.auth.revokeApiToken(auth, { id: auth.userId, email: auth.email }, id);
  }

  @Authorize('signed-in')
  @Put('password')
  @HttpCode(204)
  @ApiBody({ schema: schemaOf(changePasswordRequestSchema) })
  @ApiNoContentResponse({ description: 'Changed; your other sessions are signed out, this one stays.' })
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
