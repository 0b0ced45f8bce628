import { mayInDepartment, type Principal } from './roles';

/** The person an account action (disable, reset password, unlock) is aimed at. */
export type AccountHolder = { workspaceAdmin: boolean; departmentIds: readonly string[] };

/**
 * Whether the principal may act on someone's whole account, and if not, why. A workspace administrator may act
 * on anyone. A department administrator may act only on people whose every membership is in a department they
 * administer: disabling or resetting an account reaches every department it belongs to, so a department
 * administrator acting on a member they share with another department would be acting in that one too. Nor
 * may they act on a workspace administrator (a password reset would let them sign in as one). People outside
 * every department they administer are not theirs to see at all.
 */
export type AccountAccess = 'allowed' | 'unseen' | 'workspace-admin' | 'other-departments';

export const accountAccess = (principal: Principal, holder: AccountHolder): AccountAccess => {
  if (principal.workspaceAdmin) return 'allowed';
  const administers = (departmentId: string) => mayInDepartment(principal, departmentId, 'member.manage');
  if (!holder.departmentIds.some(administers)) return 'unseen';
  if (holder.workspaceAdmin) return 'workspace-admin';
  return holder.departmentIds.every(administers) ? 'allowed' : 'other-departments';
};
