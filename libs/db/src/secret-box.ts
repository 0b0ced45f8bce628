import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Secret settings of one source (a Reddit client secret, a Mastodon access token…), by name. */
export type Secrets = Record<string, string>;

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

// The setting is any long random string; HKDF turns it into exactly the 32 bytes AES-256 needs.
const keyOf = (secretKey: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'parley source secrets', 32));

/**
 * Encrypts secrets for storage with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url. `aad` (the source's key)
 * binds the ciphertext to its row, so secrets copied onto another source do not decrypt there.
 */
export const sealSecrets = (secrets: Secrets, secretKey: string, aad: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return [FORMAT, ...[iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'))].join('.');
};

/** The secrets `sealSecrets` stored; throws when the key is not the one they were sealed with. */
export const openSecrets = (sealed: string | null, secretKey: string, aad: string): Secrets => {
  if (sealed === null) return {};
  const [format, iv, tag, body] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || body === undefined) {
    throw new Error('stored source secrets are in an unknown format');
  }
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Secrets;
  } catch {
    throw new Error(
      "stored source secrets do not decrypt with PARLEY_SECRET_KEY: it is not the key they were stored with; restore that key, or set the source's secrets again",
    );
  }
};

/**
 * The AAD a department account's publish credential is sealed with (platform, handle, site, any case), so it opens
 * for that account only.
 */
export const accountSecretAad = (a: { platform: string; handle: string; site: string | null }): string =>
  ['account', a.platform, a.handle.toLowerCase(), a.site?.toLowerCase()].filter(Boolean).join(' ');
