import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@parley/config';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';

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
  app.use(express.json({ limit: '5mb' }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const openapi = new DocumentBuilder()
    .setTitle('Parley API')
    .setDescription('Listening and engagement for public-service communications teams.')
    .addBearerAuth()
    .addCookieAuth('parley_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  serveWebApp(app, config.webDir);
  return app;
};
