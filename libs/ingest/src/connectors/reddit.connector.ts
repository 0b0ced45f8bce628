import { DomainError } from '@parley/domain';
import { z } from 'zod';
import { isFetchError } from '../fetch-error';
import { htmlToText, sanitiseHtml } from '../sanitise-html';
import type {
  CounterUpdate,
  PollContext,
  PollResult,
  PulledPost,
  PullConnector,
  SourceState,
} from './connector';
import { fetchJson, parseSourceUrl } from './connector-http';
import { expectShape, parseEach, readSecondsCursor, secondsCursorAfter } from './connector-parse';
import {
  accessToken,
  credentialsOf,
  forgetToken,
  type RedditCredentials,
  type TokenCache,
} from './reddit-token';

const PAGE_SIZE = 100;
const MAX_PAGES = 5;
// Posts held by the spam filter or a slow replica show up in /new late, with their original time, so each
// poll looks back this far past the cursor; the store drops what it already has.
const LOOKBACK_SECONDS = 300;
const REDDIT_HOSTS = new Set([
  'reddit.com',
  'www.reddit.com',
  'old.reddit.com',
  'new.reddit.com',
  'oauth.reddit.com',
]);
const API_ORIGIN = 'https://oauth.reddit.com';
const WEB_ORIGIN = 'https://www.reddit.com';
const EXAMPLE = 'https://www.reddit.com/r/unitedkingdom';

const listingSchema = z.object({
  data: z.object({
    after: z.string().nullish(),
    children: z.array(z.object({ kind: z.string(), data: z.unknown() })),
  }),
});

const linkSchema = z.object({
  name: z.string(),
  title: z.string(),
  selftext: z.string().nullish(),
  selftext_html: z.string().nullish(),
  author: z.string().nullish(),
  created_utc: z.number(),
  permalink: z.string(),
  num_comments: z.number().nullish(),
  score: z.number().nullish(),
});
type Link = z.infer<typeof linkSchema>;

type Session = { credentials: RedditCredentials; cache: TokenCache; ctx: PollContext };

/** The /new listing of the subreddit a source names, on Reddit's OAuth host (or the source's own host, for tests). */
export const redditListingUrl = (url: string, after: string | null): string => {
  const source = parseSourceUrl(url, EXAMPLE);
  const sub = /^\/r\/([A-Za-z0-9_]+)/.exec(source.pathname)?.[1];
  if (!sub)
    throw new DomainError(
      'invalid',
      `"${url}" does not name a subreddit; expected something like ${EXAMPLE}`,
    );
  const origin = REDDIT_HOSTS.has(source.hostname) ? API_ORIGIN : source.origin;
  // raw_json=1: without it Reddit HTML-escapes text fields a second time.
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), raw_json: '1' });
  if (after) query.set('after', after);
  return `${origin}/r/${sub}/new.json?${query}`;
};

const getListing = async (session: Session, url: string, retried = false): Promise<unknown> => {
  const token = await accessToken(session.cache, session.credentials, session.ctx);
  const headers = { authorization: `Bearer ${token}`, 'user-agent': session.credentials.userAgent };
  try {
    return await fetchJson(url, session.ctx, headers);
  } catch (error) {
    // A token revoked early is renewed once; a second refusal is the credentials' fault.
    if (retried || !isFetchError(error) || error.status !== 401) throw error;
    forgetToken(session.cache, session.credentials);
    return getListing(session, url, true);
  }
};

const readPage = async (session: Session, url: string) => {
  const listing = expectShape(listingSchema, await getListing(session, url), 'a Reddit listing');
  const links = listing.data.children.filter((child) => child.kind === 't3').map((child) => child.data);
  return { after: listing.data.after ?? null, ...parseEach(linkSchema, links, 'posts') };
};

/** Newest first, page by page, until a page reaches back past the cursor (less the look-back). */
const readNew = async (session: Session, state: SourceState, previous: number | null) => {
  const since = previous === null ? null : previous - LOOKBACK_SECONDS;
  const links: Link[] = [];
  const notes: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const read = await readPage(session, redditListingUrl(state.url, after));
    const fresh = read.items.filter((link) => since === null || link.created_utc > since);
    links.push(...fresh);
    notes.push(...read.notes);
    after = read.after;
    if (since === null || !after || fresh.length < read.items.length) return { links, notes };
  }
  notes.push(`more than ${MAX_PAGES * PAGE_SIZE} new posts since the last poll; older ones were not read`);
  return { links, notes };
};

const toPost = (link: Link): PulledPost => {
  const html = sanitiseHtml(link.selftext_html ?? '');
  const author = link.author && link.author !== '[deleted]' ? link.author : null;
  return {
    externalId: link.name,
    url: `${WEB_ORIGIN}${link.permalink}`,
    title: link.title,
    author: { name: author, handle: author, profileUrl: author ? `${WEB_ORIGIN}/user/${author}` : null },
    publishedAt: new Date(link.created_utc * 1000),
    text: html ? htmlToText(html) : (link.selftext ?? '').replace(/\s+/g, ' ').trim(),
    html: html || null,
    inReplyTo: null,
    language: null,
    platform: 'reddit',
    rootId: null,
  };
};

const toCounters = (link: Link): CounterUpdate => ({
  externalId: link.name,
  likes: link.score ?? undefined,
  replies: link.num_comments ?? undefined,
});

/**
 * New posts of a subreddit over Reddit's OAuth API with the source's own app credentials (client credentials
 * grant), resumed by creation time. Tokens are kept in memory per client id for as long as they last.
 */
export const createRedditConnector = (): PullConnector => {
  const cache: TokenCache = new Map();
  const poll = async (state: SourceState, ctx: PollContext): Promise<PollResult> => {
    const session: Session = { credentials: credentialsOf(state.config), cache, ctx };
    const previous = readSecondsCursor(state.cursor);
    const { links, notes } = await readNew(session, state, previous);
    return {
      posts: links.map(toPost),
      counters: links.map(toCounters),
      cursor: secondsCursorAfter(
        links.map((link) => link.created_utc),
        previous,
      ),
      notes,
    };
  };
  return { poll };
};

export const redditConnector: PullConnector = createRedditConnector();
