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
import { configString, fetchJson, parseSourceUrl } from './connector-http';
import { expectShape, parseDate, parseEach } from './connector-parse';
import {
  LIKE_ACTION,
  SPOKEN_POST_TYPES,
  latestSchema,
  postSchema,
  postsSchema,
  topicSchema,
  topicSummarySchema,
  type DiscoursePost,
  type Topic,
  type TopicSummary,
} from './discourse-api';

// Each topic costs a request or more; the cursor only moves past topics read, so the rest come next poll.
const MAX_TOPICS = 10;
// A long topic's first page holds ~20 posts; at most this many newer ones are fetched on top, 20 a request.
const MAX_EXTRA_POSTS = 100;
const POSTS_PER_REQUEST = 20;
// Deleted, private or moved topics: noted and passed over, unlike outages, which fail the poll to be retried.
const GONE = new Set([403, 404, 410]);

type Forum = { origin: string; listUrl: string; ctx: PollContext; headers: Record<string, string> };
type TopicPosts = { topic: Topic; posts: DiscoursePost[]; notes: string[] };

const EXAMPLE = 'https://forum.example.org/latest.json or https://forum.example.org/c/announcements/5';

/** The topic list behind a forum URL: latest.json for the forum, or any list page (category, tag) as JSON. */
export const discourseListUrl = (url: string): URL => {
  const parsed = parseSourceUrl(url, EXAMPLE);
  const path = parsed.pathname.replace(/\/+$/, '');
  if (path === '') parsed.pathname = '/latest.json';
  else if (!path.endsWith('.json')) parsed.pathname = `${path}.json`;
  return parsed;
};

const bumpedOf = (topic: TopicSummary): Date | null => parseDate(topic.bumped_at ?? topic.last_posted_at);

type Selection = { chosen: TopicSummary[]; overflow: boolean };

const byBumped = (a: TopicSummary, b: TopicSummary) =>
  (bumpedOf(a)?.getTime() ?? 0) - (bumpedOf(b)?.getTime() ?? 0);

/**
 * Topics bumped after the cursor, oldest first so the cursor never passes one unread; a first poll takes the
 * newest few. `overflow` when every unpinned topic on the list changed: older changes may be on the next page.
 */
const topicsToRead = (topics: TopicSummary[], cursor: string | null): Selection => {
  const since = parseDate(cursor);
  const listed = topics.filter((topic) => topic.archetype !== 'private_message' && bumpedOf(topic) !== null);
  const changed = listed
    .filter((topic) => since === null || (bumpedOf(topic) as Date) > since)
    .sort(byBumped);
  const unpinned = listed.filter((topic) => !topic.pinned).length;
  return {
    chosen: since === null ? changed.slice(-MAX_TOPICS) : changed.slice(0, MAX_TOPICS),
    overflow: since !== null && unpinned > 0 && changed.filter((topic) => !topic.pinned).length === unpinned,
  };
};

const readTopicList = async (forum: Forum) => {
  const latest = expectShape(
    latestSchema,
    await fetchJson(forum.listUrl, forum.ctx, forum.headers),
    'a Discourse topic list',
  );
  const parsed = parseEach(topicSummarySchema, latest.topic_list.topics, 'topics');
  return { ...parsed, more: Boolean(latest.topic_list.more_topics_url) };
};

const spoken = (posts: DiscoursePost[]) => posts.filter((post) => SPOKEN_POST_TYPES.has(post.post_type ?? 1));

/** Posts of a long topic that its first page left out: the newest ones, since the topic was just bumped. */
const readMissingPosts = async (forum: Forum, topic: Topic, have: DiscoursePost[]): Promise<unknown[]> => {
  const seen = new Set(have.map((post) => post.id));
  const missing = (topic.post_stream.stream ?? []).filter((id) => !seen.has(id)).slice(-MAX_EXTRA_POSTS);
  const found: unknown[] = [];
  for (let start = 0; start < missing.length; start += POSTS_PER_REQUEST) {
    const query = missing
      .slice(start, start + POSTS_PER_REQUEST)
      .map((id) => `post_ids[]=${id}`)
      .join('&');
    const body = await fetchJson(
      `${forum.origin}/t/${topic.id}/posts.json?${query}`,
      forum.ctx,
      forum.headers,
    );
    found.push(...expectShape(postsSchema, body, 'Discourse posts').post_stream.posts);
  }
  return found;
};

