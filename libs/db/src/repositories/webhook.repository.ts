import type { WebhookReason } from '@parley/domain';
import type { Queryable } from '../queryable';

/**
 * A webhook's URL (a credential for Slack and Teams) and signing secret are sealed together with secret-box,
 * bound to the webhook's id so a sealed value copied onto another webhook does not open there.
 */
export const webhookSealAad = (webhookId: string): string => `webhook:${webhookId}`;

/** A department's webhook as its administrators see it: the URL and secret stay sealed. */
export type WebhookRow = {
  id: string;
  departmentId: string;
  name: string;
  host: string;
  reasons: WebhookReason[];
  enabled: boolean;
  /** Whether a signing secret is sealed with the URL. */
  signed: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type WebhookWrite = {
  name: string;
  host: string;
  sealed: string;
  signed: boolean;
  reasons: WebhookReason[];
  enabled: boolean;
};

export type DeliveryRow = {
  id: string;
  /** What the delivery tells about: an opportunity's event, or an exercise's follow-up come due. */
  eventId: string | null;
  followUpId: string | null;
  reason: WebhookReason;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  statusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
};

/** What a delivery job needs to post: the sealed target and the event it tells about. */
export type DeliveryToSendRow = {
  id: string;
  webhookId: string;
  departmentKey: string;
  departmentName: string;
  sealed: string;
  enabled: boolean;
  state: DeliveryRow['state'];
  eventId: string | null;
  followUpId: string | null;
  /** The event's kind, `follow-up-due`, or `alert.raised`. */
  eventKind: string;
  /** The alerts an alert delivery tells of (one, or a digest's several); empty for anything else. */
  alertIds: string[];
  at: Date;
  reason: WebhookReason;
  text: string;
  /** Null for a follow-up, which is about an exercise, not a conversation. */
  opportunityId: string | null;
  conversationId: string | null;
  title: string | null;
  actorName: string | null;
};

const WEBHOOK_COLUMNS = `id, department_id AS "departmentId", name, host, reasons, enabled, signed, created_at AS "createdAt",
  updated_at AS "updatedAt"`;
const DELIVERY_COLUMNS = `id::text, event_id::text AS "eventId", follow_up_id::text AS "followUpId", reason, state, attempts, status_code AS "statusCode",
  last_error AS "lastError", created_at AS "createdAt", last_attempt_at AS "lastAttemptAt", delivered_at AS "deliveredAt"`;

/** Department webhooks and their delivery log. */
export class WebhookRepository {
  listOf(q: Queryable, departmentId: string): Promise<WebhookRow[]> {
    return q.query(
      `SELECT ${WEBHOOK_COLUMNS} FROM department_webhook WHERE department_id = $1 ORDER BY lower(name), id`,
      [departmentId],
    );
  }

  find(
    q: Queryable,
    departmentId: string,
    id: string,
  ): Promise<(WebhookRow & { sealed: string }) | undefined> {
    return q
      .query(
        `SELECT ${WEBHOOK_COLUMNS}, sealed FROM department_webhook WHERE department_id = $1 AND id = $2`,
        [departmentId, id],
      )
      .then((rows: (WebhookRow & { sealed: string })[]) => rows[0]);
  }

  insert(q: Queryable, id: string, departmentId: string, write: WebhookWrite): Promise<WebhookRow> {
    return q
      .query(
        `INSERT INTO department_webhook (id, department_id, name, host, sealed, signed, reasons, enabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${WEBHOOK_COLUMNS}`,
        [id, departmentId, write.name, write.host, write.sealed, write.signed, write.reasons, write.enabled],
      )
      .then((rows: WebhookRow[]) => rows[0]);
  }

  update(q: Queryable, id: string, write: WebhookWrite): Promise<WebhookRow> {
    return q
      .query(
        `UPDATE department_webhook SET name = $2, host = $3, sealed = $4, signed = $5, reasons = $6, enabled = $7,
           updated_at = now()
         WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
        [id, write.name, write.host, write.sealed, write.signed, write.reasons, write.enabled],
      )
      .then(([rows]: [WebhookRow[], number]) => rows[0]);
  }

  async delete(q: Queryable, id: string): Promise<void> {
    await q.query(`DELETE FROM department_webhook WHERE id = $1`, [id]);
  }

  /** The enabled webhooks of these departments that post `reason`. */
  subscribed(q: Queryable, departmentIds: string[], reason: WebhookReason): Promise<{ id: string }[]> {
    return q.query(
      `SELECT id FROM department_webhook
       WHERE department_id = ANY($1::uuid[]) AND enabled AND $2 = ANY(reasons)`,
      [departmentIds, reason],
    );
  }

  /** One delivery per webhook and event; those already there (a fan-out run again) are not made twice. */
  insertDeliveries(
    q: Queryable,
    eventId: string,
    webhookIds: string[],
    notice: { reason: WebhookReason; text: string },
  ): Promise<{ id: string }[]> {
    if (webhookIds.length === 0) return Promise.resolve([]);
    return q.query(
      `INSERT INTO webhook_delivery (webhook_id, event_id, reason, text)
       SELECT unnest($2::uuid[]), $1, $3, $4
       ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id::text`,
      [eventId, webhookIds, notice.reason, notice.text],
    );
  }

  /** One delivery per webhook and follow-up; a reminder run again makes none twice. */
  insertFollowUpDeliveries(
    q: Queryable,
    followUpId: string,
    webhookIds: string[],
    notice: { reason: WebhookReason; text: string },
  ): Promise<{ id: string }[]> {
    if (webhookIds.length === 0) return Promise.resolve([]);
    return q.query(
      `INSERT INTO webhook_delivery (webhook_id, follow_up_id, reason, text)
       SELECT unnest($2::uuid[]), $1, $3, $4
       ON CONFLICT (webhook_id, follow_up_id) WHERE follow_up_id IS NOT NULL DO NOTHING RETURNING id::text`,
      [followUpId, webhookIds, notice.reason, notice.text],
    );
  }

  deliveriesOf(q: Queryable, webhookId: string, limit: number): Promise<DeliveryRow[]> {
    return q.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`,
      [webhookId, limit],
    );
  }

  deliveryToSend(q: Queryable, id: string): Promise<DeliveryToSendRow | undefined> {
    return q
      .query(
        `SELECT w.id::text, w.webhook_id AS "webhookId", d.key AS "departmentKey", d.name AS "departmentName",
           h.sealed, h.enabled, w.state, w.event_id::text AS "eventId", w.follow_up_id::text AS "followUpId",
           coalesce(e.kind, CASE WHEN ad.id IS NOT NULL THEN 'alert.raised' ELSE 'follow-up-due' END) AS "eventKind",
           coalesce(e.at, f.due_at, ad.created_at) AS at, w.reason, w.text,
           coalesce(ad.alert_ids::text[], '{}') AS "alertIds",
           e.opportunity_id AS "opportunityId", o.conversation_id::text AS "conversationId",
           coalesce(c.title, x.title) AS title, u.name AS "actorName"
         FROM webhook_delivery w JOIN department_webhook h ON h.id = w.webhook_id
         JOIN department d ON d.id = h.department_id
         LEFT JOIN opportunity_event e ON e.id = w.event_id
         LEFT JOIN opportunity o ON o.id = e.opportunity_id LEFT JOIN conversation c ON c.id = o.conversation_id
         LEFT JOIN app_user u ON u.id = e.actor_user_id
         LEFT JOIN exercise_follow_up f ON f.id = w.follow_up_id LEFT JOIN exercise x ON x.id = f.exercise_id
         LEFT JOIN alert_dispatch ad ON ad.id = w.alert_dispatch_id
         WHERE w.id = $1`,
        [id],
      )
      .then((rows: DeliveryToSendRow[]) => rows[0]);
  }

  /** Records one attempt: delivered, failed for good, or still pending (it is retried). */
  async recordAttempt(
    q: Queryable,
    id: string,
    outcome: { state: DeliveryRow['state']; statusCode: number | null; error: string | null },
  ): Promise<void> {
    await q.query(
      `UPDATE webhook_delivery SET attempts = attempts + 1, state = $2, status_code = $3, last_error = $4,
         last_attempt_at = now(), delivered_at = CASE WHEN $2 = 'delivered' THEN now() END
       WHERE id = $1`,
      [id, outcome.state, outcome.statusCode, outcome.error],
    );
  }

  /** Deliveries still pending well after their last attempt could have been retried: their job was lost. */
  stalePending(q: Queryable, olderThanMs: number): Promise<string[]> {
    return q
      .query(
        `SELECT id::text FROM webhook_delivery WHERE state = 'pending'
           AND coalesce(last_attempt_at, created_at) < now() - make_interval(secs => $1::float8 / 1000)
         ORDER BY id LIMIT 500`,
        [olderThanMs],
      )
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }
}
