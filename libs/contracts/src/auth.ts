import { z } from 'zod';
import { PERMISSIONS, ROLES } from '@parley/domain';

export const MIN_PASSWORD_LENGTH = 12;
// The upper bound only stops a multi-megabyte "password" from tying up the hasher; a passphrase fits easily.
export const MAX_PASSWORD_LENGTH = 256;

export const loginRequestSchema = z.object({
  email: z.email('enter an email address'),
  password: z
    .string()
    .min(1, 'enter your password')
    .max(MAX_PASSWORD_LENGTH, `a password has at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

const membership = z.object({ department: z.string().min(1), role: z.enum(ROLES) });

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
  name: z.string().trim().min(1, 'name the token').max(100),
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

/** Length rules only, as the NCSC advises (no character-class rules); the api also refuses common passwords. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `a password can have at most ${MAX_PASSWORD_LENGTH} characters`);

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'enter your current password'),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const createUserRequestSchema = z.object({
  email: z.email('enter an email address'),
  name: z.string().trim().min(1, 'enter a name'),
  password: passwordSchema,
  memberships: z.array(membership).default([]),
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
