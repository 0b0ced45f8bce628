import { Inject, Injectable } from '@nestjs/common';
import type { OwnPostsQuery, OwnPostsResponse } from '@parley/contracts';
import { DATA_SOURCE, OwnPostRepository } from '@parley/db';
import {
  METRICS_DEFINITIONS_VERSION,
  redactedExcerptOf,
  parseWindow,
  rankOwnPosts,
  repliesByOthers,
} from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';

/** The department's best and worst own posts of a window, each with its counters, its rate and why it ranks there. */
@Injectable()
export class OwnPostsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly ownPosts: OwnPostRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async list(auth: AuthContext, query: OwnPostsQuery): Promise<OwnPostsResponse> {
    const department = await this.access.resolve(auth, query.department);
    const window = parseWindow(query.from, query.to);
    const posts = await this.ownPosts.inWindow(this.dataSource, department.id, window.from, window.to);
    const ranking = rankOwnPosts(posts, query.order, query.limit);
    return {
      definitionsVersion: METRICS_DEFINITIONS_VERSION,
      department: department.key,
      window: { from: window.from.toISOString(), to: window.to.toISOString() },
      order: query.order,
      medianRate: ranking.medianRate,
      posts: posts.length,
      ranked: ranking.ranked,
      withoutFollowers: ranking.withoutFollowers,
      items: ranking.items.map((post) => ({
        id: post.id,
        url: post.url,
        platform: post.platform,
        excerpt: redactedExcerptOf(post.text),
        publishedAt: post.publishedAt.toISOString(),
        likes: post.likes ?? 0,
        reposts: post.reposts ?? 0,
        replies: post.replies,
        repliesByOthers: repliesByOthers(post),
        countersAt: post.countersAt?.toISOString() ?? null,
        followers: post.followers,
        rate: post.rate,
        reason: post.reason,
      })),
    };
  }
}
