import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the metrics read from Parley's own log (issue 11) needs to answer a window in milliseconds at a year of ten
 * departments' work. Responsiveness reads, for each opportunity found in the window, its first department
 * engagement and the status its timeline had reached: both from index-only scans (an opportunity's events are
 * scattered over the table, one heap page each, which at 20,000 opportunities was most of the time), and the
 * window's opportunities (with the route the engagement counts join on) from an index that carries what it reads.
 * Also a department's decisions and overrides by kind and time, and approvals by time with each draft's first one
 * found from the draft.
 */
export class LogMetricIndexes1796410000000 implements MigrationInterface {
  name = 'LogMetricIndexes1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX engagement_conversation_time ON engagement (conversation_id, department_id, occurred_at)
      INCLUDE (publish_state)`);
    await q.query(`CREATE INDEX opportunity_event_status ON opportunity_event (opportunity_id, id) INCLUDE (to_status, at)
      WHERE to_status IS NOT NULL`);
    await q.query(`DROP INDEX opportunity_created`);
    await q.query(`CREATE INDEX opportunity_created ON opportunity (department_id, created_at)
      INCLUDE (id, conversation_id, first_public_post_at, referred_from_id, route)`);
    await q.query(
      `CREATE INDEX opportunity_event_department_kind ON opportunity_event (department_id, kind, at)`,
    );
    await q.query(
      `CREATE INDEX draft_clearance_approved ON draft_clearance (closed_at) WHERE outcome = 'approved'`,
    );
    await q.query(
      `CREATE INDEX draft_clearance_draft_approved ON draft_clearance (draft_id, closed_at) WHERE outcome = 'approved'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX opportunity_created`);
    await q.query(`CREATE INDEX opportunity_created ON opportunity (department_id, created_at)`);
    for (const index of [
      'opportunity_event_status',
      'draft_clearance_draft_approved',
      'draft_clearance_approved',
      'opportunity_event_department_kind',
      'engagement_conversation_time',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
