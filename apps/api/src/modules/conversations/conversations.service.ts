import { Inject, Injectable } from '@nestjs/common';
import type {
  AuthorViewReason,
  AuthorViewReasonRequest,
  ConversationDetail,
  ConversationPage,
  ConversationQuery,
} from '@parley/contracts';
import { ConversationRepository, DATA_SOURCE, type InboxFilters, type ThreadPostRow } from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';
import { AuthorViewsService } from '../lawful-listening/author-views.service';
import { conversationItemOf, threadPostOf, type ReadClock } from './conversation-mapper';
import { decodeCursor, encodeCursor } from './inbox-cursor';

const assigneeFilter = (assignee: string | undefined, me: string): InboxFilters['assignee'] => {
  if (assignee === undefined || assignee === 'nobody') return assignee;
  return { userId: assignee === 'me' ? me : assignee };
};

const HIDDEN_EVIDENCE =
  'Evidence hidden: it quotes a post by someone you have opened often. Record a reason to see it.';

/**
 * A withheld post must not show through the tag's evidence: a signal (a question asked, the sentiment) quotes the
 * post it found. Its detail is hidden while the post is, matched by the start of any sentence of the post.
 */
const withoutQuotesOf = (
  tags: ConversationDetail['tags'],
  posts: ThreadPostRow[],
  thread: ConversationDetail['posts'],
): ConversationDetail['tags'] => {
  const hidden = posts
    .filter((_, i) => thread[i].withheld)
    .flatMap((p) => p.text.split(/(?<=[.?!])\s+/))
    .map((sentence) => sentence.trim().slice(0, 40))
    .filter((start) => start.length >= 10);
  if (hidden.length === 0) return tags;
  return tags.map((tag) => ({
    ...tag,
    signals: tag.signals.map((s) =>
      hidden.some((start) => s.detail.includes(start)) ? { ...s, detail: HIDDEN_EVIDENCE } : s,
    ),
  }));
};

/** The inbox of tagged conversations and the conversation page, limited to the departments the caller can see. */
@Injectable()
export class ConversationsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly access: DepartmentAccess,
    private readonly authorViews: AuthorViewsService,
  ) {}

  async inbox(auth: AuthContext, query: ConversationQuery): Promise<ConversationPage> {
    const department = await this.access.resolve(auth, query.department);
    const rows = await this.conversations.inboxPage(this.dataSource, {
      departmentId: department.id,
      sort: query.sort,
      limit: query.limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, query.sort) : null,
      filters: await this.filtersOf(auth, query),
      now: new Date(),
    });
    const page = rows.slice(0, query.limit);
    const ids = page.map((r) => r.id);
    const [tags, clocks] = await Promise.all([
      this.conversations.tagsOf(this.dataSource, ids, this.access.allowedIds(auth)),
      this.clocksOf(ids),
    ]);
    const last = page.at(-1);
    return {
      items: page.map((row) =>
        conversationItemOf(
          row,
          tags.filter((t) => t.conversationId === row.id),
          department.key,
          clocks(row.id),
          query.status?.includes('retired') ? department.key : null,
        ),
      ),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ sort: query.sort, value: last.sortValue, id: last.id })
          : null,
    };
  }

  /** The query's filters as the repository reads them: `me` is the caller, and a search must have words to find. */
  private async filtersOf(auth: AuthContext, query: ConversationQuery): Promise<InboxFilters> {
    const search = query.q || undefined;
    if (search && (await this.conversations.searchTermCount(this.dataSource, search)) === 0) {
      throw new DomainError(
        'invalid',
        `The search "${search}" has no words to look for: very common words such as "the" or "and" are left out, ` +
          'and so are punctuation and symbols. Add a word that would appear in the conversation.',
        [{ path: 'q', message: 'search for at least one word that is not a very common one' }],
      );
    }
    return {
      statuses: query.status,
      assignee: assigneeFilter(query.assignee, auth.userId),
      routes: query.route,
      sla: query.sla,
      sources: query.source,
      search,
    };
  }

  /** One query for the page: when the public posted in each conversation, read against one clock. */
  private async clocksOf(ids: string[]): Promise<(id: string) => ReadClock> {
    const now = new Date();
    const times = new Map(
      (await this.conversations.publicPostTimes(this.dataSource, ids)).map((r) => [
        r.conversationId,
        r.times,
      ]),
    );
    return (id) => ({ now, publicPostTimes: times.get(id) ?? [] });
  }

  async detail(auth: AuthContext, id: string): Promise<ConversationDetail> {
    const { row, tags } = await this.visible(auth, id);
    const [posts, clocks] = await Promise.all([
      this.conversations.postsOf(this.dataSource, id),
      this.clocksOf([id]),
    ]);
    const views = await this.authorViews.open(auth, { id, department: tags[0]?.department ?? null }, posts);
    const idsByExternal = new Map(posts.map((p) => [p.externalId, p.id]));
    const thread = posts.map((p) => threadPostOf(p, idsByExternal, views.withheld));
    const item = conversationItemOf(row, tags, null, clocks(id));
    return {
      ...item,
      tags: withoutQuotesOf(item.tags, posts, thread),
      posts: thread,
      authorViews: views.notices,
    };
  }

  async recordAuthorViewReason(
    auth: AuthContext,
    id: string,
    request: AuthorViewReasonRequest,
  ): Promise<AuthorViewReason> {
    const { tags } = await this.visible(auth, id);
    const posts = await this.conversations.postsOf(this.dataSource, id);
    return this.authorViews.recordReason(
      auth,
      { id, department: tags[0]?.department ?? null },
      posts,
      request,
    );
  }

  /** Only a conversation tagged for one of the caller's departments is theirs to see (workspace admins see all). */
  private async visible(auth: AuthContext, id: string) {
    const notFound = new DomainError('not_found', `No conversation ${id} that you can see.`);
    if (!/^\d{1,18}$/.test(id)) throw notFound;
    const row = await this.conversations.findById(this.dataSource, id);
    const tags = row
      ? await this.conversations.tagsOf(this.dataSource, [id], this.access.allowedIds(auth))
      : [];
    if (!row || (!auth.workspaceAdmin && tags.length === 0)) throw notFound;
    return { row, tags };
  }
}
