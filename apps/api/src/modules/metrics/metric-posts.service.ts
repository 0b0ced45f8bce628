import { Inject, Injectable } from '@nestjs/common';
import type { MetricPostsPage, MetricPostsQuery } from '@parley/contracts';
import { DATA_SOURCE, MentionPostRepository } from '@parley/db';
import { DomainError, excerptOf, parseWindow } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';
import { decodePostsCursor, encodePostsCursor } from './posts-cursor';

/**
 * The posts behind a chart's bar or point: a department's counted public mentions in [from, to), newest first,
 * read through `mention_post` (written with the hourly roll-up), so the page and its total agree with the counts.
 */
@Injectable()
export class MetricPostsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly posts: MentionPostRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async page(auth: AuthContext, query: MetricPostsQuery): Promise<MetricPostsPage> {
    const department = await this.access.resolve(auth, query.department);
    // Themes and sentiment are stored by other work in progress; saying so beats ignoring the filter.
    for (const name of ['theme', 'sentiment'] as const) {
      if (query[name] !== undefined) {
        throw new DomainError(
          'invalid',
          `Filtering the posts by ${name} is not available yet; leave ${name} out.`,
        );
      }
    }
    const window = parseWindow(query.from, query.to);
    const filter = { departmentId: department.id, ...window, platform: query.platform };
    const cursor = query.cursor ? decodePostsCursor(query.cursor) : null;
    const [total, rows] = await Promise.all([
      this.posts.count(this.dataSource, filter),
      this.posts.page(this.dataSource, filter, cursor, query.limit + 1),
    ]);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      total,
      items: items.map((p) => ({
        id: p.id,
        conversationId: p.conversationId,
        url: p.url,
        platform: p.platform,
        author: p.authorName ?? p.authorHandle ?? '',
        excerpt: excerptOf(p.title && !p.text ? p.title : p.text),
        publishedAt: p.publishedAt.toISOString(),
        sentiment: null,
        theme: null,
      })),
      nextCursor:
        rows.length > query.limit
          ? encodePostsCursor({ publishedAt: last.publishedAt, postId: last.id })
          : null,
    };
  }
}
