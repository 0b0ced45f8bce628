import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from './queryable';
import { openSecrets, sealSecrets } from './secret-box';

const SECRET_NAME = 'author-token';
const TOKEN_PREFIX = 'member-';
// Binds the sealed key to what it is for, as a source's key binds its secrets.
const AAD = 'workspace author-token';

/**
 * The stable token that stands for one public author once retention or a subject request has removed their name:
 * a keyed HMAC of their platform and handle (or name, where the platform gives none), so the same person gets the
 * same token everywhere and nobody without the workspace's key can work back from it. 80 bits: no two of even
 * millions of authors share one. Never logged.
 */
export const authorToken = (key: string, platform: string, author: string): string =>
  `${TOKEN_PREFIX}${createHmac('sha256', key).update(`${platform} ${author.toLowerCase()}`).digest('hex').slice(0, 20)}`;

const TOKEN_PATTERN = new RegExp(`^${TOKEN_PREFIX}[0-9a-f]{20}$`);
/** Whether a handle is already a token (a flag or post pseudonymised before). */
export const isAuthorToken = (handle: string): boolean => TOKEN_PATTERN.test(handle);

/**
 * The workspace's token key, made on first use and stored sealed with PARLEY_SECRET_KEY. Two first uses at once
 * both insert; one row wins and both read it.
 */
export const authorTokenKey = async (q: Queryable, secretKey: string): Promise<string> => {
  await q.query(`INSERT INTO workspace_secret (name, sealed) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    SECRET_NAME,
    sealSecrets({ key: randomBytes(32).toString('base64url') }, secretKey, AAD),
  ]);
  const rows: { sealed: string }[] = await q.query(`SELECT sealed FROM workspace_secret WHERE name = $1`, [
    SECRET_NAME,
  ]);
  return openSecrets(rows[0].sealed, secretKey, AAD).key;
};
