import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the opportunity_event outbox fans out to. `notification`: one row per event and person (unique, so a fan-out
 * run twice tells nobody twice), with its line of text worked out once so the list, the email and the webhook say
 * the same; `email_state` is null when no email was wanted, else pending → sent | failed. `notification_preference`:
 * the reasons someone chose to get by email (no row: none, email is opt-in). `department_webhook`: a department's
 * incoming webhooks, the URL and signing secret sealed together (a Slack webhook URL is itself a credential);
 * `webhook_delivery`: one row per webhook and event, the delivery log its administrators read.
 */
export class Notifications1796305000000 implements MigrationInterface {
  name = 'Notifications1796305000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        event_id bigint NOT NULL REFERENCES opportunity_event(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        opportunity_id uuid NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
        reason text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        email_state text CHECK (email_state IN ('pending', 'sent', 'failed')),
        email_error text,
        UNIQUE (event_id, user_id)
      )`);
    await q.query(`CREATE INDEX notification_user ON notification (user_id, id DESC)`);
    await q.query(`CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL`);
    await q.query(
      `CREATE INDEX notification_email_pending ON notification (created_at) WHERE email_state = 'pending'`,
    );
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        email_reasons text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE department_webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        name text NOT NULL,
        host text NOT NULL,
        sealed text NOT NULL,
        signed boolean NOT NULL,
        reasons text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX department_webhook_department ON department_webhook (department_id)`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES department_webhook(id) ON DELETE CASCADE,
        event_id bigint NOT NULL REFERENCES opportunity_event(id) ON DELETE CASCADE,
        reason text NOT NULL,
        text text NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        UNIQUE (webhook_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, id DESC)`);
    await q.query(
      `CREATE INDEX webhook_delivery_pending ON webhook_delivery (created_at) WHERE state = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE department_webhook`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification`);
  }
}
