import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the metrics read from Parley's own log (issue 11) needs to answer a window in milliseconds at a year of ten
 * departments' work: a conversation's department engagements in time order (the first response of each
 * opportunity); a department's decisions and overrides by kind and time; and approvals by time, with each draft's
 * first one found from the draft.
 */
export class LogMetricIndexes1796410000000 implements MigrationInterface {
  name = 'LogMetricIndexes1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX engagement_conversation_time ON engagement (conversation_id, department_id, occurred_at)`,
    );
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
    for (const index of [
      'draft_clearance_draft_approved',
      'draft_clearance_approved',
      'opportunity_event_department_kind',
      'engagement_conversation_time',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
