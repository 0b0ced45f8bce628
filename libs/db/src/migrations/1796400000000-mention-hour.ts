import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hourly mentions roll-up (issue 11): how many public posts named each department (its name, an alias or one
 * of its account handles), per UTC hour of publication, per source and platform. Dashboards read this instead of
 * scanning posts. `rollup_watermark` records how far, in posts' fetch time, the roll-up has counted; a run
 * recounts whole hours, so counting a post again changes nothing.
 */
export class MentionHour1796400000000 implements MigrationInterface {
  name = 'MentionHour1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mention_hour (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        source_id uuid NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        platform text NOT NULL,
        mentions integer NOT NULL CHECK (mentions > 0),
        PRIMARY KEY (department_id, hour, source_id, platform)
      )`);
    // Recounting an hour deletes it for every department at once.
    await q.query(`CREATE INDEX mention_hour_hour ON mention_hour (hour)`);
    await q.query(`
      CREATE TABLE rollup_watermark (
        name text PRIMARY KEY,
        counted_to timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rollup_watermark`);
    await q.query(`DROP TABLE mention_hour`);
  }
}
