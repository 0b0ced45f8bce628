export const SORTS = ['score', 'recent'] as const;
export type InboxSort = (typeof SORTS)[number];
export type InboxParams = { department: string | null; sort: InboxSort };

export const SORT_LABELS: Record<InboxSort, string> = {
  score: 'Highest score first',
  recent: 'Most recent activity first',
};

const isSort = (value: string | null): value is InboxSort =>
  value !== null && (SORTS as readonly string[]).includes(value);

/**
 * Reads `?department=KEY&sort=score|recent`. A department the person cannot see (an old link, a typo) falls back
 * to their first department rather than asking the api for something it will refuse.
 */
export const parseInboxParams = (search: URLSearchParams, departmentKeys: string[]): InboxParams => {
  const requested = search.get('department');
  const department =
    requested && departmentKeys.includes(requested) ? requested : (departmentKeys[0] ?? null);
  const sort = search.get('sort');
  return { department, sort: isSort(sort) ? sort : 'score' };
};

/** The URL for a view, keeping any other parameters already there; the default sort is written out so links are explicit. */
export const inboxSearch = (
  params: InboxParams,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams => {
  const next = new URLSearchParams(current);
  if (params.department) next.set('department', params.department);
  else next.delete('department');
  next.set('sort', params.sort);
  return next;
};

/** Whether the URL already says what the page shows (used to replace a bare `/inbox` with the explicit link). */
export const isExplicit = (search: URLSearchParams, params: InboxParams): boolean =>
  search.get('department') === params.department && search.get('sort') === params.sort;
