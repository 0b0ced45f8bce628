import { z } from 'zod';
import { ROLES } from '@parley/domain';
import { emailSchema, passwordSchema, personNameSchema } from './auth';

const role = z.enum(ROLES, 'choose a role');

/** Someone's standing in the workspace, shared by the members list and the list of every user. */
const personFields = {
  id: z.string(),
  email: z.string(),
  name: z.string(),
  workspaceAdmin: z.boolean(),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  /** Too many failed sign-ins: the login throttle refuses this account until it cools down or is unlocked. */
  locked: z.boolean(),
};

/** A member of one department, as that department's administrators see them. */
export const memberSchema = z.object({
  ...personFields,
  role,
  /** Whether the caller may disable, reset the password of or unlock this person's whole account. */
  manageAccount: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

/** Every user with all their memberships, for workspace administrators. */
export const userSummarySchema = z.object({
  ...personFields,
  memberships: z.array(z.object({ department: z.string(), role })),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/**
 * Adds someone to a department by email. A person without an account gets one: then `name` is needed, and a
 * password is generated unless one is given.
 */
export const addMemberRequestSchema = z.object({
  email: emailSchema,
  role,
  name: personNameSchema.optional(),
  password: passwordSchema.optional(),
});
export type AddMemberRequest = z.infer<typeof addMemberRequestSchema>;

/** `generatedPassword` is shown once, only when a new account was made without a password. */
export const memberAddedSchema = z.object({
  member: memberSchema,
  created: z.boolean(),
  generatedPassword: z.string().nullable(),
});
export type MemberAdded = z.infer<typeof memberAddedSchema>;

export const changeRoleRequestSchema = z.object({ role });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequestSchema>;

export const setWorkspaceAdminRequestSchema = z.object({
  workspaceAdmin: z.boolean('say whether they are a workspace administrator'),
});

/** Without a password, one is generated and returned once in `generatedPassword`. */
export const resetPasswordRequestSchema = z.object({ password: passwordSchema.optional() });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;
export const passwordResetSchema = z.object({ generatedPassword: z.string().nullable() });
export type PasswordReset = z.infer<typeof passwordResetSchema>;
