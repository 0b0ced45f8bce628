import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const DIRECTIVES = {
  'default-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
};

/**
 * helmet's defaults tell the browser to fetch everything over https (`upgrade-insecure-requests`, HSTS). Over
 * plain HTTP on any host but localhost that is a blank page, so both are sent only when Parley is served over
 * HTTPS: the secure-cookies setting says so, or a trusted proxy does (`X-Forwarded-Proto`, read by `req.secure`).
 */
export const securityHeaders = (servedOverHttps: boolean): RequestHandler => {
  const overHttps = helmet({ contentSecurityPolicy: { directives: DIRECTIVES } });
  const overHttp = helmet({
    contentSecurityPolicy: { directives: { ...DIRECTIVES, 'upgrade-insecure-requests': null } },
    strictTransportSecurity: false,
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (servedOverHttps || req.secure ? overHttps : overHttp)(req, res, next);
};

/** API answers are per user and change all the time: no cache (browser or proxy) may keep them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  next();
};
