import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Engagements people record or Parley publishes live beside the department posts tagging detects, in one table,
 * so a reply is one row whichever way it became known: a fetched post is linked to the recorded engagement it is
 * (`post_id`) rather than counted again. `publish_state` is null for a reply recorded by hand; otherwise pending
 * while Parley posts it, then published or failed (with the reason a person can act on). The row's id is the
 * key sent to the platform, so a retry never posts twice. Department accounts keep a publish credential
 * (Mastodon access token, Bluesky app password) encrypted as source secrets are.
 */
export class EngagementPublishing1796304000000 implements MigrationInterface {
  name = 'EngagementPublishing1796304000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE department_account ADD COLUMN secret text`);
    await q.query(`UPDATE engagement SET kind = 'original-post' WHERE kind = 'original'`);
    await q.query(`ALTER TABLE engagement DROP CONSTRAINT engagement_kind_check`);
    await q.query(`ALTER TABLE engagement ADD CONSTRAINT engagement_kind_check
      CHECK (kind IN ('detected', 'reply', 'pointer', 'original-post'))`);
    await q.query(`ALTER TABLE engagement
      ADD COLUMN opportunity_id uuid REFERENCES opportunity(id) ON DELETE CASCADE,
      ADD COLUMN account_id uuid REFERENCES department_account(id) ON DELETE SET NULL,
      ADD COLUMN account_handle text,
      ADD COLUMN platform text,
      ADD COLUMN route text,
      ADD COLUMN closes_loop boolean NOT NULL DEFAULT false,
      ADD COLUMN draft_id uuid,
      ADD COLUMN external_id text,
      ADD COLUMN published_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      ADD COLUMN publish_state text CHECK (publish_state IN ('pending', 'published', 'failed')),
      ADD COLUMN publish_error text`);
    await q.query(
      `CREATE INDEX engagement_opportunity ON engagement (opportunity_id) WHERE opportunity_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX engagement_unlinked ON engagement (conversation_id) WHERE post_id IS NULL AND kind <> 'detected'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX engagement_unlinked`);
    await q.query(`DROP INDEX engagement_opportunity`);
    await q.query(`ALTER TABLE engagement DROP COLUMN opportunity_id, DROP COLUMN account_id, DROP COLUMN account_handle,
      DROP COLUMN platform, DROP COLUMN route, DROP COLUMN closes_loop, DROP COLUMN draft_id, DROP COLUMN external_id,
      DROP COLUMN published_by, DROP COLUMN publish_state, DROP COLUMN publish_error`);
    await q.query(`ALTER TABLE engagement DROP CONSTRAINT engagement_kind_check`);
    await q.query(`UPDATE engagement SET kind = 'original' WHERE kind = 'original-post'`);
    await q.query(`ALTER TABLE engagement ADD CONSTRAINT engagement_kind_check
      CHECK (kind IN ('detected', 'reply', 'pointer', 'original'))`);
    await q.query(`ALTER TABLE department_account DROP COLUMN secret`);
  }
}
