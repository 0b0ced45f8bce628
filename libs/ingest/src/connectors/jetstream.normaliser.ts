import type { PulledPost } from './connector';
import { parseDate } from './connector-parse';
import { isRecord, type JetstreamCommit, type JetstreamEvent } from './jetstream-event';

export const POST_COLLECTION = 'app.bsky.feed.post';
export const LIKE_COLLECTION = 'app.bsky.feed.like';
export const REPOST_COLLECTION = 'app.bsky.feed.repost';
export const JETSTREAM_COLLECTIONS = [POST_COLLECTION, LIKE_COLLECTION, REPOST_COLLECTION] as const;

/** What one event means for Parley; every other event (follows, profiles, blocks, identity) is ignored. */
export type JetstreamItem =
  | { type: 'post'; post: PulledPost; timeUs: number }
  | { type: 'engagement'; metric: 'likes' | 'reposts'; subject: string; eventUri: string; timeUs: number }
  | { type: 'redaction'; externalId: string; timeUs: number };

/** Engagement to add to stored posts: increments, unlike the absolute CounterUpdate of pull connectors. */
export type CounterIncrement = { externalId: string; likes: number; reposts: number };

/** A batch's changes in the order to apply them: posts, then increments, then redactions. */
export type JetstreamChanges = { posts: PulledPost[]; increments: CounterIncrement[]; redactions: string[] };

export const atUri = (did: string, collection: string, rkey: string): string =>
  `at://${did}/${collection}/${rkey}`;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const refUri = (value: unknown): string | null => (isRecord(value) ? text(value.uri) : null);

const firstLanguage = (langs: unknown): string | null =>
  Array.isArray(langs) && typeof langs[0] === 'string' ? langs[0] : null;

const toPost = (
  event: JetstreamEvent,
  commit: JetstreamCommit,
  record: Record<string, unknown>,
): PulledPost => {
  const reply = isRecord(record.reply) ? record.reply : {};
  // createdAt is whatever the author's client wrote; Jetstream's own clock is the fallback.
  const publishedAt = parseDate(text(record.createdAt)) ?? new Date(event.time_us / 1000);
  return {
    externalId: atUri(event.did, POST_COLLECTION, commit.rkey),
    url: `https://bsky.app/profile/${event.did}/post/${commit.rkey}`,
    title: null,
    // Handles are not in the event and can change; the DID is the author's stable identity.
    author: { name: null, handle: event.did, profileUrl: `https://bsky.app/profile/${event.did}` },
    publishedAt,
    text: (text(record.text) ?? '').replace(/\s+/g, ' ').trim(),
    html: null,
    inReplyTo: refUri(reply.parent),
    language: firstLanguage(record.langs),
    platform: 'bluesky',
    rootId: refUri(reply.root),
  };
};

const engagement = (event: JetstreamEvent, commit: JetstreamCommit): JetstreamItem | null => {
  const subject = refUri(commit.record?.subject);
  // Likes of feeds and lists share the collection; only posts carry counters in Parley.
  if (!subject || !subject.includes(`/${POST_COLLECTION}/`)) return null;
  const metric = commit.collection === LIKE_COLLECTION ? 'likes' : 'reposts';
  const eventUri = atUri(event.did, commit.collection, commit.rkey);
  return { type: 'engagement', metric, subject, eventUri, timeUs: event.time_us };
};

/** Maps one event; null for anything Parley does not store. */
export const normaliseJetstreamEvent = (event: JetstreamEvent): JetstreamItem | null => {
  const { commit } = event;
  if (event.kind !== 'commit' || !commit) return null;
  const isPost = commit.collection === POST_COLLECTION;
  if (isPost && commit.operation === 'delete')
    return {
      type: 'redaction',
      externalId: atUri(event.did, POST_COLLECTION, commit.rkey),
      timeUs: event.time_us,
    };
  if (commit.operation === 'delete' || !commit.record) return null;
  if (isPost) return { type: 'post', post: toPost(event, commit, commit.record), timeUs: event.time_us };
  if (commit.operation !== 'create') return null;
  if (commit.collection === LIKE_COLLECTION || commit.collection === REPOST_COLLECTION)
    return engagement(event, commit);
  return null;
};

const addIncrement = (
  increments: Map<string, CounterIncrement>,
  subject: string,
  metric: 'likes' | 'reposts',
) => {
  const entry = increments.get(subject) ?? { externalId: subject, likes: 0, reposts: 0 };
  entry[metric] += 1;
  increments.set(subject, entry);
};

/** Folds a batch into bulk changes: likes and reposts summed per post so the store does one update each. */
export const normaliseJetstreamEvents = (events: readonly JetstreamEvent[]): JetstreamChanges => {
  const posts: PulledPost[] = [];
  const increments = new Map<string, CounterIncrement>();
  const redactions: string[] = [];
  for (const event of events) {
    const item = normaliseJetstreamEvent(event);
    if (item?.type === 'post') posts.push(item.post);
    else if (item?.type === 'engagement') addIncrement(increments, item.subject, item.metric);
    else if (item?.type === 'redaction') redactions.push(item.externalId);
  }
  return { posts, increments: [...increments.values()], redactions };
};
