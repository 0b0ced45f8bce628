import type { Me } from '@parley/contracts';

/** Key → name for display; a key the user cannot name (an old tag, the workspace-wide '*') still reads sensibly. */
export const departmentNamer =
  (departments: Me['departments']) =>
  (key: string): string =>
    departments.find((d) => d.key === key)?.name ?? (key === '*' ? 'All departments' : key);
