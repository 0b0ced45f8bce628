import { Inject, Injectable } from '@nestjs/common';
import {
  ConversationRepository,
  DATA_SOURCE,
  inTransaction,
  type NewConversation,
  PostRepository,
  type PostToInsert,
  SourceRepository,
} from '@parley/db';
import { limitPost, limitsWarning, storablePost, storableText, type NormalisedPost } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { TagBacklogGate } from './tag-backlog.gate';

export type StoreExtras = {
  counters?: { externalId: string; likes?: number; reposts?: number; replies?: number }[];
  /** Saved with the posts, so the next poll resumes exactly after what was stored. */
  cursor?: string | null;
};

export type StoreResult = {
  inserted: number;
  updated: number;
  duplicates: number;
  conversationIds: string[];
  /** What was cut to Parley's limits, for the source's health; null when nothing was. */
  cut: string | null;
};

const BATCH = 1_000;

/**
 * The same page however it was linked: tracking parameters dropped, host lower-cased. The fragment stays, because
 * forums and blogs address individual comments with it (`…/post#comment-12`).
 */
const canonicalUrl = (url: string | null): string | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) {
      if (/^utm_|^fbclid$|^gclid$|^mc_[ce]id$/.test(key)) u.searchParams.delete(key);
    }
    return u.toString();
  } catch {
    return null;
  }
};

/** Each conversation the batch names, counted from the batch's own posts (right for the ones it creates). */
const newConversations = (posts: NormalisedPost[], roots: Map<string, string>): NewConversation[] => {
  const byRoot = new Map<string, NormalisedPost[]>();
  for (const post of posts) {
    const root = roots.get(post.externalId) as string;
    byRoot.set(root, [...(byRoot.get(root) ?? []), post]);
  }
  const now = Date.now();
  return [...byRoot].map(([root, thread]) => {
    const times = thread.map((p) => p.publishedAt?.getTime()).filter((t): t is number => t !== undefined);
    const rootPost = thread.find((p) => p.externalId === root);
    return {
      root,
      title: rootPost?.title ?? null,
      url: rootPost?.url ?? null,
      postCount: thread.length,
      participants: new Set(thread.map((p) => p.author.handle ?? p.author.name)).size,
      startedAt: times.length ? new Date(Math.min(...times)) : null,
      lastActivityAt: new Date(Math.max(...thread.map((p) => p.publishedAt?.getTime() ?? now))),
    };
  });
};

