import { DomainError } from '@parley/domain';
import { z } from 'zod';
import { FetchError, isFetchError } from '../fetch-error';
import type { CounterUpdate, PollContext, PollResult, PullConnector, SourceState } from './connector';
import { configString, fetchJson } from './connector-http';
import { expectShape, parseEach } from './connector-parse';
import { parseMastodonSource, timelinePath, type MastodonTimeline } from './mastodon-source';
import {
  accountLookupSchema,
  contextSchema,
  newestId,
  originalOf,
  statusCounters,
  statusSchema,
  statusToPost,
  type MastodonStatus,
} from './mastodon-status';

const PAGE_SIZE = 40;
// A resumed poll catches up at most this many pages; the cursor only moves past what was read, so the rest
// simply comes next time.
const MAX_PAGES = 5;
// Each thread context costs a request; beyond this many replies per poll the store threads what it can.
const MAX_CONTEXTS = 10;
// Each own post read again for its counters costs a request too; the rest wait for the next poll.
const MAX_RECHECKS = 10;

type MastodonApi = { host: string; get: (pathAndQuery: string) => Promise<unknown> };
type TimelineStatus = z.infer<typeof statusSchema>;
type NewStatuses = { statuses: TimelineStatus[]; cursor: string | null; notes: string[] };
type Threads = { ancestors: MastodonStatus[]; roots: Map<string, string>; notes: string[] };

const refusedAccess = (error: unknown, host: string): unknown =>
  isFetchError(error) && (error.status === 401 || error.status === 403)
    ? new FetchError(
        'fetch_failed',
        `the instance refused access (${error.status}): check the source's access token for ${host}`,
        { status: error.status },
      )
    : error;

const apiFor = (
  timeline: MastodonTimeline,
  config: Record<string, unknown>,
  ctx: PollContext,
): MastodonApi => {
  const token = configString(config, 'accessToken');
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const host = new URL(timeline.origin).host;
  const get = async (pathAndQuery: string) => {
    try {
      return await fetchJson(`${timeline.origin}${pathAndQuery}`, ctx, headers);
    } catch (error) {
      throw refusedAccess(error, host);
    }
  };
  return { host, get };
};

