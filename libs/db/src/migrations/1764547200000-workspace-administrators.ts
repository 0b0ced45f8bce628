import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workspace administration becomes a flag on the user instead of an `admin` membership: before this, `admin` in
 * any department (or the workspace-wide `*` membership) meant admin everywhere. Holders of a `*` membership become
 * workspace administrators; every membership now names a department.
 */
export class WorkspaceAdministrators1764547200000 implements MigrationInterface {
  name = 'WorkspaceAdministrators1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN workspace_admin boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE app_user SET workspace_admin = true
       WHERE id IN (SELECT user_id FROM membership WHERE department_id IS NULL AND role = 'admin')`,
    );
    await q.query(`DELETE FROM membership WHERE department_id IS NULL`);
    await q.query(`DROP INDEX membership_user_department`);
    await q.query(`ALTER TABLE membership ALTER COLUMN department_id SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX membership_user_department ON membership (user_id, department_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX membership_user_department`);
    await q.query(`ALTER TABLE membership ALTER COLUMN department_id DROP NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX membership_user_department ON membership (user_id, coalesce(department_id, '00000000-0000-0000-0000-000000000000'))`,
    );
    await q.query(
      `INSERT INTO membership (user_id, department_id, role) SELECT id, NULL, 'admin' FROM app_user WHERE workspace_admin`,
    );
    await q.query(`ALTER TABLE app_user DROP COLUMN workspace_admin`);
  }
}
