import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rule removed from the workspace is marked deleted, so its versions outlive it (and adding it back continues its
 * history). A source's secret settings are stored apart from its plain config, encrypted (see secret-box.ts).
 */
export class SafeWorkspace1796115000000 implements MigrationInterface {
  name = 'SafeWorkspace1796115000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE listening_rule ADD COLUMN deleted_at timestamptz`);
    await q.query(`ALTER TABLE source ADD COLUMN secrets text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM listening_rule WHERE deleted_at IS NOT NULL`);
    await q.query(`ALTER TABLE listening_rule DROP COLUMN deleted_at`);
    await q.query(`ALTER TABLE source DROP COLUMN secrets`);
  }
}
