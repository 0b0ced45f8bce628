import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taking part. `version` is bumped by every change to an opportunity, so a change made from a stale page is
 * refused rather than silently overwriting someone else's. `opportunity_event` is the timeline of each opportunity
 * and the outbox notifications are sent from (`notified_at`): every workflow change appends one row in the same
 * transaction as the change. `due_at` / `due_soon_at` are the first-response deadlines, filled by the SLA sweep;
 * `referred_from_id` marks an opportunity another department handed over (a person put it in this inbox, so
 * re-tagging never retires it). Retirement becomes a status too, for untouched opportunities only.
 */
export class OpportunityWorkflow1796300000000 implements MigrationInterface {
  name = 'OpportunityWorkflow1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE opportunity DROP CONSTRAINT opportunity_status_check`);
    await q.query(`ALTER TABLE opportunity ADD CONSTRAINT opportunity_status_check CHECK (status IN
      ('new', 'assigned', 'drafting', 'in-clearance', 'approved', 'responded', 'declined', 'referred', 'retired'))`);
    await q.query(
      `UPDATE opportunity SET status = 'retired' WHERE retired_at IS NOT NULL AND status IN ('new', 'assigned')`,
    );
    await q.query(`ALTER TABLE opportunity ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN decline_note text, ADD COLUMN due_at timestamptz, ADD COLUMN due_soon_at timestamptz,
      ADD COLUMN referred_from_id uuid REFERENCES opportunity(id) ON DELETE SET NULL`);
    await q.query(
      `CREATE INDEX opportunity_assignee ON opportunity (assignee_id) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX opportunity_sla_pending ON opportunity (department_id)
      WHERE due_at IS NULL AND status IN ('new', 'assigned', 'drafting', 'in-clearance', 'approved')`);
    await q.query(
      `ALTER TABLE department ADD COLUMN response_sla_business_hours boolean NOT NULL DEFAULT true`,
    );
    await q.query(`
      CREATE TABLE opportunity_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        opportunity_id uuid NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        kind text NOT NULL,
        from_status text,
        to_status text,
        detail jsonb NOT NULL DEFAULT '{}',
        notified_at timestamptz
      )`);
    await q.query(`CREATE INDEX opportunity_event_timeline ON opportunity_event (opportunity_id, id)`);
    await q.query(
      `CREATE INDEX opportunity_event_outbox ON opportunity_event (id) WHERE notified_at IS NULL`,
    );
    // One warning of each kind per deadline, however often (or however many at once) the sweep runs.
    await q.query(`CREATE UNIQUE INDEX opportunity_event_sla_once ON opportunity_event (opportunity_id, kind, (detail->>'dueAt'))
      WHERE kind IN ('sla-due-soon', 'sla-overdue')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE opportunity_event`);
    await q.query(`ALTER TABLE department DROP COLUMN response_sla_business_hours`);
    await q.query(`DROP INDEX opportunity_sla_pending`);
    await q.query(`DROP INDEX opportunity_assignee`);
    await q.query(`ALTER TABLE opportunity DROP COLUMN version, DROP COLUMN decline_note, DROP COLUMN due_at,
      DROP COLUMN due_soon_at, DROP COLUMN referred_from_id`);
    await q.query(`UPDATE opportunity SET status = 'new' WHERE status = 'retired'`);
    await q.query(`ALTER TABLE opportunity DROP CONSTRAINT opportunity_status_check`);
    await q.query(`ALTER TABLE opportunity ADD CONSTRAINT opportunity_status_check CHECK (status IN
      ('new', 'assigned', 'drafting', 'in-clearance', 'approved', 'responded', 'declined', 'referred'))`);
  }
}
