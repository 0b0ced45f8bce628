import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the inbox filters (`GET /api/conversations`): work in a status, and first-response deadlines (the SLA
 * filter), each within a department. The assignee filter uses the workflow's `opportunity_assignee`, text search
 * the GIN index on `post.search_vector`, the source filter the conversation's (source_id, root) key.
 */
export class InboxFilters1796301000000 implements MigrationInterface {
  name = 'InboxFilters1796301000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX opportunity_inbox_status ON opportunity (department_id, status) WHERE retired_at IS NULL`,
    );
    await q.query(`CREATE INDEX opportunity_inbox_due ON opportunity (department_id, due_at)
      WHERE retired_at IS NULL AND first_response_at IS NULL
        AND status IN ('new', 'assigned', 'drafting', 'in-clearance', 'approved')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX opportunity_inbox_due`);
    await q.query(`DROP INDEX opportunity_inbox_status`);
  }
}
