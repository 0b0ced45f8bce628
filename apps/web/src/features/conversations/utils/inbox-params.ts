import {
  OPEN_STATUSES,
  OPPORTUNITY_STATUSES,
  ROUTES,
  SLA_STATES,
  type OpportunityStatus,
  type Route,
  type SlaState,
} from '@parley/domain';

export const SORTS = ['score', 'recent'] as const;
export type InboxSort = (typeof SORTS)[number];

/** `me`, `nobody`, or a member's user id; null is anyone. */
export type AssigneeFilter = string | null;

export type InboxFilters = {
  /** Empty: every live status (what the inbox shows by default). */
  status: OpportunityStatus[];
  assignee: AssigneeFilter;
  route: Route | null;
  sla: SlaState | null;
  source: string | null;
  q: string;
};
export type InboxParams = { department: string | null; sort: InboxSort } & InboxFilters;

export const NO_FILTERS: InboxFilters = {
  status: [],
  assignee: null,
  route: null,
  sla: null,
  source: null,
  q: '',
};

/** "My work": assigned to me and not finished. */
export const MY_WORK: Pick<InboxFilters, 'status' | 'assignee'> = {
  status: OPEN_STATUSES.filter((s) => s !== 'new'),
  assignee: 'me',
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

const ASSIGNEE = /^(me|nobody|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const SOURCE = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Reads `?department=KEY&sort=score|recent` and the filters (`status=a,b`, `assignee`, `route`, `sla`, `source`,
 * `q`). A department the person cannot see (an old link, a typo) falls back to their first department, and a value
 * that is not one the api knows is dropped, rather than asking the api for something it will refuse.
 */
export const parseInboxParams = (search: URLSearchParams, departmentKeys: string[]): InboxParams => {
  const requested = search.get('department');
  const department =
    requested && departmentKeys.includes(requested) ? requested : (departmentKeys[0] ?? null);
  const statuses = (search.get('status') ?? '').split(',');
  const assignee = search.get('assignee');
  // The api takes several routes, SLA states or sources; the page chooses one, so a link with several keeps the first.
  const first = (name: string) => search.get(name)?.split(',')[0] ?? null;
  const source = first('source');
  return {
    department,
    sort: oneOf(SORTS, search.get('sort')) ?? 'score',
    status: OPPORTUNITY_STATUSES.filter((s) => statuses.includes(s)),
    assignee: assignee && ASSIGNEE.test(assignee) ? assignee : null,
    route: oneOf(ROUTES, first('route')),
    sla: oneOf(SLA_STATES, first('sla')),
    source: source && SOURCE.test(source) ? source : null,
    q: (search.get('q') ?? '').trim().slice(0, 200),
  };
};

/**
 * The URL for a view, keeping any other parameters already there; the default sort is written out so links are
 * explicit, and filters only when set.
 */
export const inboxSearch = (
  params: InboxParams,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams => {
  const next = new URLSearchParams(current);
  if (params.department) next.set('department', params.department);
  else next.delete('department');
  next.set('sort', params.sort);
  for (const [key, value] of Object.entries(filterQuery(params))) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
};

/** The filters as the api's query parameters (lists comma-separated); unset ones are absent. */
export const filterQuery = (filters: InboxFilters): Record<keyof InboxFilters, string | undefined> => ({
  status: filters.status.length ? filters.status.join(',') : undefined,
  assignee: filters.assignee ?? undefined,
  route: filters.route ?? undefined,
  sla: filters.sla ?? undefined,
  source: filters.source ?? undefined,
  q: filters.q || undefined,
});

/** Whether the URL already says what the page shows (used to replace a bare `/inbox` with the explicit link). */
export const isExplicit = (search: URLSearchParams, params: InboxParams): boolean =>
  search.get('department') === params.department && search.get('sort') === params.sort;

/** Whether the view is "My work" and nothing else narrows it. */
export const isMyWork = (params: InboxParams): boolean =>
  params.assignee === MY_WORK.assignee &&
  params.status.join(',') === MY_WORK.status.join(',') &&
  !params.route &&
  !params.sla &&
  !params.source &&
  !params.q;

export const hasFilters = (params: InboxFilters): boolean =>
  Object.values(filterQuery(params)).some((v) => v !== undefined);
