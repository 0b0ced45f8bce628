import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flagged spam and bot authors leave the theme counts as they leave the mention and sentiment counts, and the
 * number left out is kept beside the on-topic count (`excluded`), so an hour may now hold only excluded posts.
 * `post_theme_drill` reads a theme's posts in a window for the drill-down: (department, theme, hour) bounds the
 * rows to the window's hours before any post is read.
 */
export class FlaggedExclusions1796492000000 implements MigrationInterface {
  name = 'FlaggedExclusions1796492000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['on_topic_hour', 'on_topic_day']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN excluded integer NOT NULL DEFAULT 0`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_mentions_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_counts CHECK (mentions >= 0 AND excluded >= 0 AND mentions + excluded > 0)`,
      );
    }
    await q.query(
      `CREATE INDEX post_theme_drill ON post_theme (department_id, theme_id, hour) WHERE theme_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX post_theme_drill`);
    for (const table of ['on_topic_hour', 'on_topic_day']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_counts`);
      await q.query(`DELETE FROM ${table} WHERE mentions = 0`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN excluded`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_mentions_check CHECK (mentions > 0)`);
    }
  }
}
