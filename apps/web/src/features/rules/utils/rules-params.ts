/**
 * `?department=KEY` on the rules page. A department the person cannot see (an old link, a typo) falls back to
 * their first, rather than asking the api for something it will refuse.
 */
export const parseRulesDepartment = (search: URLSearchParams, departmentKeys: string[]): string | null => {
  const requested = search.get('department');
  return requested && departmentKeys.includes(requested) ? requested : (departmentKeys[0] ?? null);
};

/** The rules page for a department, keeping any other parameters already in the URL. */
export const rulesSearch = (department: string, current = new URLSearchParams()): URLSearchParams => {
  const next = new URLSearchParams(current);
  next.set('department', department);
  return next;
};

export const rulesPath = (department: string): string => `/rules?${rulesSearch(department).toString()}`;
export const rulePath = (department: string, key: string): string =>
  `/rules/${encodeURIComponent(department)}/${encodeURIComponent(key)}`;
export const newRulePath = (department: string): string => `/rules/${encodeURIComponent(department)}/new`;
