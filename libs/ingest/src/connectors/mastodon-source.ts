import { DomainError } from '@parley/domain';
import { parseSourceUrl } from './connector-http';

/** Which timeline a Mastodon source follows; `query` keeps the source's own filters (e.g. local=true). */
export type MastodonTimeline =
  | { kind: 'tag'; origin: string; tag: string; query: URLSearchParams }
  | { kind: 'account'; origin: string; acct: string; query: URLSearchParams }
  | { kind: 'account-id'; origin: string; accountId: string; query: URLSearchParams }
  | { kind: 'public'; origin: string; query: URLSearchParams };

const EXAMPLE =
  'https://mastodon.social/tags/NAME, https://mastodon.social/@user or https://mastodon.social/public';

// Pagination belongs to the connector: a cursor in the source URL would pin every poll to one page.
const PAGINATION = ['limit', 'min_id', 'max_id', 'since_id'];

const filtersOf = (url: URL): URLSearchParams => {
  const query = new URLSearchParams(url.search);
  for (const key of PAGINATION) query.delete(key);
  return query;
};

const withLocal = (query: URLSearchParams): URLSearchParams => {
  query.set('local', 'true');
  return query;
};

const timelineOf = (path: string, origin: string, query: URLSearchParams): MastodonTimeline | null => {
  const tag = /^\/(?:tags|api\/v1\/timelines\/tag)\/([^/]+)$/.exec(path);
  if (tag) return { kind: 'tag', origin, tag: decodeURIComponent(tag[1]), query };
  const account = /^\/@([^/]+)$/.exec(path);
  if (account) return { kind: 'account', origin, acct: decodeURIComponent(account[1]), query };
  const byId = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(path);
  if (byId) return { kind: 'account-id', origin, accountId: byId[1], query };
  if (path === '/public' || path === '/api/v1/timelines/public') return { kind: 'public', origin, query };
  if (path === '/public/local') return { kind: 'public', origin, query: withLocal(query) };
  return null;
};

/** Reads a Mastodon source URL as the web UI or the API writes it. */
export const parseMastodonSource = (url: string): MastodonTimeline => {
  const parsed = parseSourceUrl(url, EXAMPLE);
  const path = parsed.pathname.replace(/\/+$/, '') || '/';
  const timeline = timelineOf(path, parsed.origin, filtersOf(parsed));
  if (timeline) return timeline;
  throw new DomainError(
    'invalid',
    `"${url}" is not a Mastodon timeline Parley can follow; use a hashtag, account or public timeline, e.g. ${EXAMPLE}`,
  );
};

/** The API path of a timeline once any account has been resolved to its id. */
export const timelinePath = (timeline: MastodonTimeline, accountId: string | null): string => {
  switch (timeline.kind) {
    case 'tag':
      return `/api/v1/timelines/tag/${encodeURIComponent(timeline.tag)}`;
    case 'public':
      return '/api/v1/timelines/public';
    case 'account-id':
      return `/api/v1/accounts/${encodeURIComponent(timeline.accountId)}/statuses`;
    case 'account':
      return `/api/v1/accounts/${encodeURIComponent(accountId ?? '')}/statuses`;
  }
};
