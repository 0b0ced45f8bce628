import { Algorithm, hash, verify } from '@node-rs/argon2';
import { DomainError } from '@parley/domain';
import { dictionary } from '@zxcvbn-ts/language-common';
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

/** zxcvbn-ts' list of about 49,000 passwords seen most often in breaches, shipped in the package (no network). */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common']);

/**
 * The NCSC's advice: refuse the passwords attackers try first rather than impose rules on character classes.
 * A common password with digits or symbols round it ("Sunshine2024!") is tried next, so it counts as common.
 */
export const isCommonPassword = (password: string): boolean => {
  const lower = password.toLowerCase();
  return COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/^[\d\W_]+|[\d\W_]+$/g, ''));
};

/** Hashes a password someone chose, refusing a common one with a problem at `path` (the field it came from). */
export const hashChosenPassword = async (password: string, path: string): Promise<string> => {
  if (isCommonPassword(password)) {
    throw new DomainError('invalid', 'That password was not accepted; nothing was changed.', [
      {
        path,
        message:
          'this password is on a list of common passwords attackers try first; choose a longer phrase, such as three random words',
      },
    ]);
  }
  return hashPassword(password);
};
