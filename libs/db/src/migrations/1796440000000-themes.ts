import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Themes (issue 11). `theme` is each department's catalogue: a theme keeps its id (derived from the department and
 * its seed keyphrase) and label for good, so its share can be compared across periods. `post_theme` places each
 * on-topic post once per department (theme_id null: it fits no theme yet, and its keyphrases are kept so it can be
 * tried again). `theme_hour` and `on_topic_hour` are the hourly roll-ups dashboards read instead of posts (with
 * `theme_day` and `on_topic_day` for the whole UTC days of a long window); the
 * `themes` row of `rollup_watermark` says how far, in opportunities' tagging time, the job has placed posts.
 */
export class Themes1796440000000 implements MigrationInterface {
  name = 'Themes1796440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE theme (
        id uuid PRIMARY KEY,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        key text NOT NULL,
        label text NOT NULL,
        keyphrases jsonb NOT NULL,
        excerpt text,
        excerpt_url text,
        ordinal bigint GENERATED ALWAYS AS IDENTITY,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (department_id, key)
      )`);
    await q.query(`
      CREATE TABLE post_theme (
        post_id bigint NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        theme_id uuid REFERENCES theme(id) ON DELETE SET NULL,
        hour timestamptz NOT NULL,
        keyphrases jsonb,
        PRIMARY KEY (post_id, department_id)
      )`);
    // Recounting a department's hours, and finding the posts that fit no theme yet, newest first.
    await q.query(`CREATE INDEX post_theme_hour ON post_theme (department_id, hour)`);
    await q.query(
      `CREATE INDEX post_theme_unthemed ON post_theme (department_id, hour DESC) WHERE theme_id IS NULL`,
    );
    await q.query(`
      CREATE TABLE theme_hour (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        theme_id uuid NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        mentions integer NOT NULL CHECK (mentions > 0),
        PRIMARY KEY (department_id, hour, theme_id)
      )`);
    await q.query(`
      CREATE TABLE on_topic_hour (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        mentions integer NOT NULL CHECK (mentions > 0),
        PRIMARY KEY (department_id, hour)
      )`);
    // The same by UTC day, so a long window sums a row a day instead of a row an hour (a year: 365, not 8,760).
    await q.query(`
      CREATE TABLE theme_day (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        day timestamptz NOT NULL,
        theme_id uuid NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        mentions integer NOT NULL CHECK (mentions > 0),
        PRIMARY KEY (department_id, day, theme_id)
      )`);
    await q.query(`
      CREATE TABLE on_topic_day (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        day timestamptz NOT NULL,
        mentions integer NOT NULL CHECK (mentions > 0),
        PRIMARY KEY (department_id, day)
      )`);
    // A read is a few hundred rows by primary key; starting parallel workers for it cost 85 ms of a 105 ms query
    // (measured, a week's window over a year of 30 themes an hour).
    for (const table of ['theme_hour', 'theme_day', 'on_topic_hour', 'on_topic_day']) {
      await q.query(`ALTER TABLE ${table} SET (parallel_workers = 0)`);
    }
    // The job reads opportunities by the time they were last tagged.
    await q.query(`CREATE INDEX opportunity_tagged ON opportunity (tagged_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX opportunity_tagged`);
    await q.query(`DROP TABLE on_topic_day`);
    await q.query(`DROP TABLE theme_day`);
    await q.query(`DROP TABLE on_topic_hour`);
    await q.query(`DROP TABLE theme_hour`);
    await q.query(`DROP TABLE post_theme`);
    await q.query(`DROP TABLE theme`);
    await q.query(`DELETE FROM rollup_watermark WHERE name = 'themes'`);
  }
}
