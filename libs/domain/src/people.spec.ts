import { describe, expect, it } from 'vitest';
import { accountAccess, type AccountAccess, type AccountHolder } from './people';
import type { Principal } from './roles';

const deptAdmin: Principal = {
  workspaceAdmin: false,
  memberships: [
    { departmentId: 'dfe', role: 'admin' },
    { departmentId: 'dwp', role: 'manager' },
  ],
};
const workspaceAdmin: Principal = { workspaceAdmin: true, memberships: [] };
const member = (...departmentIds: string[]): AccountHolder => ({ workspaceAdmin: false, departmentIds });

describe('accountAccess', () => {
  it.each<[string, Principal, AccountHolder, AccountAccess]>([
    ['workspace admin, anyone', workspaceAdmin, member('dwp', 'hmpo'), 'allowed'],
    ['workspace admin, someone in no department', workspaceAdmin, member(), 'allowed'],
    ['department admin, only in their department', deptAdmin, member('dfe'), 'allowed'],
    [
      'department admin, also in a department they only manage',
      deptAdmin,
      member('dfe', 'dwp'),
      'other-departments',
    ],
    ['department admin, not in their department', deptAdmin, member('dwp'), 'unseen'],
    ['department admin, in no department', deptAdmin, member(), 'unseen'],
    [
      'department admin, a workspace administrator in their department',
      deptAdmin,
      { workspaceAdmin: true, departmentIds: ['dfe'] },
      'workspace-admin',
    ],
  ])('%s', (_, principal, holder, expected) => expect(accountAccess(principal, holder)).toBe(expected));
});
