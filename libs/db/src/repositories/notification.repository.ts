import type { NoticeReason, Role } from '@parley/domain';
import type { Queryable } from '../queryable';

/** An unnotified outbox row, with what the fan-out needs to decide and to word it. */
export type ClaimedEventRow = {
  id: string;
  kind: string;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  departmentId: string;
  departmentKey: string;
  departmentName: string;
  opportunityId: string;
  conversationId: string;
  title: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  toStatus: string | null;
  detail: Record<string, unknown>;
};

export type NewNotification = { userId: string; reason: NoticeReason; text: string; email: boolean };

export type NotificationRow = {
  id: string;
  reason: NoticeReason;
  text: string;
  createdAt: Date;
  readAt: Date | null;
  departmentKey: string;
  /** Null for a follow-up's notice, which is about an exercise. */
  opportunityId: string | null;
  conversationId: string | null;
  /** For a notice about a rule version (a rule that names a person), the rule's key. */
  ruleKey: string | null;
  eventKind: string;
  /** For an alert's notice, the alert; null for a digest of several (and for every other notice). */
  alertId: string | null;
};

/** An event as the live stream sends it: enough to know which pages to refresh, nothing private. */
export type LiveEventRow = {
  id: string;
  kind: string;
  at: Date;
  department: string;
  opportunityId: string;
  conversationId: string;
};

/** What an email needs: the person, the line, and where the link goes. */
export type EmailToSendRow = {
  id: string;
  email: string;
  name: string;
  reason: NoticeReason;
  text: string;
  /** Null for a follow-up's notice: the email links to the department's evaluation records. */
  conversationId: string | null;
  /** For a rule's notice: the email links to the rule. */
  ruleKey: string | null;
  departmentKey: string;
  departmentName: string;
  title: string | null;
  emailState: 'pending' | 'sent' | 'failed' | null;
  /** Whether it tells of alerts (one, or a digest); `alertId` is the one alert, null for a digest. */
  aboutAlerts: boolean;
  alertId: string | null;
};

/** The one alert an alert_dispatch (joined as `ad`) hands over; null for a digest or no dispatch at all. */
const SINGLE_ALERT = `CASE WHEN ad.digest = false THEN ad.alert_ids[1]::text END`;

/** The opportunity_event outbox's consumer side, and the notifications it leaves for people. */
export class NotificationRepository {
  /**
   * The oldest events nobody has fanned out yet, locked for this transaction; SKIP LOCKED lets a second fan-out
   * take the next ones instead of waiting, so two never handle the same event.
   */
  claimUnnotified(q: Queryable, limit: number): Promise<ClaimedEventRow[]> {
    return q.query(
      `WITH claimed AS (
         SELECT id FROM opportunity_event WHERE notified_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       SELECT e.id::text, e.kind, e.at, e.actor_user_id AS "actorUserId", u.name AS "actorName",
         e.department_id AS "departmentId", d.key AS "departmentKey", d.name AS "departmentName",
         e.opportunity_id AS "opportunityId", o.conversation_id::text AS "conversationId", c.title,
         o.assignee_id AS "assigneeId", a.name AS "assigneeName", e.to_status AS "toStatus", e.detail
       FROM claimed JOIN opportunity_event e ON e.id = claimed.id
       JOIN opportunity o ON o.id = e.opportunity_id
       JOIN department d ON d.id = e.department_id
       JOIN conversation c ON c.id = o.conversation_id
       LEFT JOIN app_user u ON u.id = e.actor_user_id
       LEFT JOIN app_user a ON a.id = o.assignee_id
       ORDER BY e.id`,
      [limit],
    );
  }

  async markNotified(q: Queryable, eventIds: string[]): Promise<void> {
    await q.query(`UPDATE opportunity_event SET notified_at = now() WHERE id = ANY($1::bigint[])`, [
      eventIds,
    ]);
  }

  hasUnnotified(q: Queryable): Promise<boolean> {
    return q
      .query(`SELECT EXISTS (SELECT 1 FROM opportunity_event WHERE notified_at IS NULL) AS "any"`)
      .then((rows: { any: boolean }[]) => rows[0].any);
  }

  /** Enabled members of these departments with their roles: who an event's rules choose from. */
  membersOf(
    q: Queryable,
    departmentIds: string[],
  ): Promise<{ departmentId: string; userId: string; role: Role }[]> {
    return q.query(
      `SELECT m.department_id AS "departmentId", m.user_id AS "userId", m.role
       FROM membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.department_id = ANY($1::uuid[]) AND u.disabled_at IS NULL`,
      [departmentIds],
    );
  }

