import type { Me } from '@parley/contracts';

/** As the api decides (it says what the user may do in each department they can see): may they change its rules? */
export const canEditRules = (departments: Me['departments'], department: string): boolean =>
  departments.some((d) => d.key === department && d.permissions.includes('rule.edit'));
