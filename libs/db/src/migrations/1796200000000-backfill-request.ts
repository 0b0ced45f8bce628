import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of re-tagging: a rule change records its re-tag here in the same transaction, so a change that
 * committed re-tags even when Redis was down at that moment. `queued_at` is set once the queue has the job (whose
 * id is the row's), and rows not yet queued are handed to it when Redis answers again.
 */
export class BackfillRequest1796200000000 implements MigrationInterface {
  name = 'BackfillRequest1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE backfill_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        since timestamptz NOT NULL,
        reason text NOT NULL,
        department_ids uuid[],
        requested_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX backfill_request_unqueued ON backfill_request (requested_at) WHERE queued_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backfill_request`);
  }
}
