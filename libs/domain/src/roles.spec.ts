import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  ROLES,
  departmentsAllowing,
  mayAnywhere,
  mayInDepartment,
  mayInOneOf,
  roleAllows,
  whoMay,
  type Permission,
  type Principal,
  type Role,
} from './roles';

// The words, written out by hand so a change to ROLE_PERMISSIONS has to change this table too:
// viewer reads; policy reads and approves; comms reads and acts; manager also edits rules and sources and sees
// evaluation and the department's audit log and places legal holds; admin also manages the department's members.
const Y = true;
const N = false;
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  'department.read': { viewer: Y, policy: Y, comms: Y, manager: Y, admin: Y },
  'opportunity.approve': { viewer: N, policy: Y, comms: N, manager: N, admin: N },
  'conversation.act': { viewer: N, policy: N, comms: Y, manager: Y, admin: Y },
  'rule.edit': { viewer: N, policy: N, comms: N, manager: Y, admin: Y },
  'source.edit': { viewer: N, policy: N, comms: N, manager: Y, admin: Y },
  'evaluation.read': { viewer: N, policy: Y, comms: N, manager: Y, admin: Y },
  'evaluation.record': { viewer: N, policy: Y, comms: N, manager: Y, admin: Y },
  'member.manage': { viewer: N, policy: N, comms: N, manager: N, admin: Y },
  'audit.read': { viewer: N, policy: N, comms: N, manager: Y, admin: Y },
  'records.export': { viewer: N, policy: N, comms: N, manager: Y, admin: Y },
  // Issue 13: an FOI or litigation case reaches the department's managers; they and its admins hold its posts.
  'legal-hold.manage': { viewer: N, policy: N, comms: N, manager: Y, admin: Y },
};

const member = (...memberships: [string, Role][]): Principal => ({
  workspaceAdmin: false,
  memberships: memberships.map(([departmentId, role]) => ({ departmentId, role })),
});

describe('rights by role', () => {
  it('covers every permission', () => expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort()));

  it.each(PERMISSIONS.flatMap((permission) => ROLES.map((role) => [role, permission] as const)))(
    '%s → %s',
    (role, permission) => {
      const expected = EXPECTED[permission][role];
      expect(roleAllows(role, permission)).toBe(expected);
      // …in their own department only.
      expect(mayInDepartment(member(['d1', role]), 'd1', permission)).toBe(expected);
      expect(mayInDepartment(member(['d1', role]), 'd2', permission)).toBe(false);
    },
  );

  it('gives a viewer nothing but reading', () =>
    expect(PERMISSIONS.filter((p) => roleAllows('viewer', p))).toEqual(['department.read']));
});

describe('the policy for a principal', () => {
  const workspaceAdmin: Principal = { workspaceAdmin: true, memberships: [] };
  const both = member(['d1', 'viewer'], ['d2', 'manager']);

  it('lets a workspace administrator do anything in any department', () => {
    expect(PERMISSIONS.every((p) => mayInDepartment(workspaceAdmin, 'any', p))).toBe(true);
    expect(departmentsAllowing(workspaceAdmin, 'member.manage')).toBeNull();
    expect(mayAnywhere(workspaceAdmin, 'member.manage')).toBe(true);
  });

  it('does not make a department admin an admin of other departments', () => {
    const admin = member(['d1', 'admin']);
    expect(mayInDepartment(admin, 'd1', 'member.manage')).toBe(true);
    expect(mayInDepartment(admin, 'd2', 'department.read')).toBe(false);
    expect(departmentsAllowing(admin, 'department.read')).toEqual(['d1']);
  });

  it.each([
    ['department.read', ['d1', 'd2'], true],
    ['rule.edit', ['d2'], true],
    ['member.manage', [], false],
  ] as const)('with two roles, %s is allowed in %j (anywhere: %s)', (permission, ids, anywhere) => {
    expect(departmentsAllowing(both, permission)).toEqual(ids);
    expect(mayAnywhere(both, permission)).toBe(anywhere);
  });
});

describe('mayInOneOf', () => {
  it.each([
    [member(['d1', 'viewer']), ['d2', 'd1'], true],
    [member(['d1', 'viewer']), ['d2'], false],
    [member(['d1', 'admin']), null, false],
    [{ workspaceAdmin: true, memberships: [] }, null, true],
    [{ workspaceAdmin: true, memberships: [] }, [], true],
    [member(['d1', 'viewer']), [], false],
  ] as const)('%j in %j → %s', (principal, ids, expected) =>
    expect(mayInOneOf(principal, ids, 'department.read')).toBe(expected),
  );
});

describe('whoMay', () => {
  it.each([
    ['member.manage', 'admins'],
    ['rule.edit', 'admins and managers'],
    ['conversation.act', 'admins, managers and comms officers'],
    ['opportunity.approve', 'policy officials'],
  ] as const)('%s → %s', (permission, expected) => expect(whoMay(permission)).toBe(expected));
});
