import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department's own posts by time (issue 11, engagement quality). Partial: own posts are a few thousand a
 * year among millions of public ones, so the index stays tiny and a window of them is one index range read.
 */
export class OwnPostIndex1796450000000 implements MigrationInterface {
  name = 'OwnPostIndex1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX post_by_department_published ON post (by_department_id, published_at)
       WHERE by_department_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX post_by_department_published`);
  }
}
