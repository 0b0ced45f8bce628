import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sentiment per post and its hourly roll-up (issue 11). `post_sentiment` is the classifier's reading of a post,
 * written by the roll-up job (never by ingest) and tagged with the classifier's version. `sentiment_label` is a
 * person's reading for one department, which overrides the classifier in that department's counts and is what the
 * classifier's accuracy is measured against. `sentiment_hour` counts a department's public mentions per UTC hour
 * of publication and class (a person's label where there is one); `excluded` counts the posts left out because
 * their author is flagged as spam.
 */
export class PostSentiment1796430000000 implements MigrationInterface {
  name = 'PostSentiment1796430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_sentiment (
        post_id bigint PRIMARY KEY REFERENCES post(id) ON DELETE CASCADE,
        label text NOT NULL CHECK (label IN ('negative', 'neutral', 'positive')),
        score real NOT NULL CHECK (score BETWEEN -1 AND 1),
        classifier_version text NOT NULL,
        classified_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sentiment_label (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        post_id bigint NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        label text NOT NULL CHECK (label IN ('negative', 'neutral', 'positive')),
        labelled_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        labelled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, post_id)
      )`);
    await q.query(`
      CREATE TABLE sentiment_hour (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        label text NOT NULL CHECK (label IN ('negative', 'neutral', 'positive')),
        posts integer NOT NULL CHECK (posts >= 0),
        excluded integer NOT NULL CHECK (excluded >= 0),
        PRIMARY KEY (department_id, hour, label)
      )`);
    // Recounting an hour deletes it for every department at once.
    await q.query(`CREATE INDEX sentiment_hour_hour ON sentiment_hour (hour)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sentiment_hour`);
    await q.query(`DROP TABLE sentiment_label`);
    await q.query(`DROP TABLE post_sentiment`);
  }
}
