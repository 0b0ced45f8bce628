import type { Me } from '@parley/contracts';

/** Key → name for display; a key the user cannot name (say, a department deleted since) shows as itself. */
export const departmentNamer =
  (departments: Me['departments']) =>
  (key: string): string =>
    departments.find((d) => d.key === key)?.name ?? key;
