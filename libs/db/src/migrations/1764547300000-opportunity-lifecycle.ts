import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An opportunity no rule supports any more is retired, not deleted: history and evaluation still see it, with why
 * and when, while the inbox shows live ones only. `first_public_post_at` is when the first-response clock starts:
 * the first public post, which in a thread the department started is the first public reply. `signals_at` is the
 * clock the stored time-dependent signals (recency, velocity) and score were worked out against, so a periodic
 * re-score can find the ones that have gone stale.
 */
export class OpportunityLifecycle1764547300000 implements MigrationInterface {
  name = 'OpportunityLifecycle1764547300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE opportunity ADD COLUMN retired_at timestamptz, ADD COLUMN retired_reason text,
      ADD COLUMN first_public_post_at timestamptz, ADD COLUMN signals_at timestamptz`);
    await q.query(`UPDATE opportunity SET signals_at = tagged_at`);
    await q.query(`ALTER TABLE opportunity ALTER COLUMN signals_at SET NOT NULL,
      ALTER COLUMN signals_at SET DEFAULT now()`);
    await q.query(`DROP INDEX opportunity_inbox_score`);
    await q.query(`CREATE INDEX opportunity_inbox_score ON opportunity (department_id, score DESC, conversation_id DESC)
      WHERE retired_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX opportunity_inbox_score`);
    await q.query(
      `CREATE INDEX opportunity_inbox_score ON opportunity (department_id, score DESC, conversation_id DESC)`,
    );
    await q.query(`ALTER TABLE opportunity DROP COLUMN retired_at, DROP COLUMN retired_reason,
      DROP COLUMN first_public_post_at, DROP COLUMN signals_at`);
  }
}
