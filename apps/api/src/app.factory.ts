import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@parley/config';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { BODY_LIMIT_MB, bodyParserErrors } from './common/request-errors';
import { noStore, securityHeaders } from './common/security-headers';

const serveWebApp = (app: NestExpressApplication, webDir: string): void => {
  const root = resolve(webDir);
  if (!existsSync(join(root, 'index.html'))) return;
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  // Client-side routes (/inbox, /conversations/1…) all load the single page; /api stays the API's.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(root, 'index.html'));
  });
};

/**
 * Either scheme signs a request in: an API token (opaque, not a JWT) for scripts, or the browser's session cookie,
 * whose writes must also send the session's CSRF token. Routes marked public override this with no security.
 */
const openApiConfig = () =>
  new DocumentBuilder()
    .setTitle('Parley API')
    .setDescription(
      'Listening and engagement for public-service communications teams. Errors answer `{code, message, problems?}`; ' +
        "another department's data answers 404, so its existence does not leak.",
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque Parley API token (pt_…)',
        description: 'An API token from `POST /api/auth/tokens`, sent as `Authorization: Bearer pt_…`.',
      },
      'token',
    )
    .addCookieAuth(
      'parley_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'The session cookie set by `POST /api/auth/login`; writes also need `X-CSRF-Token`.',
      },
      'session',
    )
    .addSecurityRequirements('token')
    .addSecurityRequirements('session')
    .build();

/** The HTTP app: /api (with its OpenAPI document at /api/docs) and the built web app on one port. */
export const createApp = async (config: Config): Promise<INestApplication> => {
  const logger = new ConsoleLogger({
    json: config.logFormat === 'json',
    // One line per entry in the terminal too, as the worker's: a multi-line object buries the start-up summary.
    compact: true,
    prefix: 'parley-api',
    logLevels: config.env === 'test' ? ['warn', 'error'] : ['log', 'warn', 'error'],
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger, bodyParser: false });
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: `${BODY_LIMIT_MB}mb` }), bodyParserErrors);
  app.use(securityHeaders(config.secureCookies));
  app.use('/api', noStore);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApiConfig()), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  serveWebApp(app, config.webDir);
  return app;
};
