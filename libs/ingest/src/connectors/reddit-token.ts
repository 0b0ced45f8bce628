import { DomainError } from '@parley/domain';
import { z } from 'zod';
import { FetchError, isFetchError } from '../fetch-error';
import type { PollContext } from './connector';
import { configString } from './connector-http';
import { postForm } from './guarded-post';

export const REDDIT_TOKEN_URL = 'https://www.reddit.com/api/v1/access_token';
// Reddit throttles or blocks generic user agents and asks for one that names the app.
export const REDDIT_USER_AGENT = 'server:parley-social-listening:0.1 (public-service comms monitoring)';

export type RedditCredentials = {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  userAgent: string;
};

type CachedToken = { token: string; expiresAt: number };
/** Tokens per client id, reused across polls until shortly before they expire. */
export type TokenCache = Map<string, CachedToken>;

const tokenSchema = z.object({ access_token: z.string(), expires_in: z.number().nullish() });
const errorSchema = z.object({ error: z.union([z.string(), z.number()]) });

// Renew a minute early so a token never expires between the check and the request.
const EXPIRY_MARGIN_MS = 60_000;

/** The source's Reddit app credentials; `tokenUrl` and `userAgent` may be overridden in its config. */
export const credentialsOf = (config: Record<string, unknown>): RedditCredentials => {
  const clientId = configString(config, 'clientId');
  const clientSecret = configString(config, 'clientSecret');
  if (!clientId || !clientSecret)
    throw new DomainError(
      'invalid',
      'this Reddit source needs credentials: set clientId and clientSecret in its config',
    );
  const tokenUrl = configString(config, 'tokenUrl') ?? REDDIT_TOKEN_URL;
  return {
    clientId,
    clientSecret,
    tokenUrl,
    userAgent: configString(config, 'userAgent') ?? REDDIT_USER_AGENT,
  };
};

const cacheKey = (credentials: RedditCredentials): string =>
  `${credentials.tokenUrl} ${credentials.clientId}`;

const refused = (status: number): FetchError =>
  new FetchError(
    'fetch_failed',
    `Reddit refused this source's credentials (${status}): check clientId and clientSecret in its config`,
    { status },
  );

const readToken = (body: Buffer): z.infer<typeof tokenSchema> => {
  const value: unknown = JSON.parse(body.toString('utf8'));
  const token = tokenSchema.safeParse(value);
  if (token.success) return token.data;
  const error = errorSchema.safeParse(value);
  const reason = error.success ? String(error.data.error) : 'no access_token in the answer';
  throw new DomainError(
    'invalid',
    `Reddit did not grant a token (${reason}): check clientId and clientSecret in its config`,
  );
};

const requestToken = async (credentials: RedditCredentials, ctx: PollContext): Promise<CachedToken> => {
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
  const headers = {
    authorization: `Basic ${basic}`,
    'user-agent': credentials.userAgent,
    accept: 'application/json',
  };
  try {
    const body = await postForm(
      credentials.tokenUrl,
      new URLSearchParams({ grant_type: 'client_credentials' }),
      { allowlist: ctx.allowlist, headers },
    );
    const token = readToken(body);
    return {
      token: token.access_token,
      expiresAt: Date.now() + (token.expires_in ?? 3600) * 1000 - EXPIRY_MARGIN_MS,
    };
  } catch (error) {
    if (isFetchError(error) && (error.status === 401 || error.status === 403)) throw refused(error.status);
    if (error instanceof SyntaxError)
      throw new DomainError(
        'parse_failed',
        'Reddit answered the token request with something that is not JSON',
      );
    throw error;
  }
};

/** A bearer token for the app-only OAuth flow (client credentials), from the cache while it is fresh. */
export const accessToken = async (
  cache: TokenCache,
  credentials: RedditCredentials,
  ctx: PollContext,
): Promise<string> => {
  const cached = cache.get(cacheKey(credentials));
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  const fresh = await requestToken(credentials, ctx);
  cache.set(cacheKey(credentials), fresh);
  return fresh.token;
};

export const forgetToken = (cache: TokenCache, credentials: RedditCredentials): void => {
  cache.delete(cacheKey(credentials));
};
