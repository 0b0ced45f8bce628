import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and minimisation (issue 13).
 * - `source.retention_days` / `retention_action` and the single `workspace_retention` row (the default): how long
 *   public posts are kept and what happens to them then. No row and no source setting: kept.
 * - `workspace_secret`: the key the per-author tokens are made with, sealed with the secret box.
 * - `post.retired_at` / `retired_as`: a retired post stays as a row (its roll-up rows hang off it) with its personal
 *   fields cleared or tokenised; `author_token` is the stable token its author is counted by once tokenised.
 * - `retired_hour`: hours holding a retired post. Recounts leave them as they stand, since their posts can no
 *   longer be read as they were counted (text cleared, names replaced).
 * - `legal_hold`: an FOI or litigation case keeps a conversation or a department's posts from being retired.
 * - `retention_run`: one row per run of the retention job, what it did and whether it stopped at its bound.
 * - `subject_request`: a data subject's request, what was found, what was done, by whom and when.
 */
export class Retention1796610000000 implements MigrationInterface {
  name = 'Retention1796610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE source
        ADD COLUMN retention_days integer CHECK (retention_days > 0),
        ADD COLUMN retention_action text CHECK (retention_action IN ('delete', 'pseudonymise')),
        ADD CONSTRAINT source_retention_whole CHECK ((retention_days IS NULL) = (retention_action IS NULL))`);
    await q.query(`
      CREATE TABLE workspace_retention (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        days integer NOT NULL CHECK (days > 0),
        action text NOT NULL CHECK (action IN ('delete', 'pseudonymise')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE workspace_secret (
        name text PRIMARY KEY,
        sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      ALTER TABLE post
        ADD COLUMN retired_at timestamptz,
        ADD COLUMN retired_as text CHECK (retired_as IN ('deleted', 'pseudonymised')),
        ADD COLUMN author_token text`);
    // The job reads each source's public posts not yet retired, oldest first, up to the source's cut-off: a post
    // leaves the index when it retires, so a run reads what is due (and what is held), never what it already did.
    await q.query(
      `CREATE INDEX post_retention_pending ON post (source_id, (coalesce(published_at, fetched_at)), id)
       WHERE retired_at IS NULL AND by_department_id IS NULL`,
    );
    // A subject request by handle finds tokenised posts by their token. Searches by name or profile link are rare
    // (a person's request) and read the posts without an index rather than slow every insert down with two more.
    await q.query(`CREATE INDEX post_author_token ON post (author_token) WHERE author_token IS NOT NULL`);
    await q.query(`
      CREATE TABLE retired_hour (
        hour timestamptz PRIMARY KEY,
        retired_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE legal_hold (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id bigint REFERENCES conversation(id) ON DELETE CASCADE,
        department_id uuid REFERENCES department(id) ON DELETE CASCADE,
        reason text NOT NULL,
        placed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        placed_at timestamptz NOT NULL DEFAULT now(),
        released_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        released_at timestamptz,
        release_reason text,
        CHECK ((conversation_id IS NULL) <> (department_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX legal_hold_conversation ON legal_hold (conversation_id) WHERE released_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX legal_hold_department ON legal_hold (department_id) WHERE released_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE retention_run (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        as_of timestamptz NOT NULL,
        pseudonymised integer NOT NULL DEFAULT 0,
        deleted integer NOT NULL DEFAULT 0,
        held integer NOT NULL DEFAULT 0,
        more boolean NOT NULL DEFAULT false,
        error text
      )`);
    await q.query(`
      CREATE TABLE subject_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('handle', 'name', 'profileUrl')),
        value text NOT NULL,
        requested_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        found jsonb NOT NULL,
        outcome text CHECK (outcome IN ('erased', 'pseudonymised')),
        done jsonb,
        done_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        done_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'subject_request',
      'retention_run',
      'legal_hold',
      'retired_hour',
      'workspace_secret',
      'workspace_retention',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const index of ['post_author_token', 'post_retention_pending']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(
      `ALTER TABLE post DROP COLUMN author_token, DROP COLUMN retired_as, DROP COLUMN retired_at`,
    );
    await q.query(
      `ALTER TABLE source DROP CONSTRAINT source_retention_whole, DROP COLUMN retention_action, DROP COLUMN retention_days`,
    );
  }
}
