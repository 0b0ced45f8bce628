export const ROLES = ['admin', 'manager', 'comms', 'policy', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Membership = { department: string; role: Role };

/** Admins anywhere see every department; everyone else sees the departments they belong to. */
export const isGlobalAdmin = (memberships: Membership[]): boolean =>
  memberships.some((m) => m.role === 'admin');

export const canSeeDepartment = (memberships: Membership[], department: string): boolean =>
  isGlobalAdmin(memberships) || memberships.some((m) => m.department === department);
