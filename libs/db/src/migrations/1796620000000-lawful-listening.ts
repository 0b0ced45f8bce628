import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topic, not person (issue 13). A listening rule records its lawful basis (UK GDPR Art. 6) beside its purpose, the
 * justification for following a named private individual, and who those individuals are (`named_people`, the
 * `author:` values no known organisation answers to); every version keeps all four as they were. `workspace_setting`
 * holds workspace-wide settings from the workspace document, one row per name (`lawfulListening`). `author_view`:
 * one row per person, member of the public and conversation opened, with the latest opening (the window counts
 * distinct conversations, so refreshing one page is not "repeated viewing"); `author_view_reason`: the reasons people
 * recorded for going on. A notice can now be about a rule version (a rule that names a person, told to the
 * department's admins).
 */
export class LawfulListening1796620000000 implements MigrationInterface {
  name = 'LawfulListening1796620000000';

  async up(q: QueryRunner): Promise<void> {
    const bases = `('public-task', 'legitimate-interests', 'consent', 'legal-obligation', 'vital-interests', 'contract')`;
    await q.query(`
      ALTER TABLE listening_rule
        ADD COLUMN lawful_basis text CHECK (lawful_basis IN ${bases}),
        ADD COLUMN justification text,
        ADD COLUMN named_people text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      ALTER TABLE listening_rule_version
        ADD COLUMN purpose text,
        ADD COLUMN lawful_basis text CHECK (lawful_basis IN ${bases}),
        ADD COLUMN justification text,
        ADD COLUMN named_people text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE workspace_setting (
        name text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE author_view (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        author_key text NOT NULL,
        conversation_id bigint NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        platform text NOT NULL,
        author_handle text NOT NULL,
        author_name text,
        first_viewed_at timestamptz NOT NULL DEFAULT now(),
        last_viewed_at timestamptz NOT NULL DEFAULT now(),
        openings integer NOT NULL DEFAULT 1,
        PRIMARY KEY (user_id, author_key, conversation_id)
      )`);
    await q.query(`CREATE INDEX author_view_recent ON author_view (last_viewed_at)`);
    await q.query(`
      CREATE TABLE author_view_reason (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        author_key text NOT NULL,
        conversation_id bigint REFERENCES conversation(id) ON DELETE SET NULL,
        views integer NOT NULL,
        reason text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX author_view_reason_lookup ON author_view_reason (user_id, author_key, recorded_at)`,
    );
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN rule_version_id uuid REFERENCES listening_rule_version(id) ON DELETE CASCADE,
        DROP CONSTRAINT notification_subject,
        ADD CONSTRAINT notification_subject
          CHECK (num_nonnulls(event_id, follow_up_id, alert_dispatch_id, rule_version_id) = 1)`);
    await q.query(
      `CREATE UNIQUE INDEX notification_rule_version ON notification (rule_version_id, user_id) WHERE rule_version_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE rule_version_id IS NOT NULL`);
    await q.query(`DROP INDEX notification_rule_version`);
    await q.query(`
      ALTER TABLE notification
        DROP CONSTRAINT notification_subject,
        DROP COLUMN rule_version_id,
        ADD CONSTRAINT notification_subject CHECK (num_nonnulls(event_id, follow_up_id, alert_dispatch_id) = 1)`);
    await q.query(`DROP TABLE author_view_reason`);
    await q.query(`DROP TABLE author_view`);
    await q.query(`DROP TABLE workspace_setting`);
    await q.query(`
      ALTER TABLE listening_rule_version
        DROP COLUMN purpose, DROP COLUMN lawful_basis, DROP COLUMN justification, DROP COLUMN named_people`);
    await q.query(`
      ALTER TABLE listening_rule
        DROP COLUMN lawful_basis, DROP COLUMN justification, DROP COLUMN named_people`);
  }
}
