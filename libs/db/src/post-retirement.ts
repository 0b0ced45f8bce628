import { Injectable } from '@nestjs/common';
import type { RetentionAction } from '@parley/domain';
import { authorToken } from './author-token';
import type { Queryable } from './queryable';
import { MENTIONS_WATERMARK, MentionRollupRepository } from './repositories/mention-rollup.repository';
import { RetentionRepository, type PostToRetire } from './repositories/retention.repository';

export type Retired = { pseudonymised: number; deleted: number };

/**
 * Retiring posts, shared by the retention job and subject requests. Each call belongs in one transaction: the posts,
 * their authors' tokens and the roll-ups' author keys change together or not at all, so a crash leaves everything
 * as it was and a run again does the same work.
 */
@Injectable()
export class PostRetirement {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly mentions: MentionRollupRepository,
  ) {}

  /** Retires up to `limit` of a source's posts that are past `cutoff` and not held. */
  async retireDue(
    q: Queryable,
    tokenKey: string,
    due: { sourceId: string; cutoff: Date; limit: number; action: RetentionAction },
  ): Promise<Retired> {
    // First, so no recount rewrites these authors' rows beside this transaction (and locks are taken in one order).
    await this.mentions.lockWatermark(q, MENTIONS_WATERMARK);
    const posts = await this.retention.due(q, due.sourceId, due.cutoff, due.limit);
    await this.retirePosts(q, tokenKey, posts, due.action);
    return countOf(posts.length, due.action);
  }

  /** Retires the posts of `ids` that no legal hold keeps, whatever their age (a subject's request). */
  async retireChosen(
    q: Queryable,
    tokenKey: string,
    ids: string[],
    action: RetentionAction,
  ): Promise<Retired> {
    await this.mentions.lockWatermark(q, MENTIONS_WATERMARK);
    const posts = await this.retention.authorsOf(q, ids);
    await this.retirePosts(q, tokenKey, posts, action);
    return countOf(posts.length, action);
  }

  private async retirePosts(q: Queryable, key: string, posts: PostToRetire[], action: RetentionAction) {
    if (posts.length === 0) return;
    const tokens = posts.map((p) => p.token ?? (p.author ? authorToken(key, p.platform, p.author) : null));
    const renamed = new Map<string, { platform: string; author: string; handle: boolean; token: string }>();
    posts.forEach((p, i) => {
      const token = tokens[i];
      if (token && token !== p.author) renamed.set(`${p.platform} ${p.author}`, { ...p, token });
    });
    const authors = [...renamed.values()];
    await this.retention.tokeniseAuthors(q, authors);
    await this.mentions.rekeyAuthors(
      q,
      authors.map((a) => ({ platform: a.platform, from: a.author, to: a.token })),
    );
    await this.retention.retire(
      q,
      posts.map((p) => p.id),
      tokens,
      action,
    );
  }
}

const countOf = (n: number, action: RetentionAction): Retired =>
  action === 'delete' ? { pseudonymised: 0, deleted: n } : { pseudonymised: n, deleted: 0 };
