import { createHmac, randomBytes } from 'node:crypto';

export const newSecretToken = (prefix: string): string =>
  `${prefix}_${randomBytes(32).toString('base64url')}`;

/** Tokens are stored only as keyed hashes: a database leak alone does not yield a usable session or API token. */
export const hashSecretToken = (token: string, secret: string): string =>
  createHmac('sha256', secret).update(token).digest('hex');