const resolveAccountId = async (timeline: MastodonTimeline, api: MastodonApi): Promise<string | null> => {
  if (timeline.kind !== 'account') return null;
  try {
    const found = await api.get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(timeline.acct)}`);
    return expectShape(accountLookupSchema, found, 'a Mastodon account').id;
  } catch (error) {
    if (isFetchError(error) && error.status === 404)
      throw new DomainError(
        'invalid',
        `there is no account @${timeline.acct} on ${api.host}; check the source URL`,
      );
    throw error;
  }
};

const pageQuery = (filters: URLSearchParams, minId: string | null): string => {
  const query = new URLSearchParams(filters);
  query.set('limit', String(PAGE_SIZE));
  if (minId) query.set('min_id', minId);
  return query.toString();
};

const readPage = async (api: MastodonApi, path: string, query: string) => {
  const body = expectShape(
    z.array(z.unknown()),
    await api.get(`${path}?${query}`),
    'a list of Mastodon statuses',
  );
  return { size: body.length, ...parseEach(statusSchema, body, 'statuses') };
};

/**
 * First poll: the newest page. Resumed: pages after the cursor via min_id, which Mastodon answers with the
 * statuses just after it (oldest first), so advancing page by page never skips any.
 */
const readNew = async (
  api: MastodonApi,
  path: string,
  timeline: MastodonTimeline,
  cursor: string | null,
): Promise<NewStatuses> => {
  const statuses: TimelineStatus[] = [];
  const notes: string[] = [];
  let current = cursor;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const read = await readPage(api, path, pageQuery(timeline.query, current));
    statuses.push(...read.items);
    notes.push(...read.notes);
    current = newestId(
      read.items.map((status) => status.id),
      current,
    );
    if (cursor === null || read.size < PAGE_SIZE) return { statuses, cursor: current, notes };
  }
  notes.push(
    `more than ${MAX_PAGES * PAGE_SIZE} new statuses since the last poll; the rest come with the next poll`,
  );
  return { statuses, cursor: current, notes };
};

const readAncestors = async (api: MastodonApi, statusId: string): Promise<MastodonStatus[]> => {
  const context = expectShape(
    contextSchema,
    await api.get(`/api/v1/statuses/${encodeURIComponent(statusId)}/context`),
    'a Mastodon thread context',
  );
  return parseEach(statusSchema, context.ancestors, 'ancestors').items;
};

const recordRoot = (threads: Threads, replyId: string, ancestors: MastodonStatus[]): void => {
  const root = ancestors[0];
  if (!root) return;
  threads.ancestors.push(...ancestors);
  for (const status of [...ancestors.slice(1), { id: replyId }]) threads.roots.set(status.id, root.id);
};

/** Loads the thread above replies whose parent is not in this poll, so the conversation's root is stored too. */
const fetchThreads = async (api: MastodonApi, statuses: MastodonStatus[]): Promise<Threads> => {
  const threads: Threads = { ancestors: [], roots: new Map(), notes: [] };
  const known = new Set(statuses.map((status) => status.id));
  const orphans = statuses.filter((status) => status.in_reply_to_id && !known.has(status.in_reply_to_id));
  for (const reply of orphans.slice(0, MAX_CONTEXTS)) {
    try {
      recordRoot(threads, reply.id, await readAncestors(api, reply.id));
    } catch (error) {
      threads.notes.push(`could not load the thread above status ${reply.id}: ${(error as Error).message}`);
    }
  }
  if (orphans.length > MAX_CONTEXTS)
    threads.notes.push(
      `${orphans.length - MAX_CONTEXTS} replies were stored without loading their threads (limit ${MAX_CONTEXTS} a poll)`,
    );
  return threads;
};

/** Counters of the department's own posts read again by id; a post gone (deleted, 404) is a note, not a failure. */
const recheckCounters = async (
  api: MastodonApi,
  ids: readonly string[],
): Promise<{ counters: CounterUpdate[]; notes: string[] }> => {
  const counters: CounterUpdate[] = [];
  const notes: string[] = [];
  for (const id of ids.slice(0, MAX_RECHECKS)) {
    try {
      const status = expectShape(
        statusSchema,
        await api.get(`/api/v1/statuses/${encodeURIComponent(id)}`),
        'a Mastodon status',
      );
      counters.push(statusCounters(originalOf(status)));
    } catch (error) {
      notes.push(`could not read the counters of status ${id} again: ${(error as Error).message}`);
    }
  }
  return { counters, notes };
};

const uniqueById = (statuses: MastodonStatus[]): MastodonStatus[] => [
  ...new Map(statuses.map((s) => [s.id, s])).values(),
];

const EMPTY_FIRST_POLL =
  'the timeline returned no statuses: check the hashtag or account name, and that the instance lets Parley read this timeline (some need an access token)';

const pollMastodon = async (state: SourceState, ctx: PollContext): Promise<PollResult> => {
  const timeline = parseMastodonSource(state.url);
  const api = apiFor(timeline, state.config, ctx);
  const path = timelinePath(timeline, await resolveAccountId(timeline, api));
  const read = await readNew(api, path, timeline, state.cursor);
  const originals = uniqueById(read.statuses.map(originalOf));
  const threads = await fetchThreads(api, originals);
  const statuses = uniqueById([...threads.ancestors, ...originals]);
  const empty = state.cursor === null && read.statuses.length === 0 ? [EMPTY_FIRST_POLL] : [];
  const seen = new Set(statuses.map((status) => status.id));
  const rechecked = await recheckCounters(
    api,
    (state.recheck ?? []).filter((id) => !seen.has(id)),
  );
  return {
    posts: statuses.map((status) => statusToPost(status, threads.roots.get(status.id) ?? null)),
    counters: [...statuses.map(statusCounters), ...rechecked.counters],
    cursor: read.cursor,
    notes: [...empty, ...read.notes, ...threads.notes, ...rechecked.notes],
  };
};

/**
 * Hashtag, account and public timelines over Mastodon's REST API, resumed from the newest status id seen.
 * Optional `config.accessToken` is sent as a bearer token.
 */
export const mastodonConnector: PullConnector = { poll: pollMastodon };
