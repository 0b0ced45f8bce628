import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each person last signed in, for the members list: sessions are deleted on sign-out and the audit log is
 * not indexed by user, so neither can answer it cheaply.
 */
export class UserLastSignIn1764601800000 implements MigrationInterface {
  name = 'UserLastSignIn1764601800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN last_sign_in_at timestamptz`);
    await q.query(
      `UPDATE app_user u SET last_sign_in_at = s.last FROM
         (SELECT user_id, max(created_at) AS last FROM user_session GROUP BY user_id) s
       WHERE s.user_id = u.id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN last_sign_in_at`);
  }
}
