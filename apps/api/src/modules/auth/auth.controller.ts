import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CONFIG, type Config } from '@parley/config';
import {
  createTokenRequestSchema,
  createTokenResponseSchema,
  loginRequestSchema,
  meSchema,
  type CreateTokenResponse,
  type Me,
} from '@parley/contracts';
import type { Request, Response } from 'express';
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
}
