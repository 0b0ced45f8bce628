/**
 * The authorization matrix: every route the api registers, and what each kind of caller gets from it.
 * `access-matrix.medium-spec.ts` sends every request and fails on any route the api registers that is not here,
 * any entry here the api no longer registers, and any answer that differs from the one written down.
 *
 * Each entry is keyed `METHOD /api/path` exactly as the controller declares it, and gives:
 * - `request`: how to build the request for a department's data. The test calls it with the caller's OWN
 *   department (where a member holds their role) and with ANOTHER department (where they hold none). Each
 *   department has a rule, a tagged conversation, a rule-change backfill and a member of its own (see
 *   `Department`).
 *   `actor` names the caller, so a write can use a key of its own and parallel requests never collide.
 * - `expect`: the status each caller gets, in twelve columns separated by `·`:
 *
 *       signed out · workspace admin · OWN: viewer policy comms manager admin · OTHER: viewer policy comms manager admin
 *
 *   The policy they follow: 401 signed out (unless public); 403 where the role does not allow it anywhere; 404
 *   for another department's data where the role would allow it at home (so a department's existence does not
 *   leak); 2xx where allowed, or 400 where the entry deliberately sends a minimal body (the guard runs before
 *   validation, so a 400 proves the access check passed).
 * - `notADepartmentWrite`: for a non-GET route a viewer may call, why it changes no department's data.
 * - `departmentsIn`: for a list that names no department, the department keys in its answer; a member must see
 *   only their own (and shared items, null).
 *
 * A new route is one more entry.
 */

export type Department = {
  key: string;
  ruleKey: string;
  conversationId: string;
  /** The tagged conversation's opportunity in this department. */
  opportunityId: string;
  backfillId: string;
  /** A viewer of this department alone who is none of the callers, for people-management routes to act on. */
  memberId: string;
};
export type RequestContext = { department: Department; actor: string };
export type RouteCase = {
  request: (ctx: RequestContext) => { path: string; body?: unknown };
  expect: string;
  notADepartmentWrite?: string;
  departmentsIn?: (body: unknown) => (string | null)[];
};

/** An id no user, member or token has: where the only answer an allowed caller can get is "not found". */
const NOBODY = '00000000-0000-4000-8000-000000000000';

const byDepartment = (body: unknown) => (body as { department: string | null }[]).map((x) => x.department);

