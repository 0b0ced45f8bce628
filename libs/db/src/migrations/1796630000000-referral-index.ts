import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `opportunity.referred_from_id` points at the opportunity a referral came from, `ON DELETE SET NULL`. Without an
 * index, deleting opportunities (a department or conversation removed) scanned the whole table once per row to
 * find the referrals to clear. Few opportunities are referrals, so the index holds only those and costs tagging's
 * inserts nothing.
 */
export class ReferralIndex1796630000000 implements MigrationInterface {
  name = 'ReferralIndex1796630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX opportunity_referred_from ON opportunity (referred_from_id) WHERE referred_from_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX opportunity_referred_from`);
  }
}
