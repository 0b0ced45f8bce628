import type { Reply, SeenRequest } from './local-http-server';
import { fixture } from './fixtures';

/** A status as the project's fixtures (fixtures/mastodon) hold it, in Mastodon 4's wire format. */
export type FixtureStatus = {
  id: string;
  in_reply_to_id: string | null;
  content: string;
  account: { id: string; acct: string };
  reblog: FixtureStatus | null;
};

export const mastodonFixture = <T>(name: string): T => fixture(`mastodon/${name}.json`) as T;

const byId = (a: { id: string }, b: { id: string }) =>
  a.id.length !== b.id.length ? a.id.length - b.id.length : a.id.localeCompare(b.id);

/**
 * A timeline page as Mastodon answers it: with `min_id`, the `limit` statuses just after it; without, the
 * newest `limit`; newest first either way.
 */
export const timelinePage = (statuses: readonly FixtureStatus[], url: URL): FixtureStatus[] => {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const minId = url.searchParams.get('min_id');
  const ascending = [...statuses].sort(byId);
  const after = minId === null ? ascending : ascending.filter((status) => byId(status, { id: minId }) > 0);
  const page = minId === null ? after.slice(-limit) : after.slice(0, limit);
  return page.reverse();
};

/** Routes of a Mastodon instance: path → the timeline it serves, paged like Mastodon. */
export type MastodonRoutes = {
  timelines: Record<string, readonly FixtureStatus[]>;
  /** Any other GET by path (account lookups by `acct` use `/api/v1/accounts/lookup?acct=NAME`). */
  documents: Record<string, unknown>;
};

/** Answers a request to the instance, or null (404, "Record not found") for anything it does not have. */
export const answerMastodon = (routes: MastodonRoutes, request: SeenRequest): Reply | null => {
  const timeline = routes.timelines[request.url.pathname];
  if (timeline) return { json: timelinePage(timeline, request.url) };
  const acct = request.url.searchParams.get('acct');
  const key = acct === null ? request.url.pathname : `${request.url.pathname}?acct=${acct}`;
  const document = routes.documents[key];
  return document === undefined ? null : { json: document };
};
