import type { Me } from '@parley/contracts';

/** The departments whose people this user manages: theirs as a department admin, or all as a workspace admin. */
export const managedDepartments = (me: Me): Me['departments'] =>
  me.departments.filter((d) => d.permissions.includes('member.manage'));

/** The department in the URL if it is one they manage, otherwise the first; null when they manage none. */
export const parsePeopleDepartment = (search: URLSearchParams, managed: readonly string[]): string | null => {
  const asked = search.get('department');
  if (asked && managed.includes(asked)) return asked;
  return managed[0] ?? null;
};
