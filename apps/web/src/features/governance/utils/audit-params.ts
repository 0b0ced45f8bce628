/**
 * The audit page's filters, kept in the URL so a link reproduces the view: `department` (a key, or none for every
 * department the person may read), `actor` (part of a name or email), `action` (a kind of change), `from` and
 * `to` (days, inclusive).
 */
export type AuditParams = {
  department: string | null;
  actor: string;
  action: string;
  from: string;
  to: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The kinds of change a person filters by, in plain words; each is an action prefix the api matches. */
export const ACTION_FILTERS: { value: string; label: string }[] = [
  { value: '', label: 'Any change' },
  { value: 'opportunity', label: 'Work on conversations: assigning, drafts, clearance, referrals' },
  { value: 'engagement', label: 'Replies published' },
  { value: 'conversation', label: 'FOI case bundles' },
  { value: 'rule', label: 'Listening rules' },
  { value: 'source', label: 'Sources' },
  { value: 'department', label: 'Departments' },
  { value: 'membership', label: 'People’s roles' },
  { value: 'user', label: 'People’s accounts' },
  { value: 'api-token', label: 'API tokens' },
  { value: 'webhook', label: 'Webhooks' },
  { value: 'auth', label: 'Signing in and out' },
  { value: 'audit', label: 'Audit log exports' },
  { value: 'records', label: 'Records exports' },
];

export const parseAuditParams = (search: URLSearchParams, departments: readonly string[]): AuditParams => {
  const department = search.get('department');
  const action = search.get('action') ?? '';
  const day = (name: string) => {
    const value = search.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    department: department && departments.includes(department) ? department : null,
    actor: (search.get('actor') ?? '').trim().slice(0, 254),
    action: ACTION_FILTERS.some((a) => a.value === action) ? action : '',
    from: day('from'),
    to: day('to'),
  };
};

/** The query string of these filters, leaving out the empty ones. */
export const auditSearch = (params: AuditParams): URLSearchParams => {
  const search = new URLSearchParams();
  if (params.department) search.set('department', params.department);
  for (const key of ['actor', 'action', 'from', 'to'] as const) {
    if (params[key]) search.set(key, params[key]);
  }
  return search;
};

/** The CSV export of exactly what the page shows. */
export const auditCsvHref = (params: AuditParams): string => {
  const query = auditSearch(params).toString();
  return query ? `/api/audit.csv?${query}` : '/api/audit.csv';
};

/** A `to` day before the `from` day can match nothing: say so before asking. */
export const auditParamsProblem = (params: Pick<AuditParams, 'from' | 'to'>): string | null =>
  params.from && params.to && params.to < params.from
    ? 'The “to” date must be the same as or after the “from” date'
    : null;