const readTopic = async (forum: Forum, id: number): Promise<TopicPosts> => {
  const topic = expectShape(
    topicSchema,
    await fetchJson(`${forum.origin}/t/${id}.json`, forum.ctx, forum.headers),
    'a Discourse topic',
  );
  const first = parseEach(postSchema, topic.post_stream.posts, 'posts');
  const more = parseEach(postSchema, await readMissingPosts(forum, topic, first.items), 'posts');
  return { topic, posts: spoken([...first.items, ...more.items]), notes: [...first.notes, ...more.notes] };
};

const likesOf = (post: DiscoursePost): number | undefined =>
  post.actions_summary?.find((action) => action.id === LIKE_ACTION)?.count ?? post.like_count ?? undefined;

const externalId = (postId: number): string => `post-${postId}`;

/** The topic's opening post: the first id of its stream, or post number 1 if the stream is absent. */
const openingPostId = (topic: Topic, posts: DiscoursePost[]): number | null =>
  topic.post_stream.stream?.[0] ?? posts.find((post) => post.post_number === 1)?.id ?? null;

const toPosts = (forum: Forum, { topic, posts }: TopicPosts): PulledPost[] => {
  const openingId = openingPostId(topic, posts);
  const root = openingId === null ? null : externalId(openingId);
  const idByNumber = new Map(posts.map((post) => [post.post_number, post.id]));
  return posts.map((post) => {
    const opening = post.id === openingId;
    const parentId = post.reply_to_post_number ? idByNumber.get(post.reply_to_post_number) : undefined;
    const html = sanitiseHtml(post.cooked ?? '');
    return {
      externalId: externalId(post.id),
      url: `${forum.origin}/t/${topic.slug}/${topic.id}/${post.post_number}`,
      title: opening ? topic.title : null,
      author: {
        name: post.name || post.username,
        handle: post.username,
        profileUrl: `${forum.origin}/u/${post.username}`,
      },
      publishedAt: parseDate(post.created_at),
      text: htmlToText(html),
      html: html || null,
      // Every post threads under the topic's opening post unless it answers a specific post we also have.
      inReplyTo: opening ? null : parentId !== undefined ? externalId(parentId) : root,
      language: null,
      platform: 'discourse',
      rootId: opening ? null : root,
    };
  });
};

const toCounters = (posts: DiscoursePost[]): CounterUpdate[] =>
  posts.map((post) => ({
    externalId: externalId(post.id),
    likes: likesOf(post),
    replies: post.reply_count ?? undefined,
  }));

const readTopics = async (forum: Forum, topics: TopicSummary[]) => {
  const read: TopicPosts[] = [];
  const notes: string[] = [];
  for (const summary of topics) {
    try {
      read.push(await readTopic(forum, summary.id));
    } catch (error) {
      if (!isFetchError(error) || !GONE.has(error.status ?? 0)) throw error;
      notes.push(`topic ${summary.id} ("${summary.title}") could not be read (${error.status}); skipped`);
    }
  }
  return { read, notes };
};

const OVERFLOW_NOTE =
  'every topic on the first page changed since the last poll, so older changes may be missed; poll this source more often';

/** Discourse's API key headers, when the source has a key: private categories need one. */
const apiHeaders = (config: Record<string, unknown>): Record<string, string> => {
  const key = configString(config, 'apiKey');
  const user = configString(config, 'apiUsername');
  return key ? { 'api-key': key, ...(user ? { 'api-username': user } : {}) } : {};
};

const pollDiscourse = async (state: SourceState, ctx: PollContext): Promise<PollResult> => {
  const listUrl = discourseListUrl(state.url);
  const forum: Forum = {
    origin: listUrl.origin,
    listUrl: listUrl.href,
    ctx,
    headers: apiHeaders(state.config),
  };
  const list = await readTopicList(forum);
  const { chosen, overflow } = topicsToRead(list.items, state.cursor);
  const { read, notes } = await readTopics(forum, chosen);
  const newest = chosen.length > 0 ? chosen[chosen.length - 1] : null;
  const missed = overflow && list.more ? [OVERFLOW_NOTE] : [];
  return {
    posts: read.flatMap((topic) => toPosts(forum, topic)),
    counters: read.flatMap((topic) => toCounters(topic.posts)),
    cursor: newest ? (newest.bumped_at ?? newest.last_posted_at ?? state.cursor) : state.cursor,
    notes: [...list.notes, ...notes, ...missed],
  };
};

/** Latest topics of a Discourse forum (or one category or tag), each topic one conversation. */
export const discourseConnector: PullConnector = { poll: pollDiscourse };
