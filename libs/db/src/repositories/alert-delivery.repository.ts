import type { Queryable } from '../queryable';
import type { AlertRow } from './alert.repository';

/** An alert waiting to be handed to people, with its department's alert settings as stored. */
export type UndeliveredAlertRow = Pick<
  AlertRow,
  | 'id'
  | 'departmentId'
  | 'departmentKey'
  | 'departmentName'
  | 'kind'
  | 'scopeLabel'
  | 'severity'
  | 'measure'
  | 'status'
  | 'snoozedUntil'
> & { alertSettings: Record<string, unknown> };

/** A member of the department, with their alert preferences as stored (`{}` until they choose). */
export type AlertMemberRow = { userId: string; preferences: Record<string, unknown> };

export type AlertNotice = { userId: string; text: string; email: boolean; inApp: boolean };

/**
 * Alert delivery's side of Postgres: claiming undelivered alerts, recording each hand-over (`alert_dispatch`) and
 * the notifications and webhook deliveries it makes, which the email and webhook jobs then send.
 */
export class AlertDeliveryRepository {
  /**
   * The oldest alerts not yet handed over, locked for this transaction; SKIP LOCKED lets a second run take others
   * instead of waiting, so no alert is handed over twice. Whoever claims them sets `delivered_at` in the same
   * transaction (or leaves it, for alerts waiting for the digest window).
   */
  claimUndelivered(q: Queryable, limit: number): Promise<UndeliveredAlertRow[]> {
    return q.query(
      `WITH claimed AS (
         SELECT id FROM alert WHERE delivered_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       SELECT a.id::text, a.department_id AS "departmentId", d.key AS "departmentKey", d.name AS "departmentName",
         a.kind, a.scope_label AS "scopeLabel", a.severity, a.measure, a.status, a.snoozed_until AS "snoozedUntil",
         d.alert_settings AS "alertSettings"
       FROM claimed JOIN alert a ON a.id = claimed.id JOIN department d ON d.id = a.department_id
       ORDER BY a.created_at, a.id`,
      [limit],
    );
  }

  hasUndelivered(q: Queryable): Promise<boolean> {
    return q
      .query(`SELECT EXISTS (SELECT 1 FROM alert WHERE delivered_at IS NULL) AS "any"`)
      .then((rows: { any: boolean }[]) => rows[0].any);
  }

  async markDelivered(q: Queryable, alertIds: string[], at: Date): Promise<void> {
    if (alertIds.length === 0) return;
    await q.query(`UPDATE alert SET delivered_at = $2 WHERE id = ANY($1::uuid[])`, [alertIds, at]);
  }

  /** What the department was handed since `since`: how many alerts, and when its last digest went. */
  recentDispatches(
    q: Queryable,
    departmentId: string,
    since: Date,
  ): Promise<{ alerts: number; lastDigestAt: Date | null }> {
    return q
      .query(
        `SELECT coalesce(sum(cardinality(alert_ids)), 0)::int AS alerts,
           max(created_at) FILTER (WHERE digest) AS "lastDigestAt"
         FROM alert_dispatch WHERE department_id = $1 AND created_at >= $2`,
        [departmentId, since],
      )
      .then((rows: { alerts: number; lastDigestAt: Date | null }[]) => rows[0]);
  }

  insertDispatch(
    q: Queryable,
    d: { departmentId: string; alertIds: string[]; digest: boolean; text: string; at: Date },
  ): Promise<string> {
    return q
      .query(
        `INSERT INTO alert_dispatch (department_id, alert_ids, digest, text, created_at)
         VALUES ($1, $2::uuid[], $3, $4, $5) RETURNING id::text`,
        [d.departmentId, d.alertIds, d.digest, d.text, d.at],
      )
      .then((rows: { id: string }[]) => rows[0].id);
  }

  /** The department's enabled members and their alert preferences. */
  membersOf(q: Queryable, departmentId: string): Promise<AlertMemberRow[]> {
    return q.query(
      `SELECT m.user_id AS "userId", u.alert_preferences AS preferences
       FROM membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.department_id = $1 AND u.disabled_at IS NULL ORDER BY m.user_id`,
      [departmentId],
    );
  }

  /**
   * One notification per person for the hand-over. Someone who chose email but not in-app still gets the row the
   * email job sends from, marked read so it does not wait for them in Parley.
   */
  insertNotifications(
    q: Queryable,
    dispatch: { id: string; departmentId: string },
    notices: AlertNotice[],
  ): Promise<{ id: string; userId: string; emailState: string | null }[]> {
    if (notices.length === 0) return Promise.resolve([]);
    return q.query(
      `INSERT INTO notification (user_id, alert_dispatch_id, department_id, reason, text, email_state, read_at)
       SELECT n."userId", $1, $2, 'alert-raised', n.text, CASE WHEN n.email THEN 'pending' END,
         CASE WHEN n."inApp" THEN NULL ELSE now() END
       FROM jsonb_to_recordset($3::jsonb) AS n("userId" uuid, text text, email boolean, "inApp" boolean)
       ON CONFLICT (alert_dispatch_id, user_id) WHERE alert_dispatch_id IS NOT NULL DO NOTHING
       RETURNING id::text, user_id AS "userId", email_state AS "emailState"`,
      [dispatch.id, dispatch.departmentId, JSON.stringify(notices)],
    );
  }

  insertWebhookDeliveries(
    q: Queryable,
    dispatchId: string,
    webhookIds: string[],
    text: string,
  ): Promise<{ id: string }[]> {
    if (webhookIds.length === 0) return Promise.resolve([]);
    return q.query(
      `INSERT INTO webhook_delivery (webhook_id, alert_dispatch_id, reason, text)
       SELECT unnest($2::uuid[]), $1, 'alert-raised', $3
       ON CONFLICT (webhook_id, alert_dispatch_id) WHERE alert_dispatch_id IS NOT NULL DO NOTHING RETURNING id::text`,
      [dispatchId, webhookIds, text],
    );
  }
}
