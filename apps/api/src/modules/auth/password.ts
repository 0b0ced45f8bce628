import { Algorithm, hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Argon2id at OWASP's recommended floor (19 MiB, 2 passes); the parameters travel inside each hash.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  if (!stored.startsWith('$argon2')) return false;
  return verify(stored, password);
};

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(16).toString('hex'));

/** A password an administrator hands over once: 96 random bits, in letters, digits, `-` and `_` (16 characters). */
export const generatePassword = (): string => randomBytes(12).toString('base64url');
