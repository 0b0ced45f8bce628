import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens expire. Tokens made before expiry existed get the default lifetime from now, not from when they
 * were made, so upgrading does not stop a working script without warning.
 */
export class ApiTokenExpiry1796119200000 implements MigrationInterface {
  name = 'ApiTokenExpiry1796119200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_token ADD COLUMN expires_at timestamptz`);
    await q.query(`UPDATE api_token SET expires_at = now() + interval '90 days'`);
    await q.query(`ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL`);
    // The per-user cap counts a user's live tokens on every creation.
    await q.query(`CREATE INDEX api_token_user_live ON api_token (user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX api_token_user_live`);
    await q.query(`ALTER TABLE api_token DROP COLUMN expires_at`);
  }
}
