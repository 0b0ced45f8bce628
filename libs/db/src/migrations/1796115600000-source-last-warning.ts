import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fetch can succeed yet deserve a person's attention: a feed cut off mid-document is read up to its last whole
 * item. The last successful fetch's warning is kept on the source (NULL when it had none), beside last_error.
 */
export class SourceLastWarning1796115600000 implements MigrationInterface {
  name = 'SourceLastWarning1796115600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source ADD COLUMN last_warning text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source DROP COLUMN last_warning`);
  }
}
