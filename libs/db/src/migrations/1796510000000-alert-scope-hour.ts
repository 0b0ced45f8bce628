import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hourly counts the alert detectors need beyond `mention_hour` (issue 12): per rule, theme and delivery partner
 * of a department, per UTC hour and source, so a muted source can be left out of every series. Rules and themes count
 * the department's on-topic posts (`post_theme`, by the rules of the conversation's opportunity and the post's
 * theme); a partner counts the department's mentions and on-topic posts that name it, `campaign` those of them with
 * boycott or protest language. Rewritten hour by hour by EvaluateAlerts, whose `alerts` row of `rollup_watermark`
 * says how far it has read.
 */
export class AlertScopeHour1796510000000 implements MigrationInterface {
  name = 'AlertScopeHour1796510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_scope_hour (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        scope_type text NOT NULL CHECK (scope_type IN ('rule', 'theme', 'partner')),
        scope_id uuid NOT NULL,
        hour timestamptz NOT NULL,
        source_id uuid NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        posts integer NOT NULL CHECK (posts > 0),
        campaign integer NOT NULL DEFAULT 0 CHECK (campaign >= 0 AND campaign <= posts),
        PRIMARY KEY (department_id, scope_type, scope_id, hour, source_id)
      )`);
    // Recounting an hour rewrites it for every department at once; finding the scopes an hour touched reads it too.
    await q.query(`CREATE INDEX alert_scope_hour_hour ON alert_scope_hour (hour)`);
    // A series is one scope's 192 hours, read by primary key; parallel workers would cost more than the read.
    await q.query(`ALTER TABLE alert_scope_hour SET (parallel_workers = 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_scope_hour`);
    await q.query(`DELETE FROM rollup_watermark WHERE name = 'alerts'`);
  }
}
