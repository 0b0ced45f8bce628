import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Streams (Bluesky Jetstream) can lose events when their cursor is older than the server keeps; record each gap.
 * Also: a post's fetched_at is the moment its row is written (not its transaction's start), so fetched → stored
 * latency can be measured per post.
 */
export class StreamGaps1763769600000 implements MigrationInterface {
  name = 'StreamGaps1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE source_gap (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        gap_from timestamptz NOT NULL,
        gap_to timestamptz NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX source_gap_source ON source_gap (source_id, detected_at DESC)`);
    await q.query(`ALTER TABLE post ALTER COLUMN fetched_at SET DEFAULT clock_timestamp()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post ALTER COLUMN fetched_at SET DEFAULT now()`);
    await q.query(`DROP TABLE source_gap`);
  }
}
