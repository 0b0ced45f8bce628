import type { Me } from '@parley/contracts';

/**
 * As the api decides: a Parley administrator may change any department's rules, a manager only their own
 * department's. Everyone else who can see the department may read them.
 */
export const canEditRules = (memberships: Me['memberships'], department: string): boolean =>
  memberships.some((m) => m.role === 'admin' || (m.role === 'manager' && m.department === department));
