import { z } from 'zod';
import { MAX_KEY_LENGTH, PERMISSIONS, ROLES } from '@parley/domain';
import { LIMITS, list, text } from './text';

/** An email address as the api accepts one (254 characters is the most an address can have). */
export const emailSchema = z
  .email('enter an email address')
  .max(LIMITS.email, `an email address is at most ${LIMITS.email} characters`);

/** A person's name as it is shown beside their work. */
export const personNameSchema = text({ what: 'a name', max: LIMITS.name, required: 'enter a name' });

/**
 * A department key the caller names (in a query or a membership): checked as text only, so a key that names
 * nothing still answers "no such department".
 */
export const departmentKey = text({
  what: 'a department key',
  max: MAX_KEY_LENGTH,
  required: 'choose a department',
});

export const MIN_PASSWORD_LENGTH = 12;
// The upper bound only stops a multi-megabyte "password" from tying up the hasher; a passphrase fits easily.
export const MAX_PASSWORD_LENGTH = 256;
const tooLongForAPassword = `a password can have at most ${MAX_PASSWORD_LENGTH} characters`;

/** Length rules only, as the NCSC advises (no character-class rules); the api also refuses common passwords. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, tooLongForAPassword);

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'enter your password').max(MAX_PASSWORD_LENGTH, tooLongForAPassword),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

const membership = z.object({ department: departmentKey, role: z.enum(ROLES) });

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** A workspace administrator manages the workspace, every department and every user. */
  workspaceAdmin: z.boolean(),
  memberships: z.array(membership),
  /** Every department the user can see, with their role there (null: seen as workspace administrator). */
  departments: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      role: z.enum(ROLES).nullable(),
      permissions: z.array(z.enum(PERMISSIONS)),
    }),
  ),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const createTokenRequestSchema = z.object({
  name: text({ what: 'a token name', max: LIMITS.tokenName, required: 'name the token' }),
});
export const createTokenResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  /** When it stops working (`PARLEY_TOKEN_DAYS` after it was made). */
  expiresAt: z.string(),
});
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

/** One API token as its owner (or a workspace administrator) sees it; the secret itself is never shown again. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** How many sessions "sign out everywhere" ended. */
export const sessionsRevokedSchema = z.object({ sessionsEnded: z.number().int() });
export type SessionsRevoked = z.infer<typeof sessionsRevokedSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z
    .string()
    .min(1, 'enter your current password')
    .max(MAX_PASSWORD_LENGTH, tooLongForAPassword),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  memberships: list(membership, { what: 'memberships', within: 'a user', max: LIMITS.departments }).default(
    [],
  ),
  workspaceAdmin: z.boolean().default(false),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  memberships: z.array(membership),
  workspaceAdmin: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
