import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert delivery (issue 12). An `alert_dispatch` is one handing-over of a department's new alerts to people: one
 * alert alone, or a digest of several that arrived together. The notifications and webhook deliveries it makes
 * hang off it (once per person and per webhook), as the opportunity events' and follow-ups' do, so the email and
 * webhook jobs, their retries and their sweeps are the same ones. A reopened alert is handed over again in a new
 * dispatch; an open one that is updated is not.
 *
 * Also: a RESIST case links conversations, whose ids are bigints, not uuids (the alerts migration had them wrong;
 * no case could have been stored with one yet, since no conversation has a uuid id).
 */
export class AlertDispatch1796520000000 implements MigrationInterface {
  name = 'AlertDispatch1796520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_dispatch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        alert_ids uuid[] NOT NULL CHECK (cardinality(alert_ids) > 0),
        digest boolean NOT NULL,
        -- The line people are told (the alert's headline, or "5 alerts in …"), as notifications keep theirs.
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX alert_dispatch_recent ON alert_dispatch (department_id, created_at DESC)`);
    for (const table of ['notification', 'webhook_delivery']) {
      const subject = table === 'notification' ? 'notification_subject' : 'webhook_delivery_subject';
      await q.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${subject},
          ADD COLUMN alert_dispatch_id uuid REFERENCES alert_dispatch(id) ON DELETE CASCADE,
          ADD CONSTRAINT ${subject} CHECK (num_nonnulls(event_id, follow_up_id, alert_dispatch_id) = 1)`);
    }
    await q.query(
      `CREATE UNIQUE INDEX notification_alert_dispatch ON notification (alert_dispatch_id, user_id) WHERE alert_dispatch_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX webhook_delivery_alert_dispatch ON webhook_delivery (webhook_id, alert_dispatch_id) WHERE alert_dispatch_id IS NOT NULL`,
    );
    await q.query(`
      ALTER TABLE resist_case ALTER COLUMN conversation_ids DROP DEFAULT,
        ALTER COLUMN conversation_ids TYPE bigint[] USING '{}'::bigint[],
        ALTER COLUMN conversation_ids SET DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE resist_case ALTER COLUMN conversation_ids DROP DEFAULT,
        ALTER COLUMN conversation_ids TYPE uuid[] USING '{}'::uuid[],
        ALTER COLUMN conversation_ids SET DEFAULT '{}'`);
    for (const table of ['notification', 'webhook_delivery']) {
      const subject = table === 'notification' ? 'notification_subject' : 'webhook_delivery_subject';
      await q.query(`DELETE FROM ${table} WHERE alert_dispatch_id IS NOT NULL`);
      await q.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${subject},
          DROP COLUMN alert_dispatch_id,
          ADD CONSTRAINT ${subject} CHECK ((event_id IS NULL) <> (follow_up_id IS NULL))`);
    }
    await q.query(`DROP TABLE alert_dispatch`);
  }
}