  /** The reasons each of these people chose to get by email. */
  emailReasonsOf(q: Queryable, userIds: string[]): Promise<{ userId: string; reasons: NoticeReason[] }[]> {
    return q.query(
      `SELECT user_id AS "userId", email_reasons AS reasons FROM notification_preference
       WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
  }

  /**
   * One notification per person for the event; a person already told (a fan-out run again) is skipped, and only the
   * rows made now come back, so nothing is emailed twice.
   */
  insertNotifications(
    q: Queryable,
    event: Pick<ClaimedEventRow, 'id' | 'departmentId' | 'opportunityId'>,
    notices: NewNotification[],
  ): Promise<{ id: string; userId: string; emailState: string | null }[]> {
    if (notices.length === 0) return Promise.resolve([]);
    return q.query(
      `INSERT INTO notification (user_id, event_id, department_id, opportunity_id, reason, text, email_state)
       SELECT n."userId", $1, $2, $3, n.reason, n.text, CASE WHEN n.email THEN 'pending' END
       FROM jsonb_to_recordset($4::jsonb) AS n("userId" uuid, reason text, text text, email boolean)
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id::text, user_id AS "userId", email_state AS "emailState"`,
      [event.id, event.departmentId, event.opportunityId, JSON.stringify(notices)],
    );
  }

  /**
   * One notification per person for a follow-up that has come due; a person already told is skipped (unique per
   * follow-up × person), and only the rows made now come back.
   */
  insertFollowUpNotifications(
    q: Queryable,
    followUp: { id: string; departmentId: string },
    notices: NewNotification[],
  ): Promise<{ id: string; userId: string; emailState: string | null }[]> {
    if (notices.length === 0) return Promise.resolve([]);
    return q.query(
      `INSERT INTO notification (user_id, follow_up_id, department_id, reason, text, email_state)
       SELECT n."userId", $1, $2, n.reason, n.text, CASE WHEN n.email THEN 'pending' END
       FROM jsonb_to_recordset($3::jsonb) AS n("userId" uuid, reason text, text text, email boolean)
       ON CONFLICT (follow_up_id, user_id) WHERE follow_up_id IS NOT NULL DO NOTHING
       RETURNING id::text, user_id AS "userId", email_state AS "emailState"`,
      [followUp.id, followUp.departmentId, JSON.stringify(notices)],
    );
  }

  /**
   * One notification per person for a rule version that names a private individual; a person already told is
   * skipped (unique per version × person), and only the rows made now come back.
   */
  insertRuleNotifications(
    q: Queryable,
    ruleVersion: { id: string; departmentId: string },
    notices: NewNotification[],
  ): Promise<{ id: string; userId: string; emailState: string | null }[]> {
    if (notices.length === 0) return Promise.resolve([]);
    return q.query(
      `INSERT INTO notification (user_id, rule_version_id, department_id, reason, text, email_state)
       SELECT n."userId", $1, $2, n.reason, n.text, CASE WHEN n.email THEN 'pending' END
       FROM jsonb_to_recordset($3::jsonb) AS n("userId" uuid, reason text, text text, email boolean)
       ON CONFLICT (rule_version_id, user_id) WHERE rule_version_id IS NOT NULL DO NOTHING
       RETURNING id::text, user_id AS "userId", email_state AS "emailState"`,
      [ruleVersion.id, ruleVersion.departmentId, JSON.stringify(notices)],
    );
  }

  /** A page of someone's notifications, newest first, before the cursor (a notification id). */
  listFor(q: Queryable, userId: string, before: string | null, limit: number): Promise<NotificationRow[]> {
    return q.query(
      `SELECT n.id::text, n.reason, n.text, n.created_at AS "createdAt", n.read_at AS "readAt",
         d.key AS "departmentKey", n.opportunity_id AS "opportunityId", o.conversation_id::text AS "conversationId",
         r.key AS "ruleKey",
         coalesce(e.kind, CASE WHEN n.alert_dispatch_id IS NOT NULL THEN 'alert.raised'
           WHEN n.rule_version_id IS NOT NULL THEN n.reason ELSE 'follow-up-due' END) AS "eventKind",
         ${SINGLE_ALERT} AS "alertId"
       FROM notification n JOIN department d ON d.id = n.department_id
       LEFT JOIN opportunity o ON o.id = n.opportunity_id LEFT JOIN opportunity_event e ON e.id = n.event_id
       LEFT JOIN alert_dispatch ad ON ad.id = n.alert_dispatch_id
       LEFT JOIN listening_rule_version v ON v.id = n.rule_version_id LEFT JOIN listening_rule r ON r.id = v.rule_id
       WHERE n.user_id = $1 AND ($2::bigint IS NULL OR n.id < $2::bigint)
       ORDER BY n.id DESC LIMIT $3`,
      [userId, before, limit],
    );
  }

  unreadCount(q: Queryable, userId: string): Promise<number> {
    return q
      .query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId])
      .then((rows: { n: number }[]) => rows[0].n);
  }

  /** Marks these (or, with null, all) of someone's notifications read; another person's ids change nothing. */
  async markRead(q: Queryable, userId: string, ids: string[] | null): Promise<number> {
    const [, changed] = (await q.query(
      `UPDATE notification SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [userId, ids],
    )) as [unknown, number];
    return changed;
  }

  emailToSend(q: Queryable, id: string): Promise<EmailToSendRow | undefined> {
    return q
      .query(
        `SELECT n.id::text, u.email, u.name, n.reason, n.text, o.conversation_id::text AS "conversationId",
           r.key AS "ruleKey", d.key AS "departmentKey", d.name AS "departmentName",
           coalesce(c.title, x.title, r.name) AS title, n.email_state AS "emailState",
           ad.id IS NOT NULL AS "aboutAlerts", ${SINGLE_ALERT} AS "alertId"
         FROM notification n JOIN app_user u ON u.id = n.user_id JOIN department d ON d.id = n.department_id
         LEFT JOIN alert_dispatch ad ON ad.id = n.alert_dispatch_id
         LEFT JOIN opportunity o ON o.id = n.opportunity_id LEFT JOIN conversation c ON c.id = o.conversation_id
         LEFT JOIN exercise_follow_up f ON f.id = n.follow_up_id LEFT JOIN exercise x ON x.id = f.exercise_id
         LEFT JOIN listening_rule_version v ON v.id = n.rule_version_id LEFT JOIN listening_rule r ON r.id = v.rule_id
         WHERE n.id = $1 AND u.disabled_at IS NULL`,
        [id],
      )
      .then((rows: EmailToSendRow[]) => rows[0]);
  }

  async setEmailState(
    q: Queryable,
    id: string,
    state: 'sent' | 'failed',
    error: string | null,
  ): Promise<void> {
    await q.query(`UPDATE notification SET email_state = $2, email_error = $3 WHERE id = $1`, [
      id,
      state,
      error,
    ]);
  }

  /** Emails still pending a while after their fan-out: their job was lost (Redis flushed, a crash). */
  stalePendingEmails(q: Queryable, olderThanMs: number): Promise<string[]> {
    return q
      .query(
        `SELECT id::text FROM notification WHERE email_state = 'pending'
           AND created_at < now() - make_interval(secs => $1::float8 / 1000) ORDER BY id LIMIT 500`,
        [olderThanMs],
      )
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  /**
   * Events after `afterId` in these departments (null: every one), oldest first, for a live stream that
   * reconnects with Last-Event-ID.
   */
  eventsSince(
    q: Queryable,
    afterId: string,
    departmentIds: string[] | null,
    limit: number,
  ): Promise<LiveEventRow[]> {
    return q.query(
      `SELECT e.id::text, e.kind, e.at, d.key AS department, e.opportunity_id AS "opportunityId",
         o.conversation_id::text AS "conversationId"
       FROM opportunity_event e JOIN opportunity o ON o.id = e.opportunity_id JOIN department d ON d.id = e.department_id
       WHERE e.id > $1::bigint AND ($2::uuid[] IS NULL OR e.department_id = ANY($2::uuid[]))
       ORDER BY e.id LIMIT $3`,
      [afterId, departmentIds, limit],
    );
  }

  emailReasonsFor(q: Queryable, userId: string): Promise<NoticeReason[]> {
    return this.emailReasonsOf(q, [userId]).then((rows) => rows[0]?.reasons ?? []);
  }

  async setEmailReasons(q: Queryable, userId: string, reasons: NoticeReason[]): Promise<void> {
    await q.query(
      `INSERT INTO notification_preference (user_id, email_reasons) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET email_reasons = EXCLUDED.email_reasons, updated_at = now()`,
      [userId, reasons],
    );
  }
}
