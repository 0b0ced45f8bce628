import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A follow-up coming due is told to the department's webhooks through the same delivery log as the opportunity
 * events: a delivery is about an event or a follow-up (exactly one), once per webhook.
 */
export class FollowUpWebhooks1796492100000 implements MigrationInterface {
  name = 'FollowUpWebhooks1796492100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhook_delivery
        ALTER COLUMN event_id DROP NOT NULL,
        ADD COLUMN follow_up_id uuid REFERENCES exercise_follow_up(id) ON DELETE CASCADE,
        ADD CONSTRAINT webhook_delivery_subject CHECK ((event_id IS NULL) <> (follow_up_id IS NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX webhook_delivery_follow_up ON webhook_delivery (webhook_id, follow_up_id) WHERE follow_up_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM webhook_delivery WHERE follow_up_id IS NOT NULL`);
    await q.query(`DROP INDEX webhook_delivery_follow_up`);
    await q.query(`
      ALTER TABLE webhook_delivery
        DROP CONSTRAINT webhook_delivery_subject,
        DROP COLUMN follow_up_id,
        ALTER COLUMN event_id SET NOT NULL`);
  }
}
