import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Draft replies and their clearance. One draft per opportunity, every saved version kept with the propriety
 * findings of its text at save time and the findings someone set aside (with why, who and when). The account
 * it will be posted from is kept as its identity (platform, handle, site): a workspace apply replaces a
 * department's account rows, so their ids do not last. Each submission for clearance is a row with when it was
 * submitted and when it was closed (approved, changes requested, or superseded by a new version): time in
 * clearance is read from these. Reviews belong to one submission and name the version they saw.
 */
export class Drafts1796303000000 implements MigrationInterface {
  name = 'Drafts1796303000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE draft (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL UNIQUE REFERENCES opportunity(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0,
        account_platform text,
        account_handle text,
        account_site text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE draft_version (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
        version integer NOT NULL,
        text text NOT NULL,
        findings jsonb NOT NULL DEFAULT '[]',
        overrides jsonb NOT NULL DEFAULT '[]',
        saved_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        saved_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (draft_id, version)
      )`);
    await q.query(`
      CREATE TABLE draft_clearance (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        draft_id uuid NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
        draft_version integer NOT NULL,
        submitted_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        closed_at timestamptz,
        outcome text CHECK (outcome IN ('approved', 'changes-requested', 'superseded'))
      )`);
    // At most one open submission per draft.
    await q.query(
      `CREATE UNIQUE INDEX draft_clearance_open ON draft_clearance (draft_id) WHERE closed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE draft_review (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        clearance_id bigint NOT NULL REFERENCES draft_clearance(id) ON DELETE CASCADE,
        draft_version integer NOT NULL,
        reviewer_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        role text NOT NULL CHECK (role IN ('policy', 'comms', 'manager')),
        decision text NOT NULL CHECK (decision IN ('approve', 'request-changes')),
        comment text NOT NULL DEFAULT '',
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX draft_review_clearance ON draft_review (clearance_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['draft_review', 'draft_clearance', 'draft_version', 'draft']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
