import { DomainError } from '@parley/domain';
import { z } from 'zod';
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

const PAGE_SIZE = 100;
// A resumed poll catches up at most this many pages; the cursor only moves past what was read.
const MAX_PAGES = 5;
// Algolia indexes HN items some time after they are posted, so each poll looks back this far past the cursor;
// the store drops what it already has.
const INDEX_LAG_SECONDS = 300;
const HN = 'https://news.ycombinator.com';
const EXAMPLE = 'https://hn.algolia.com/api/v1/search_by_date?query=council&tags=(story,comment)';

const searchSchema = z.object({
  hits: z.array(z.unknown()),
  nbPages: z.number().nullish(),
  page: z.number().nullish(),
});

const hitSchema = z.object({
  objectID: z.string(),
  created_at_i: z.number(),
  author: z.string().nullish(),
  title: z.string().nullish(),
  story_text: z.string().nullish(),
  comment_text: z.string().nullish(),
  points: z.number().nullish(),
  num_comments: z.number().nullish(),
  story_id: z.number().nullish(),
  parent_id: z.number().nullish(),
  _tags: z.array(z.string()).nullish(),
});
type Hit = z.infer<typeof hitSchema>;

/** The source is a full Algolia search URL; only the time filter and paging are the connector's. */
export const hackerNewsSearchUrl = (url: string, since: number | null, page: number): string => {
  const search = parseSourceUrl(url, EXAMPLE);
  if (!/\/api\/v1\/search(_by_date)?$/.test(search.pathname))
    throw new DomainError(
      'invalid',
      `"${url}" is not a Hacker News search URL; expected something like ${EXAMPLE}`,
    );
  const filters = (search.searchParams.get('numericFilters') ?? '')
    .split(',')
    .filter((f) => f && !f.startsWith('created_at_i'));
  if (since !== null) filters.push(`created_at_i>${since}`);
  if (filters.length > 0) search.searchParams.set('numericFilters', filters.join(','));
  search.searchParams.set('hitsPerPage', String(PAGE_SIZE));
  search.searchParams.set('page', String(page));
  return search.href;
};

const isComment = (hit: Hit): boolean => hit.comment_text != null || (hit._tags ?? []).includes('comment');

const toPost = (hit: Hit): PulledPost => {
  const comment = isComment(hit);
  const html = sanitiseHtml((comment ? hit.comment_text : hit.story_text) ?? '');
  const author = hit.author ?? null;
  return {
    externalId: hit.objectID,
    // The discussion page, not the linked article: the article is not what people said about it.
    url: `${HN}/item?id=${hit.objectID}`,
    title: comment ? null : (hit.title ?? null),
    author: {
      name: author,
      handle: author,
      profileUrl: author ? `${HN}/user?id=${encodeURIComponent(author)}` : null,
    },
    publishedAt: new Date(hit.created_at_i * 1000),
    text: htmlToText(html),
    html: html || null,
    inReplyTo: comment && hit.parent_id != null ? String(hit.parent_id) : null,
    language: null,
    platform: 'hackernews',
    rootId: comment && hit.story_id != null ? String(hit.story_id) : null,
  };
};

const toCounters = (hit: Hit): CounterUpdate => ({
  externalId: hit.objectID,
  likes: hit.points ?? undefined,
  replies: isComment(hit) ? undefined : (hit.num_comments ?? undefined),
});

const readPages = async (state: SourceState, ctx: PollContext, previous: number | null) => {
  const since = previous === null ? null : previous - INDEX_LAG_SECONDS;
  const hits: Hit[] = [];
  const notes: string[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const body = await fetchJson(hackerNewsSearchUrl(state.url, since, page), ctx);
    const search = expectShape(searchSchema, body, 'an Algolia Hacker News search result');
    const parsed = parseEach(hitSchema, search.hits, 'search hits');
    hits.push(...parsed.items);
    notes.push(...parsed.notes);
    // A first poll takes one page; a resumed one reads on until Algolia has no more pages.
    if (previous === null || page + 1 >= (search.nbPages ?? 0)) return { hits, notes };
  }
  notes.push(`more than ${MAX_PAGES * PAGE_SIZE} new items since the last poll; older ones were not read`);
  return { hits, notes };
};

const pollHackerNews = async (state: SourceState, ctx: PollContext): Promise<PollResult> => {
  const previous = readSecondsCursor(state.cursor);
  const { hits, notes } = await readPages(state, ctx, previous);
  return {
    posts: hits.map(toPost),
    counters: hits.map(toCounters),
    cursor: secondsCursorAfter(
      hits.map((hit) => hit.created_at_i),
      previous,
    ),
    notes,
  };
};

/**
 * Stories and comments from Hacker News' Algolia search, newest first, resumed by creation time (seconds).
 * A comment replies to `parent_id` and belongs to the conversation of `story_id`.
 */
export const hackerNewsConnector: PullConnector = { poll: pollHackerNews };
