import { Inject, Injectable } from '@nestjs/common';
import type { MetricPostsPage, MetricPostsQuery } from '@parley/contracts';
import { DATA_SOURCE, MentionPostRepository } from '@parley/db';
import { DomainError, excerptOf, parseWindow } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';
import { decodePostsCursor, encodePostsCursor } from './posts-cursor';

/**
 * The posts behind a chart's bar or point, newest first: a department's counted public mentions in [from, to), read
 * through `mention_post` (written with the hourly roll-up), so the page and its total agree with the counts; or,
 * for a theme, the on-topic posts placed in it, as the theme's counts. Either narrowed by platform and sentiment.
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
    const window = parseWindow(query.from, query.to);
    if (
      query.theme !== undefined &&
      !(await this.posts.themeLabel(this.dataSource, department.id, query.theme))
    ) {
      throw new DomainError('not_found', `The department ${department.key} has no theme ${query.theme}.`);
    }
    const filter = {
      departmentId: department.id,
      ...window,
      platform: query.platform,
      sentiment: query.sentiment,
      themeId: query.theme,
    };
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
        sentiment: p.sentiment,
        theme: p.theme,
      })),
      nextCursor:
        rows.length > query.limit
          ? encodePostsCursor({ publishedAt: last.publishedAt, postId: last.id })
          : null,
    };
  }
}
