import { ROLES, type Role } from '@parley/domain';

/** Roles in plain words, with what each may do in its department (as libs/domain's ROLE_PERMISSIONS decides). */
export const ROLE_LABELS: Record<Role, { name: string; description: string }> = {
  viewer: { name: 'Viewer', description: 'reads the inbox and conversations' },
  policy: { name: 'Policy official', description: 'reads, and approves replies' },
  comms: { name: 'Comms officer', description: 'reads, and takes part in conversations' },
  manager: {
    name: 'Manager',
    description: 'also changes listening rules and sources, sees evaluation, and places legal holds',
  },
  admin: { name: 'Department admin', description: 'also manages the department’s people' },
};

/** From the least to the most rights, as a select lists them. */
export const ROLE_OPTIONS: readonly Role[] = [...ROLES].reverse();

export const roleName = (role: Role): string => ROLE_LABELS[role].name;
