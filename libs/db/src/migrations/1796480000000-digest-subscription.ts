import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The weekly impact digest (issue 11): who asked for a department's overview by email, and which weeks each was
 * sent for. A delivery row per subscription and week is what makes a retried job send nothing twice.
 */
export class DigestSubscription1796480000000 implements MigrationInterface {
  name = 'DigestSubscription1796480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest_subscription (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, department_id)
      )`);
    await q.query(`
      CREATE TABLE digest_delivery (
        user_id uuid NOT NULL,
        department_id uuid NOT NULL,
        week_start timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, department_id, week_start),
        FOREIGN KEY (user_id, department_id) REFERENCES digest_subscription (user_id, department_id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE digest_delivery`);
    await q.query(`DROP TABLE digest_subscription`);
  }
}
