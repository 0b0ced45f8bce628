import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department's own posts by time (issue 11, engagement quality), and by source for the poll that reads their
 * counters again. Partial: own posts are a few thousand a year among millions of public ones, so both indexes stay
 * tiny and either read is one index range.
 */
export class OwnPostIndex1796450000000 implements MigrationInterface {
  name = 'OwnPostIndex1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX post_by_department_published ON post (by_department_id, published_at)
       WHERE by_department_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX post_own_by_source ON post (source_id, published_at) WHERE by_department_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX post_own_by_source`);
    await q.query(`DROP INDEX post_by_department_published`);
  }
}
