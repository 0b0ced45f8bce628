import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-election periods from the workspace document. Dates, not instants: a period runs from its first to its last
 * day in UK time, both included, as election guidance is written.
 */
export class ElectionPeriod1796302000000 implements MigrationInterface {
  name = 'ElectionPeriod1796302000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE election_period (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT election_period_in_order CHECK (starts_on <= ends_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE election_period`);
  }
}
