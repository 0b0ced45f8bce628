import { Inject, Injectable } from '@nestjs/common';
import type { AuthorViewNotice, AuthorViewReason, AuthorViewReasonRequest } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  inTransaction,
  LawfulListeningRepository,
  type Queryable,
  type ThreadPostRow,
  type ViewedAuthor,
} from '@parley/db';
import {
  authorKeyOf,
  authorViewState,
  authorViewWarning,
  DomainError,
  isKnownOrganisation,
  normaliseHandle,
  type LawfulListeningSettings,
} from '@parley/domain';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { LawfulListeningPolicy } from './lawful-listening-policy.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The conversation being opened: its id and the department (one of its tags the caller can see) it is read for. */
export type OpenedConversation = { id: string; department: string | null };

/** What opening a conversation found: a notice per author who needs one, and the authors whose posts are withheld. */
export type AuthorViewOutcome = { notices: AuthorViewNotice[]; withheld: Set<string> };

/**
 * The members of the public among a thread's authors: not the department's own posts, not an organisation the
 * workspace knows, and with a handle to tell them apart by (a post with only a display name cannot be followed
 * across conversations honestly, so it is not counted). One per platform and handle, in any case.
 */
const membersOfThePublic = (
  posts: ThreadPostRow[],
  isOrganisation: (handle: string) => boolean,
): ViewedAuthor[] => {
  const authors = new Map<string, ViewedAuthor>();
  for (const p of posts) {
    const handle = p.authorHandle ? normaliseHandle(p.authorHandle) : '';
    if (p.byDepartment || !handle || isOrganisation(handle)) continue;
    const key = authorKeyOf(p.platform, handle);
    if (!authors.has(key))
      authors.set(key, { key, platform: p.platform, handle: p.authorHandle ?? handle, name: p.authorName });
  }
  return [...authors.values()];
};

/**
 * Per-author view warnings. A view is one person opening one conversation with posts by a member of the public;
 * what counts is how many distinct conversations with that person's posts they opened within the window, so
 * following one person across threads is counted, while returning to the thread one is working on is not (that is
 * the topic, not the person). From the warning threshold the page says what the directed-surveillance risk is; from
 * the reason threshold the person's posts are withheld until a reason is recorded. Counts at or past the warning
 * and every reason are audited, and the data protection officer reads them all in the author-views report.
 */
@Injectable()
export class AuthorViewsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly lawful: LawfulListeningRepository,
    private readonly policy: LawfulListeningPolicy,
    private readonly audit: AuditRepository,
  ) {}

  async open(
    auth: AuthContext,
    conversation: OpenedConversation,
    posts: ThreadPostRow[],
    now = new Date(),
  ): Promise<AuthorViewOutcome> {
    return inTransaction(this.dataSource, async (tx) => {
      const { settings, authors } = await this.authorsOf(tx, posts);
      if (authors.length === 0) return { notices: [], withheld: new Set<string>() };
      const counted = new Set(await this.lawful.recordViews(tx, auth.userId, conversation.id, authors, now));
      const notices = await this.noticesFor(tx, auth.userId, authors, settings, now);
      const newlyCounted = notices.filter((n) => counted.has(n.author));
      if (newlyCounted.length) {
        await this.audit.record(tx, actorOf(auth), {
          action: 'conversation.author-views',
          entityType: 'conversation',
          entityId: conversation.id,
          after: {
            department: conversation.department,
            windowDays: settings.authorViewWindowDays,
            authors: newlyCounted.map((n) => ({ author: n.author, views: n.views, state: n.state })),
          },
        });
      }
      const withheld = new Set(notices.filter((n) => n.state === 'reason-required').map((n) => n.author));
      return { notices, withheld };
    });
  }

  /** Records why the caller needs to keep reading this member of the public's posts; it covers the window from now. */
  async recordReason(
    auth: AuthContext,
    conversation: OpenedConversation,
    posts: ThreadPostRow[],
    request: AuthorViewReasonRequest,
    now = new Date(),
  ): Promise<AuthorViewReason> {
    return inTransaction(this.dataSource, async (tx) => {
      const { settings, authors } = await this.authorsOf(tx, posts);
      const author = authors.find((a) => a.key === request.author);
      if (!author) {
        throw new DomainError(
          'not_found',
          `No member of the public "${request.author}" posted in conversation ${conversation.id}.`,
          [{ path: 'author', message: 'use the author of a notice on this conversation' }],
        );
      }
      const since = new Date(now.getTime() - settings.authorViewWindowDays * DAY_MS);
      const [count] = await this.lawful.viewCounts(tx, auth.userId, [author.key], since);
      const views = count?.views ?? 0;
      const reason = request.reason.trim();
      const id = await this.lawful.insertReason(tx, {
        userId: auth.userId,
        authorKey: author.key,
        conversationId: conversation.id,
        views,
        reason,
        at: now,
      });
      await this.audit.record(tx, actorOf(auth), {
        action: 'author-view.reason',
        entityType: 'conversation',
        entityId: conversation.id,
        after: { department: conversation.department, author: author.key, views, reason },
      });
      return {
        id,
        author: author.key,
        views,
        recordedAt: now.toISOString(),
        coversUntil: new Date(now.getTime() + settings.authorViewWindowDays * DAY_MS).toISOString(),
      };
    });
  }

  private async authorsOf(q: Queryable, posts: ThreadPostRow[]) {
    const settings = await this.policy.settings(q);
    const directory = await this.policy.directory(q, settings);
    return { settings, authors: membersOfThePublic(posts, (h) => isKnownOrganisation(h, directory)) };
  }

  private async noticesFor(
    q: Queryable,
    userId: string,
    authors: ViewedAuthor[],
    settings: LawfulListeningSettings,
    now: Date,
  ): Promise<AuthorViewNotice[]> {
    const since = new Date(now.getTime() - settings.authorViewWindowDays * DAY_MS);
    const keys = authors.map((a) => a.key);
    const counts = new Map(
      (await this.lawful.viewCounts(q, userId, keys, since)).map((c) => [c.key, c.views]),
    );
    const reasons = new Set(await this.lawful.reasonsSince(q, userId, keys, since));
    return authors.flatMap((a): AuthorViewNotice[] => {
      const views = counts.get(a.key) ?? 0;
      const state = authorViewState(views, reasons.has(a.key), settings);
      if (state === 'counted') return [];
      return [
        {
          author: a.key,
          handle: a.handle,
          name: a.name,
          views,
          windowDays: settings.authorViewWindowDays,
          state,
          warning: authorViewWarning(views, settings.authorViewWindowDays),
        },
      ];
    });
  }
}
