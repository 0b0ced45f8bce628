import { parse } from 'cookie';
import type { CookieOptions, Request } from 'express';
import { SESSION_TTL_MS } from './auth.service';

export const SESSION_COOKIE = 'parley_session';

export const readCookie = (request: Request, name: string): string | undefined =>
  parse(request.headers.cookie ?? '')[name];

export const sessionCookieOptions = (secure: boolean): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure,
  path: '/',
  maxAge: SESSION_TTL_MS,
});