export const ROUTES: Record<string, RouteCase> = {
  'GET /api/health': {
    request: () => ({ path: '/api/health' }),
    expect: '200 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'POST /api/auth/login': {
    request: () => ({ path: '/api/auth/login', body: {} }),
    expect: '400 · 400 · 400 400 400 400 400 · 400 400 400 400 400',
    notADepartmentWrite: 'signing in; the empty body is refused before any account is touched',
  },
  'POST /api/auth/logout': {
    request: () => ({ path: '/api/auth/logout' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
    notADepartmentWrite: "the caller's own session (the matrix signs in with API tokens, so none ends)",
  },
  'GET /api/auth/me': {
    request: () => ({ path: '/api/auth/me' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'POST /api/auth/tokens': {
    // The matrix signs in with API tokens, and a token cannot create tokens: only a signed-in session can.
    request: ({ actor }) => ({ path: '/api/auth/tokens', body: { name: `matrix ${actor}` } }),
    expect: '401 · 403 · 403 403 403 403 403 · 403 403 403 403 403',
    notADepartmentWrite: "an API token for the caller's own account, with the caller's own rights",
  },
  'POST /api/auth/sessions/revoke': {
    // Signing yourself out everywhere needs a signed-in session too, so the matrix's API tokens get 403.
    request: () => ({ path: '/api/auth/sessions/revoke' }),
    expect: '401 · 403 · 403 403 403 403 403 · 403 403 403 403 403',
    notADepartmentWrite: "ends the caller's own sessions",
  },
  'POST /api/users': {
    request: () => ({ path: '/api/users', body: {} }),
    expect: '401 · 400 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'PUT /api/workspace': {
    request: () => ({ path: '/api/workspace', body: { departments: [{}] } }),
    expect: '401 · 400 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'GET /api/conversations': {
    request: ({ department }) => ({ path: `/api/conversations?department=${department.key}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/conversations/:id': {
    request: ({ department }) => ({ path: `/api/conversations/${department.conversationId}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'POST /api/conversations/:id/author-views/reason': {
    // The author who posted in each department's conversation (the matrix forum's feed: Priya at home, Sam away).
    request: ({ department }) => ({
      path: `/api/conversations/${department.conversationId}/author-views/reason`,
      body: {
        author: department.key === 'home' ? 'web:priya' : 'web:sam',
        reason: 'authorization matrix probe',
      },
    }),
    expect: '401 · 201 · 201 201 201 201 201 · 404 404 404 404 404',
    notADepartmentWrite:
      'a reader records why they keep reading one person’s posts: their own accountability, not the department’s data',
  },
  'GET /api/sources': {
    request: () => ({ path: '/api/sources' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
    departmentsIn: byDepartment,
  },
  'GET /api/rules': {
    request: ({ department }) => ({ path: `/api/rules?department=${department.key}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
    departmentsIn: byDepartment,
  },
  'GET /api/rules/:department/:key/versions': {
    request: ({ department }) => ({ path: `/api/rules/${department.key}/${department.ruleKey}/versions` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'PUT /api/rules/:department/:key': {
    // A rule of the caller's own, saved whole each time: harmless, and never two writers on one key.
    request: ({ department, actor }) => ({
      path: `/api/rules/${department.key}/matrix-${actor}`,
      body: { name: 'Matrix probe', query: 'matrix probe', enabled: false, reason: 'authorization matrix' },
    }),
    expect: '401 · 200 · 403 403 403 200 200 · 403 403 403 404 404',
  },
  'POST /api/rules/preview': {
    request: ({ department }) => ({
      path: '/api/rules/preview',
      body: { department: department.key, query: 'ferry' },
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
    notADepartmentWrite: 'a preview runs a query over the department’s conversations and writes nothing',
  },
  'GET /api/rules/syntax': {
    request: () => ({ path: '/api/rules/syntax' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'GET /api/backfills/:id': {
    request: ({ department }) => ({ path: `/api/backfills/${department.backfillId}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/workspace': {
    request: () => ({ path: '/api/workspace' }),
    expect: '401 · 200 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'GET /api/auth/tokens': {
    request: () => ({ path: '/api/auth/tokens' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'DELETE /api/auth/tokens/:id': {
    request: () => ({ path: `/api/auth/tokens/${NOBODY}` }),
    expect: '401 · 404 · 404 404 404 404 404 · 404 404 404 404 404',
    notADepartmentWrite:
      "revokes one of the caller's own tokens (here none: only the caller's own are found)",
  },
  'PUT /api/auth/password': {
    request: () => ({ path: '/api/auth/password', body: {} }),
    expect: '401 · 400 · 400 400 400 400 400 · 400 400 400 400 400',
    notADepartmentWrite: "the caller's own password; the empty body is refused before anything is checked",
  },
  'GET /api/departments/:department/members': {
    request: ({ department }) => ({ path: `/api/departments/${department.key}/members` }),
    expect: '401 · 200 · 403 403 403 403 200 · 403 403 403 403 404',
  },
  'POST /api/departments/:department/members': {
    // A new account per caller, so no two callers add the same person.
    request: ({ department, actor }) => ({
      path: `/api/departments/${department.key}/members`,
      body: { email: `matrix-${actor}@example.gov.uk`, name: 'Matrix probe', role: 'viewer' },
    }),
    expect: '401 · 201 · 403 403 403 403 201 · 403 403 403 403 404',
  },
  'PUT /api/departments/:department/members/:userId': {
    request: ({ department }) => ({
      path: `/api/departments/${department.key}/members/${department.memberId}`,
      body: { role: 'viewer' },
    }),
    expect: '401 · 200 · 403 403 403 403 200 · 403 403 403 403 404',
  },
  'DELETE /api/departments/:department/members/:userId': {
    // Removing the shared member would race the other entries; someone who is no member is "not found" at home
    // too, so this entry proves the role check, and the department check is the one the other member routes share.
    request: ({ department }) => ({ path: `/api/departments/${department.key}/members/${NOBODY}` }),
    expect: '401 · 404 · 403 403 403 403 404 · 403 403 403 403 404',
  },
  'GET /api/users': {
    request: () => ({ path: '/api/users' }),
    expect: '401 · 200 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'PUT /api/users/:id/workspace-admin': {
    request: ({ department }) => ({
      path: `/api/users/${department.memberId}/workspace-admin`,
      body: { workspaceAdmin: false },
    }),
    expect: '401 · 200 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'POST /api/users/:id/disable': {
    request: ({ department }) => ({ path: `/api/users/${department.memberId}/disable` }),
    expect: '401 · 200 · 403 403 403 403 200 · 403 403 403 403 404',
  },
  'POST /api/users/:id/enable': {
    request: ({ department }) => ({ path: `/api/users/${department.memberId}/enable` }),
    expect: '401 · 200 · 403 403 403 403 200 · 403 403 403 403 404',
  },
  'POST /api/users/:id/password-reset': {
    request: ({ department }) => ({ path: `/api/users/${department.memberId}/password-reset`, body: {} }),
    expect: '401 · 200 · 403 403 403 403 200 · 403 403 403 403 404',
  },
  'POST /api/users/:id/sessions/revoke': {
    request: ({ department }) => ({ path: `/api/users/${department.memberId}/sessions/revoke` }),
    expect: '401 · 200 · 403 403 403 403 200 · 403 403 403 403 404',
  },
  'POST /api/users/:id/unlock': {
    request: ({ department }) => ({ path: `/api/users/${department.memberId}/unlock` }),
    expect: '401 · 204 · 403 403 403 403 204 · 403 403 403 403 404',
  },
  'GET /api/users/:id/tokens': {
    request: ({ department }) => ({ path: `/api/users/${department.memberId}/tokens` }),
    expect: '401 · 200 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'DELETE /api/users/:id/tokens/:tokenId': {
    request: ({ department }) => ({ path: `/api/users/${department.memberId}/tokens/${NOBODY}` }),
    expect: '401 · 404 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  // governance: the audit log (a department's admins and managers) and the FOI case bundle (anyone who reads it).
  'GET /api/audit': {
    request: ({ department }) => ({ path: `/api/audit?department=${department.key}` }),
    expect: '401 · 200 · 403 403 403 200 200 · 403 403 403 404 404',
  },
  'GET /api/audit.csv': {
    request: ({ department }) => ({ path: `/api/audit.csv?department=${department.key}` }),
    expect: '401 · 200 · 403 403 403 200 200 · 403 403 403 404 404',
  },
  // The records-office export: a department's managers and admins.
  'GET /api/records/export': {
    request: ({ department }) => ({
      path: `/api/records/export?department=${department.key}&from=2026-01-01&to=2026-12-31`,
    }),
    expect: '401 · 200 · 403 403 403 200 200 · 403 403 403 404 404',
  },
  'GET /api/conversations/:id/bundle': {
    request: ({ department }) => ({
      path: `/api/conversations/${department.conversationId}/bundle?department=${department.key}`,
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },

  // notifications module (issue 10): the caller's own notifications, email choices and live stream, and a
  // department's webhooks for its administrators.
  'GET /api/notifications': {
    request: () => ({ path: '/api/notifications' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'POST /api/notifications/read': {
    request: () => ({ path: '/api/notifications/read', body: { all: true } }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
    notADepartmentWrite: "marks the caller's own notifications read",
  },
  'GET /api/account/notification-preferences': {
    request: () => ({ path: '/api/account/notification-preferences' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'PUT /api/account/notification-preferences': {
    request: () => ({ path: '/api/account/notification-preferences', body: { email: { assigned: false } } }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
    notADepartmentWrite: "the caller's own email choices",
  },
  'GET /api/events': {
    // stay=0: what was missed, then the stream ends, so the request completes.
    request: () => ({ path: '/api/events?stay=0' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'GET /api/departments/:department/webhooks': {
    request: ({ department }) => ({ path: `/api/departments/${department.key}/webhooks` }),
    expect: '401 · 200 · 403 403 403 403 200 · 403 403 403 403 404',
  },
  'POST /api/departments/:department/webhooks': {
    request: ({ department, actor }) => ({
      path: `/api/departments/${department.key}/webhooks`,
      // A loopback address nothing listens on, for a kind of event the matrix never makes: nothing is ever sent.
      body: { name: `Matrix ${actor}`, url: 'http://127.0.0.1:9/matrix', reasons: ['mentioned'] },
    }),
    expect: '401 · 201 · 403 403 403 403 201 · 403 403 403 403 404',
  },
  'PUT /api/departments/:department/webhooks/:id': {
    request: ({ department }) => ({
      path: `/api/departments/${department.key}/webhooks/${NOBODY}`,
      body: { name: 'Matrix', reasons: ['sla-overdue'], enabled: false },
    }),
    expect: '401 · 404 · 403 403 403 403 404 · 403 403 403 403 404',
  },
  'DELETE /api/departments/:department/webhooks/:id': {
    request: ({ department }) => ({ path: `/api/departments/${department.key}/webhooks/${NOBODY}` }),
    expect: '401 · 404 · 403 403 403 403 404 · 403 403 403 403 404',
  },
  'GET /api/departments/:department/webhooks/:id/deliveries': {
    request: ({ department }) => ({
      path: `/api/departments/${department.key}/webhooks/${NOBODY}/deliveries`,
    }),
    expect: '401 · 404 · 403 403 403 403 404 · 403 403 403 403 404',
  },
  // --- opportunities (workflow): every change is sent from version 0, which is never current, so an allowed
  // caller gets 409 (the access check passed) and nothing changes; only a note is written, harmlessly.
  'GET /api/opportunities/:id': {
    request: ({ department }) => ({ path: `/api/opportunities/${department.opportunityId}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/opportunities/:id/history': {
    request: ({ department }) => ({ path: `/api/opportunities/${department.opportunityId}/history` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'POST /api/opportunities/:id/assign': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/assign`,
      body: { expectedVersion: 0, assigneeId: 'me' },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/unassign': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/unassign`,
      body: { expectedVersion: 0 },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/decline': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/decline`,
      body: { expectedVersion: 0, reason: 'duplicate' },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/refer': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/refer`,
      body: { expectedVersion: 0, to: 'press-office', note: 'authorization matrix' },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/referral-outcome': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/referral-outcome`,
      body: { expectedVersion: 0, outcome: 'authorization matrix' },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/reopen': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/reopen`,
      body: { expectedVersion: 0 },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/notes': {
    request: ({ department, actor }) => ({
      path: `/api/opportunities/${department.opportunityId}/notes`,
      body: { text: `authorization matrix: ${actor}` },
    }),
    expect: '401 · 201 · 403 403 201 201 201 · 403 403 404 404 404',
  },
  'POST /api/opportunities/bulk': {
    // Answers 200 with each item's own status (here 409: version 0 is stale).
    request: ({ department }) => ({
      path: '/api/opportunities/bulk',
      body: {
        department: department.key,
        action: 'decline',
        reason: 'duplicate',
        items: [{ id: department.opportunityId, expectedVersion: 0 }],
      },
    }),
    expect: '401 · 200 · 403 403 200 200 200 · 403 403 404 404 404',
  },

  // --- engagements (publishing): recorded from version 0, which is never current, so an allowed caller gets 409
  // (the access check passed) and nothing is recorded or posted.
  'GET /api/opportunities/:id/engagements': {
    request: ({ department }) => ({ path: `/api/opportunities/${department.opportunityId}/engagements` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'POST /api/opportunities/:id/engagements': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/engagements`,
      body: { kind: 'pointer', mode: 'transmit', url: 'https://www.gov.uk/', expectedVersion: 0 },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  // --- drafts: every change names draft version 999, which never exists, so an allowed caller gets 409 (the
  // access check passed) and nothing is written. Reviews are for policy, comms and manager members only.
  'GET /api/opportunities/:id/draft': {
    request: ({ department }) => ({ path: `/api/opportunities/${department.opportunityId}/draft` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'PUT /api/opportunities/:id/draft': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/draft`,
      body: { text: 'authorization matrix', expectedVersion: 999 },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'GET /api/opportunities/:id/draft/versions': {
    request: ({ department }) => ({ path: `/api/opportunities/${department.opportunityId}/draft/versions` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/opportunities/:id/draft/diff': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/draft/diff?from=0&to=0`,
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'POST /api/opportunities/:id/draft/overrides': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/draft/overrides`,
      body: { expectedVersion: 999, kind: 'view', start: 0, end: 1, reason: 'authorization matrix' },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/draft/submit': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/draft/submit`,
      body: { expectedVersion: 999 },
    }),
    expect: '401 · 409 · 403 403 409 409 409 · 403 403 404 404 404',
  },
  'POST /api/opportunities/:id/draft/reviews': {
    request: ({ department }) => ({
      path: `/api/opportunities/${department.opportunityId}/draft/reviews`,
      body: { expectedVersion: 999, decision: 'approve' },
    }),
    expect: '401 · 403 · 403 409 409 409 403 · 403 404 404 404 403',
  },
  'GET /api/clearance': {
    request: ({ department }) => ({ path: `/api/clearance?department=${department.key}` }),
    expect: '401 · 200 · 403 200 200 200 403 · 403 404 404 404 403',
  },

  // propriety module (issue 10): the draft check and the election period in force.
  'POST /api/propriety/check': {
    request: ({ department }) => ({
      path: '/api/propriety/check',
      body: { department: department.key, text: 'Hi, matrix team here.' },
    }),
    expect: '401 · 200 · 403 403 200 200 200 · 403 403 404 404 404',
  },
  'GET /api/election-periods/current': {
    request: () => ({ path: '/api/election-periods/current' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },

  // metrics (issue 11): anyone who can see a department reads its metrics and their charts over time.
  'GET /api/metrics': {
    request: ({ department }) => ({
      path: `/api/metrics?department=${department.key}&from=2026-01-01&to=2026-02-01`,
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/metrics/:id/series': {
    request: ({ department }) => ({
      path: `/api/metrics/opportunities/series?department=${department.key}&from=2026-01-01&to=2026-02-01`,
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/metrics/own-posts': {
    request: ({ department }) => ({
      path: `/api/metrics/own-posts?department=${department.key}&from=2026-01-01&to=2026-02-01&order=worst`,
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },

  // sentiment (issue 11): policy, managers and admins label posts; anyone in the department reads the accuracy.
  'GET /api/sentiment/sample': {
    request: ({ department }) => ({ path: `/api/sentiment/sample?department=${department.key}` }),
    expect: '401 · 200 · 403 200 403 200 200 · 403 404 403 404 404',
  },
  'PUT /api/sentiment/labels/:postId': {
    // The empty body is refused after the access check (400), so nothing is labelled.
    request: ({ department }) => ({ path: `/api/sentiment/labels/1?department=${department.key}`, body: {} }),
    expect: '401 · 400 · 403 400 403 400 400 · 403 404 403 404 404',
  },
  'GET /api/sentiment/accuracy': {
    request: ({ department }) => ({ path: `/api/sentiment/accuracy?department=${department.key}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/metrics/posts': {
    request: ({ department }) => ({
      path: `/api/metrics/posts?department=${department.key}&from=2026-01-01&to=2026-02-01`,
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  // Flagged spam or bot authors: everyone in the department sees the list; those who record evaluation change it.
  'GET /api/departments/:department/flagged-authors': {
    request: ({ department }) => ({ path: `/api/departments/${department.key}/flagged-authors` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'POST /api/departments/:department/flagged-authors': {
    // A handle per caller, so no two callers flag the same author in a department.
    request: ({ department, actor }) => ({
      path: `/api/departments/${department.key}/flagged-authors`,
      body: { platform: 'mastodon', handle: `matrix-${actor}`, kind: 'spam', reason: 'matrix probe' },
    }),
    expect: '401 · 201 · 403 201 403 201 201 · 403 404 403 404 404',
  },
  'DELETE /api/departments/:department/flagged-authors/:id': {
    request: ({ department }) => ({ path: `/api/departments/${department.key}/flagged-authors/${NOBODY}` }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },

  // evaluation records (issue 11): policy officials, managers and admins read and record them; comms and viewers cannot.
  'GET /api/evaluation': {
    request: ({ department }) => ({ path: `/api/evaluation?department=${department.key}` }),
    expect: '401 · 200 · 403 200 403 200 200 · 403 404 403 404 404',
  },
  'GET /api/evaluation/follow-ups': {
    request: ({ department }) => ({ path: `/api/evaluation/follow-ups?department=${department.key}` }),
    expect: '401 · 200 · 403 200 403 200 200 · 403 404 403 404 404',
  },
  'POST /api/evaluation/objectives': {
    request: ({ department }) => ({
      path: '/api/evaluation/objectives',
      body: {
        department: department.key,
        description: 'Answer more questions',
        audience: 'Parents',
        metric: 'response_rate',
        from: '2026-01-01',
        to: '2026-04-01',
      },
    }),
    expect: '401 · 201 · 403 201 403 201 201 · 403 404 403 404 404',
  },
  'POST /api/evaluation/exercises': {
    request: ({ department }) => ({
      path: '/api/evaluation/exercises',
      body: { department: department.key, title: 'Loans consultation', startedAt: '2026-01-01' },
    }),
    expect: '401 · 201 · 403 201 403 201 201 · 403 404 403 404 404',
  },
  'POST /api/evaluation/lessons': {
    request: ({ department }) => ({
      path: '/api/evaluation/lessons',
      body: { department: department.key, text: 'We replied too late in the evening.' },
    }),
    expect: '401 · 201 · 403 201 403 201 201 · 403 404 403 404 404',
  },
  'POST /api/evaluation/surveys': {
    request: ({ department }) => ({
      path: '/api/evaluation/surveys',
      body: {
        department: department.key,
        question: 'I know where to apply',
        method: 'Online panel',
        before: { agree: 10, n: 40 },
        after: { agree: 20, n: 40 },
        surveyedAt: '2026-02-01',
      },
    }),
    expect: '401 · 201 · 403 201 403 201 201 · 403 404 403 404 404',
  },
  'POST /api/evaluation/costs': {
    request: ({ department }) => ({
      path: '/api/evaluation/costs',
      body: {
        department: department.key,
        from: '2026-01-01',
        to: '2026-02-01',
        staffHours: 10,
        hourlyRate: 30,
        toolCost: 50,
      },
    }),
    expect: '401 · 201 · 403 201 403 201 201 · 403 404 403 404 404',
  },
  'PATCH /api/evaluation/objectives/:id': {
    request: () => ({ path: `/api/evaluation/objectives/${NOBODY}`, body: {} }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'DELETE /api/evaluation/objectives/:id': {
    request: () => ({ path: `/api/evaluation/objectives/${NOBODY}` }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'PATCH /api/evaluation/exercises/:id': {
    request: () => ({ path: `/api/evaluation/exercises/${NOBODY}`, body: {} }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'DELETE /api/evaluation/exercises/:id': {
    request: () => ({ path: `/api/evaluation/exercises/${NOBODY}` }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'POST /api/evaluation/exercises/:id/close': {
    request: () => ({ path: `/api/evaluation/exercises/${NOBODY}/close`, body: {} }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'PUT /api/evaluation/exercises/:id/you-said-we-did': {
    request: () => ({
      path: `/api/evaluation/exercises/${NOBODY}/you-said-we-did`,
      body: { url: 'https://www.gov.uk/you-said-we-did' },
    }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'POST /api/evaluation/exercises/:id/influence': {
    request: () => ({ path: `/api/evaluation/exercises/${NOBODY}/influence`, body: { level: 1 } }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'PATCH /api/evaluation/influence/:id': {
    request: () => ({ path: `/api/evaluation/influence/${NOBODY}`, body: {} }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'DELETE /api/evaluation/influence/:id': {
    request: () => ({ path: `/api/evaluation/influence/${NOBODY}` }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'PATCH /api/evaluation/lessons/:id': {
    request: () => ({ path: `/api/evaluation/lessons/${NOBODY}`, body: {} }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'DELETE /api/evaluation/lessons/:id': {
    request: () => ({ path: `/api/evaluation/lessons/${NOBODY}` }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'PATCH /api/evaluation/surveys/:id': {
    request: () => ({ path: `/api/evaluation/surveys/${NOBODY}`, body: {} }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'DELETE /api/evaluation/surveys/:id': {
    request: () => ({ path: `/api/evaluation/surveys/${NOBODY}` }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'PATCH /api/evaluation/costs/:id': {
    request: () => ({ path: `/api/evaluation/costs/${NOBODY}`, body: {} }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  'DELETE /api/evaluation/costs/:id': {
    request: () => ({ path: `/api/evaluation/costs/${NOBODY}` }),
    expect: '401 · 404 · 403 404 403 404 404 · 403 404 403 404 404',
  },
  // themes (issue 11): anyone who can see a department reads what its public talks about.
  'GET /api/themes': {
    request: ({ department }) => ({
      path: `/api/themes?department=${department.key}&from=2026-01-01&to=2026-02-01`,
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },

  // reports (issue 11): policy officials, managers and admins read a department's impact report.
  // lawful listening (issue 13): the data protection officer's report is for workspace administrators.
  'GET /api/reports/author-views': {
    request: () => ({ path: '/api/reports/author-views?from=2026-01-01&to=2026-02-01' }),
    expect: '401 · 200 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'GET /api/reports/impact': {
    request: ({ department }) => ({
      path: `/api/reports/impact?department=${department.key}&from=2026-01-01&to=2026-02-01&level=overview`,
    }),
    expect: '401 · 200 · 403 200 403 200 200 · 403 404 403 404 404',
  },
  'GET /api/reports/digest-subscriptions': {
    request: ({ department }) => ({ path: `/api/reports/digest-subscriptions?department=${department.key}` }),
    expect: '401 · 200 · 403 200 403 200 200 · 403 404 403 404 404',
  },
  'PUT /api/reports/digest-subscriptions': {
    request: ({ department }) => ({
      path: '/api/reports/digest-subscriptions',
      body: { department: department.key, subscribed: true },
    }),
    expect: '401 · 200 · 403 200 403 200 200 · 403 404 403 404 404',
  },

  // alerts (issue 12): anyone who can see a department reads its alerts, mutes and cases; comms officers, managers
  // and admins handle alerts and work on cases; managers and admins mute rules and sources. An alert, mute or case
  // of an unknown id answers 404 to whoever may act at all.
  'GET /api/alerts': {
    request: ({ department }) => ({ path: `/api/alerts?department=${department.key}&status=open` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/alerts/:id': {
    request: () => ({ path: `/api/alerts/${NOBODY}` }),
    expect: '401 · 404 · 404 404 404 404 404 · 404 404 404 404 404',
  },
  'GET /api/alerts/:id/series': {
    request: () => ({ path: `/api/alerts/${NOBODY}/series` }),
    expect: '401 · 404 · 404 404 404 404 404 · 404 404 404 404 404',
  },
  'POST /api/alerts/:id/actions': {
    request: () => ({ path: `/api/alerts/${NOBODY}/actions`, body: { action: 'acknowledge' } }),
    expect: '401 · 404 · 403 403 404 404 404 · 403 403 404 404 404',
  },
  'POST /api/alerts/:id/case': {
    request: () => ({ path: `/api/alerts/${NOBODY}/case` }),
    expect: '401 · 404 · 403 403 404 404 404 · 403 403 404 404 404',
  },
  'GET /api/alert-mutes': {
    request: ({ department }) => ({ path: `/api/alert-mutes?department=${department.key}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'POST /api/alert-mutes': {
    // A rule id the department does not have: an allowed caller gets 400 and nothing is muted.
    request: ({ department }) => ({
      path: '/api/alert-mutes',
      body: {
        department: department.key,
        target: { type: 'rule', id: NOBODY },
        until: new Date(Date.now() + 86_400_000).toISOString(),
        reason: 'Matrix',
      },
    }),
    expect: '401 · 400 · 403 403 403 400 400 · 403 403 403 404 404',
  },
  'DELETE /api/alert-mutes/:id': {
    request: () => ({ path: `/api/alert-mutes/${NOBODY}` }),
    expect: '401 · 404 · 403 403 403 404 404 · 403 403 403 404 404',
  },
  'GET /api/cases': {
    request: ({ department }) => ({ path: `/api/cases?department=${department.key}` }),
    expect: '401 · 200 · 200 200 200 200 200 · 404 404 404 404 404',
  },
  'GET /api/cases/:id': {
    request: () => ({ path: `/api/cases/${NOBODY}` }),
    expect: '401 · 404 · 404 404 404 404 404 · 404 404 404 404 404',
  },
  'PATCH /api/cases/:id': {
    request: () => ({ path: `/api/cases/${NOBODY}`, body: { title: 'Matrix' } }),
    expect: '401 · 404 · 403 403 404 404 404 · 403 403 404 404 404',
  },
  'GET /api/me/alert-preferences': {
    request: () => ({ path: '/api/me/alert-preferences' }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
  },
  'PUT /api/me/alert-preferences': {
    request: () => ({
      path: '/api/me/alert-preferences',
      body: { email: true, inApp: true, minSeverity: 1, quietHours: null },
    }),
    expect: '401 · 200 · 200 200 200 200 200 · 200 200 200 200 200',
    notADepartmentWrite: "the caller's own alert delivery",
  },
  // listening lawfully (issue 13): legal holds are for a department's managers and admins (and workspace
  // administrators); subject requests and the retention status for workspace administrators (the DPO) only.
  'GET /api/legal-holds': {
    request: () => ({ path: '/api/legal-holds' }),
    expect: '401 · 200 · 403 403 403 200 200 · 403 403 403 200 200',
    departmentsIn: byDepartment,
  },
  'POST /api/legal-holds': {
    request: ({ department, actor }) => ({
      path: '/api/legal-holds',
      body: { department: department.key, reason: `matrix probe by ${actor}` },
    }),
    expect: '401 · 201 · 403 403 403 201 201 · 403 403 403 404 404',
  },
  'DELETE /api/legal-holds/:id': {
    request: () => ({ path: `/api/legal-holds/${NOBODY}`, body: { reason: 'matrix probe' } }),
    expect: '401 · 404 · 403 403 403 404 404 · 403 403 403 404 404',
  },
  'GET /api/subject-requests': {
    request: () => ({ path: '/api/subject-requests' }),
    expect: '401 · 200 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'POST /api/subject-requests': {
    request: () => ({ path: '/api/subject-requests', body: {} }),
    expect: '401 · 400 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'GET /api/subject-requests/:id': {
    request: () => ({ path: `/api/subject-requests/${NOBODY}` }),
    expect: '401 · 404 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'GET /api/subject-requests/:id/export': {
    request: () => ({ path: `/api/subject-requests/${NOBODY}/export` }),
    expect: '401 · 404 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'POST /api/subject-requests/:id/erase': {
    request: () => ({ path: `/api/subject-requests/${NOBODY}/erase` }),
    expect: '401 · 404 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'POST /api/subject-requests/:id/pseudonymise': {
    request: () => ({ path: `/api/subject-requests/${NOBODY}/pseudonymise` }),
    expect: '401 · 404 · 403 403 403 403 403 · 403 403 403 403 403',
  },
  'GET /api/retention': {
    request: () => ({ path: '/api/retention' }),
    expect: '401 · 200 · 403 403 403 403 403 · 403 403 403 403 403',
  },
};
