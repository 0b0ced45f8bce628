import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public-data metrics (issue 11) beside the hourly mentions roll-up, every table rewritten hour by hour with it:
 * - `mention_post`: which posts are a department's public mentions (the drill-down and the per-author reach read it
 *   through its (department, published) index, never the posts' text); a flagged author's posts are kept, marked
 *   `excluded`, so the number left out can be reported.
 * - `mention_author_year`: each distinct author per department and UTC year, with the days they mentioned it (a
 *   bitmap) and the most followers seen that year, so potential reach over any window reads at most one row per
 *   author instead of every mention (distinct authors cannot be summed from counts).
 * - `peer_organisation` and `peer_mention_hour`: the organisations a department is compared with in share of voice.
 * - `flagged_author`: spam or bot authors a department leaves out of its mentions.
 * - `mention_recount`: recounts asked for (names or flags changed), walked hour by hour with a cursor.
 */
export class PublicMentions1796420000000 implements MigrationInterface {
  name = 'PublicMentions1796420000000';

  async up(q: QueryRunner): Promise<void> {
    // A bucket can now hold only excluded posts, so it is kept when either count is positive.
    await q.query(`ALTER TABLE mention_hour ADD COLUMN excluded integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE mention_hour DROP CONSTRAINT mention_hour_mentions_check`);
    await q.query(
      `ALTER TABLE mention_hour ADD CONSTRAINT mention_hour_counts CHECK (mentions >= 0 AND excluded >= 0 AND mentions + excluded > 0)`,
    );
    await q.query(`
      CREATE TABLE mention_post (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        post_id bigint NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        published_at timestamptz NOT NULL,
        source_id uuid NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        platform text NOT NULL,
        author text NOT NULL,
        followers integer,
        excluded boolean NOT NULL,
        PRIMARY KEY (department_id, post_id)
      )`);
    // The drill-down: newest first with a keyset on (published_at, post_id), and its total, for one department.
    await q.query(
      `CREATE INDEX mention_post_drill ON mention_post (department_id, published_at DESC, post_id DESC) WHERE NOT excluded`,
    );
    await q.query(`CREATE INDEX mention_post_hour ON mention_post (hour)`);
    // Rebuilding an author's year reads their mentions through this index.
    await q.query(`CREATE INDEX mention_post_author ON mention_post (department_id, platform, author, hour)`);
    await q.query(`
      CREATE TABLE mention_author_year (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        year integer NOT NULL,
        platform text NOT NULL,
        author text NOT NULL,
        followers integer NOT NULL,
        days bit(366) NOT NULL,
        PRIMARY KEY (department_id, year, platform, author)
      )`);
    await q.query(`
      CREATE TABLE peer_organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        handles text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX peer_organisation_name ON peer_organisation (lower(name))`);
    await q.query(`
      CREATE TABLE peer_mention_hour (
        peer_id uuid NOT NULL REFERENCES peer_organisation(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        mentions integer NOT NULL CHECK (mentions > 0),
        PRIMARY KEY (peer_id, hour)
      )`);
    await q.query(`CREATE INDEX peer_mention_hour_hour ON peer_mention_hour (hour)`);
    await q.query(`
      CREATE TABLE flagged_author (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        platform text NOT NULL,
        handle text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('spam', 'bot')),
        reason text NOT NULL,
        flagged_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX flagged_author_identity ON flagged_author (department_id, platform, lower(handle))`,
    );
    await q.query(`
      CREATE TABLE mention_recount (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reason text NOT NULL,
        -- Set: only the hours this author posted in; null: every hour with posts.
        platform text,
        handle text,
        next_hour timestamptz NOT NULL DEFAULT '-infinity',
        requested_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz
      )`);
    await q.query(`CREATE INDEX mention_recount_pending ON mention_recount (id) WHERE done_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mention_recount`);
    await q.query(`DROP TABLE flagged_author`);
    await q.query(`DROP TABLE peer_mention_hour`);
    await q.query(`DROP TABLE peer_organisation`);
    await q.query(`DROP TABLE mention_author_year`);
    await q.query(`DROP TABLE mention_post`);
    await q.query(`ALTER TABLE mention_hour DROP CONSTRAINT mention_hour_counts`);
    await q.query(`DELETE FROM mention_hour WHERE mentions = 0`);
    await q.query(`ALTER TABLE mention_hour DROP COLUMN excluded`);
    await q.query(`ALTER TABLE mention_hour ADD CONSTRAINT mention_hour_mentions_check CHECK (mentions > 0)`);
  }
}
