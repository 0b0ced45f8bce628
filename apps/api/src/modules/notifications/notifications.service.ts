import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type {
  MarkReadRequest,
  NotificationPage,
  NotificationPreferences,
  NotificationQuery,
  SavePreferencesRequest,
  UnreadCount,
} from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, inTransaction, iso, NotificationRepository } from '@parley/db';
import { EMAIL_CHOICE_REASONS, type EmailChoiceReason, type NoticeReason } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';

/** The caller's own notifications and email choices: nobody reads or changes anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext, query: NotificationQuery): Promise<NotificationPage> {
    // One more than the page shows, to know whether there is a next page without counting.
    const rows = await this.notifications.listFor(
      this.dataSource,
      auth.userId,
      query.cursor ?? null,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        reason: row.reason,
        text: row.text,
        at: iso(row.createdAt) as string,
        read: row.readAt !== null,
        department: row.departmentKey,
        opportunityId: row.opportunityId,
        conversationId: row.conversationId,
        alertId: row.alertId,
        rule: row.ruleKey,
      })),
      unread: await this.notifications.unreadCount(this.dataSource, auth.userId),
      nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
    };
  }

  /** Reading a notification is not a change anyone audits: it is the reader's own bookkeeping. */
  async markRead(auth: AuthContext, request: MarkReadRequest): Promise<UnreadCount> {
    await this.notifications.markRead(this.dataSource, auth.userId, request.all ? null : (request.ids ?? []));
    return { unread: await this.notifications.unreadCount(this.dataSource, auth.userId) };
  }

  async preferences(auth: AuthContext): Promise<NotificationPreferences> {
    return this.present(await this.notifications.emailReasonsFor(this.dataSource, auth.userId));
  }

  /** Reasons left out of the request keep their choice. */
  async savePreferences(
    auth: AuthContext,
    request: SavePreferencesRequest,
  ): Promise<NotificationPreferences> {
    const saved = await inTransaction(this.dataSource, async (tx) => {
      const before = await this.notifications.emailReasonsFor(tx, auth.userId);
      const after = EMAIL_CHOICE_REASONS.filter((reason) => request.email[reason] ?? before.includes(reason));
      await this.notifications.setEmailReasons(tx, auth.userId, after);
      await this.audit.record(tx, actorOf(auth), {
        action: 'notification-preferences.update',
        entityType: 'user',
        entityId: auth.userId,
        before: { email: before },
        after: { email: after },
      });
      return after;
    });
    return this.present(saved);
  }

  private present(reasons: NoticeReason[]): NotificationPreferences {
    return {
      email: Object.fromEntries(EMAIL_CHOICE_REASONS.map((r) => [r, reasons.includes(r)])) as Record<
        EmailChoiceReason,
        boolean
      >,
      emailAvailable: this.config.smtp !== null,
    };
  }
}
