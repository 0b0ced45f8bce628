import type { Member, UserSummary } from '@parley/contracts';
import { iso, type MemberRow, type PersonRow, type UserWithMembershipsRow } from '@parley/db';

const personOf = (row: PersonRow, locked: ReadonlySet<string>) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  workspaceAdmin: row.workspaceAdmin,
  disabled: row.disabledAt !== null,
  lastSignInAt: iso(row.lastSignInAt),
  locked: locked.has(row.email),
});

export const toMember = (row: MemberRow, locked: ReadonlySet<string>, manageAccount: boolean): Member => ({
  ...personOf(row, locked),
  role: row.role,
  manageAccount,
});

export const toUserSummary = (row: UserWithMembershipsRow, locked: ReadonlySet<string>): UserSummary => ({
  ...personOf(row, locked),
  memberships: row.memberships,
});