/** Stores a fetch's posts in one transaction: new posts inserted, edits updated in place, replies threaded. */
@Injectable()
export class PostStoreService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly posts: PostRepository,
    private readonly conversations: ConversationRepository,
    private readonly sources: SourceRepository,
    private readonly tagBacklog: TagBacklogGate,
  ) {}

  async store(sourceId: string, received: NormalisedPost[], extras: StoreExtras = {}): Promise<StoreResult> {
    // Every connector's posts pass here: whatever a remote server sends is cut to Parley's limits (feeds are
    // already), and what Postgres refuses (NUL, unpaired surrogates) is dropped, not fatal.
    const limited = received.map(limitPost);
    const incoming = limited.map(({ post }) => storablePost(post));
    const cutPosts = limited.filter(({ cut }) => cut.length > 0);
    const counters = (extras.counters ?? []).map((c) => ({ ...c, externalId: storableText(c.externalId) }));
    const cursor = typeof extras.cursor === 'string' ? storableText(extras.cursor) : extras.cursor;
    const unique = [...new Map(incoming.map((p) => [p.externalId, p])).values()];
    const result: StoreResult = {
      inserted: 0,
      updated: 0,
      duplicates: incoming.length - unique.length,
      conversationIds: [],
      cut: limitsWarning(
        cutPosts.length,
        cutPosts.flatMap(({ cut }) => cut),
      ),
    };
    const created = new Set<string>();
    if (unique.length > 0) await this.tagBacklog.waitForRoom();
    await inTransaction(this.dataSource, async (tx) => {
      await this.sources.lockForIngest(tx, sourceId);
      for (let i = 0; i < unique.length; i += BATCH) {
        await this.storeBatch(tx, sourceId, unique.slice(i, i + BATCH), result, created);
      }
      const grown = result.conversationIds.filter((id) => !created.has(id));
      // A conversation created by this store already has its counts; it waits for tagging at version 1.
      if (grown.length > 0) await this.conversations.refreshAfterIngest(tx, grown);
      await this.posts.setCounters(tx, sourceId, counters);
      if (cursor !== undefined) await this.sources.saveCursor(tx, sourceId, cursor);
    });
    return result;
  }

  private async storeBatch(
    tx: EntityManager,
    sourceId: string,
    batch: NormalisedPost[],
    result: StoreResult,
    created: Set<string>,
  ): Promise<void> {
    const { edited, fresh } = await this.partition(tx, sourceId, batch);
    result.duplicates += batch.length - fresh.length - edited.length;
    for (const post of edited) await this.posts.updateEdited(tx, sourceId, post);
    result.updated += edited.length;
    if (fresh.length === 0) return;

    const roots = await this.rootsOf(tx, sourceId, fresh);
    const conversations = await this.conversations.upsertRoots(tx, sourceId, newConversations(fresh, roots));
    const rows: PostToInsert[] = fresh.map((p) => ({
      ...p,
      conversationId: conversations.get(roots.get(p.externalId) as string)?.id as string,
    }));
    result.inserted += await this.posts.insertMany(tx, sourceId, rows);
    // A conversation created by an earlier chunk and grown by this one must be recounted after all.
    for (const { id, created: isNew } of conversations.values()) {
      if (isNew) created.add(id);
      else created.delete(id);
    }
    result.conversationIds.push(...new Set(rows.map((r) => r.conversationId)));
  }

  /**
   * Edits of stored posts, and posts never seen. Known ids are filtered out before anything is written, so a
   * duplicate never pays for the text index.
   */
  private async partition(
    tx: EntityManager,
    sourceId: string,
    batch: NormalisedPost[],
  ): Promise<{ edited: NormalisedPost[]; fresh: (NormalisedPost & { canonicalUrl: string | null })[] }> {
    const known = await this.posts.knownExternalIds(
      tx,
      sourceId,
      batch.map((p) => p.externalId),
    );
    const changed = (p: NormalisedPost) =>
      known.get(p.externalId)?.text !== p.text || known.get(p.externalId)?.title !== p.title;
    const edited = batch.filter((p) => known.has(p.externalId) && changed(p));
    const unseen = batch
      .filter((p) => !known.has(p.externalId))
      .map((p) => ({ ...p, canonicalUrl: canonicalUrl(p.url) }));
    // Feed items are syndicated (the same article in two feeds); platform posts have ids of their own.
    const webUrls = unseen
      .filter((p) => p.platform === 'web' && p.canonicalUrl)
      .map((p) => p.canonicalUrl as string);
    const elsewhere = await this.posts.canonicalUrlsElsewhere(tx, sourceId, webUrls);
    return { edited, fresh: unseen.filter((p) => !p.canonicalUrl || !elsewhere.has(p.canonicalUrl)) };
  }

  /** A reply joins its parent's thread; a reply whose parent is unknown starts the thread its parent will join. */
  private async rootsOf(
    tx: EntityManager,
    sourceId: string,
    posts: NormalisedPost[],
  ): Promise<Map<string, string>> {
    const parents = [...new Set(posts.map((p) => p.inReplyTo).filter((id): id is string => !!id))];
    const storedRoots = parents.length
      ? await this.posts.conversationsOf(tx, sourceId, parents)
      : new Map<string, string>();
    const byId = new Map(posts.map((p) => [p.externalId, p]));
    const roots = new Map<string, string>();
    const resolve = (post: NormalisedPost, depth = 0): string => {
      const parent = post.inReplyTo;
      if (!parent || depth > 100) return post.externalId;
      const stored = storedRoots.get(parent);
      if (stored) return stored;
      const inBatch = byId.get(parent);
      return inBatch ? resolve(inBatch, depth + 1) : (post.rootId ?? parent);
    };
    for (const post of posts) roots.set(post.externalId, resolve(post));
    return roots;
  }
}
