export const ROLES = ['admin', 'manager', 'comms', 'policy', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Membership = { department: string; role: Role };

/**
 * What a member of a department may do there. Workspace administration (all departments, users and the
 * workspace document) is not a role: it is a flag on the user, checked by `workspace-admin` routes.
 */
export const PERMISSIONS = [
  'department.read',
  'conversation.act',
  'opportunity.approve',
  'rule.edit',
  'source.edit',
  'evaluation.read',
  'evaluation.record',
  'member.manage',
  'audit.read',
  'records.export',
  'legal-hold.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Rights by role, in one table: viewer reads; policy approves, reads impact reports and records evaluation (policy influence, surveys);
 * comms acts; manager runs listening, records evaluation (objectives, costs), reads the department's audit log and
 * exports its engagements for the records office; admin, people. Managers and admins place and release legal holds
 * on their department's conversations (they are the ones an FOI or litigation case reaches); subject requests are
 * for workspace administrators only.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: ['department.read'],
  policy: ['department.read', 'opportunity.approve', 'evaluation.read', 'evaluation.record'],
  comms: ['department.read', 'conversation.act'],
  manager: [
    'department.read',
    'conversation.act',
    'rule.edit',
    'source.edit',
    'evaluation.read',
    'evaluation.record',
    'audit.read',
    'records.export',
    'legal-hold.manage',
  ],
  admin: [
    'department.read',
    'conversation.act',
    'rule.edit',
    'source.edit',
    'evaluation.read',
    'evaluation.record',
    'member.manage',
    'audit.read',
    'records.export',
    'legal-hold.manage',
  ],
};

/** Who is asking, as the access policy sees them. */
export type Principal = {
  workspaceAdmin: boolean;
  memberships: readonly { departmentId: string; role: Role }[];
};

export const roleAllows = (role: Role, permission: Permission): boolean =>
  ROLE_PERMISSIONS[role].includes(permission);

/** A workspace administrator may do anything anywhere; anyone else, what their role in that department allows. */
export const mayInDepartment = (
  principal: Principal,
  departmentId: string,
  permission: Permission,
): boolean =>
  principal.workspaceAdmin ||
  principal.memberships.some((m) => m.departmentId === departmentId && roleAllows(m.role, permission));

/** Ids of the departments where the principal may do this; null means every department. */
export const departmentsAllowing = (principal: Principal, permission: Permission): string[] | null =>
  principal.workspaceAdmin
    ? null
    : principal.memberships.filter((m) => roleAllows(m.role, permission)).map((m) => m.departmentId);

/**
 * For something that belongs to several departments (a backfill started by their rule changes): may the principal
 * do this in one of them? Something of the whole workspace (null) is for workspace administrators.
 */
export const mayInOneOf = (
  principal: Principal,
  departmentIds: readonly string[] | null,
  permission: Permission,
): boolean =>
  principal.workspaceAdmin || (departmentIds ?? []).some((id) => mayInDepartment(principal, id, permission));

/** True when the principal may do this in at least one department: the guard's first, coarse check. */
export const mayAnywhere = (principal: Principal, permission: Permission): boolean =>
  principal.workspaceAdmin || principal.memberships.some((m) => roleAllows(m.role, permission));

/** Every role that allows a permission, highest first. */
export const rolesAllowing = (permission: Permission): Role[] =>
  ROLES.filter((role) => roleAllows(role, permission));

/** A role's members in plain words, for messages ("comms" is not a plural a person would write). */
export const ROLE_PLURALS: Record<Role, string> = {
  admin: 'admins',
  manager: 'managers',
  comms: 'comms officers',
  policy: 'policy officials',
  viewer: 'viewers',
};

/** Who may do this, for a refusal: "admins, managers and comms officers". */
export const whoMay = (permission: Permission): string => {
  const names = rolesAllowing(permission).map((role) => ROLE_PLURALS[role]);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};
