import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evaluation records people enter (METRICS.md's M data), each owned by one department: objectives (OASIS),
 * engagement exercises with their "you said, we did" update, policy-influence entries and the follow-ups at 3, 6
 * and 12 months (Sciencewise), lessons, surveyed outcomes and input costs. A follow-up's `reminded_at` is set in
 * the transaction that tells the department it has come due, so it is reminded once. Notifications gain a second
 * kind of subject, a follow-up, beside the opportunity_event outbox rows they were made for.
 */
export class EvaluationRecords1796460000000 implements MigrationInterface {
  name = 'EvaluationRecords1796460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE objective (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        description text NOT NULL,
        audience text NOT NULL,
        metric text NOT NULL,
        baseline double precision,
        target double precision,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT objective_in_order CHECK (starts_at < ends_at)
      )`);
    await q.query(`CREATE INDEX objective_department ON objective (department_id, starts_at)`);
    await q.query(`
      CREATE TABLE exercise (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        title text NOT NULL,
        topic text,
        started_at timestamptz NOT NULL,
        closed_at timestamptz,
        you_said_we_did_url text,
        you_said_we_did_at timestamptz,
        you_said_we_did_engagement_id uuid REFERENCES engagement(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT exercise_you_said_we_did CHECK ((you_said_we_did_url IS NULL) = (you_said_we_did_at IS NULL))
      )`);
    await q.query(`CREATE INDEX exercise_department_closed ON exercise (department_id, closed_at)`);
    await q.query(`
      CREATE TABLE policy_influence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        exercise_id uuid NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
        note text NOT NULL DEFAULT '',
        evidence jsonb NOT NULL DEFAULT '[]',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX policy_influence_exercise ON policy_influence (exercise_id)`);
    await q.query(`
      CREATE TABLE exercise_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        exercise_id uuid NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
        months smallint NOT NULL CHECK (months IN (3, 6, 12)),
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        reminded_at timestamptz,
        UNIQUE (exercise_id, months)
      )`);
    await q.query(
      `CREATE INDEX exercise_follow_up_to_remind ON exercise_follow_up (due_at) WHERE reminded_at IS NULL AND done_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        exercise_id uuid REFERENCES exercise(id) ON DELETE SET NULL,
        text text NOT NULL,
        conversation_ids bigint[] NOT NULL DEFAULT '{}',
        engagement_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX lesson_department ON lesson (department_id, recorded_at)`);
    await q.query(`CREATE INDEX lesson_exercise ON lesson (exercise_id) WHERE exercise_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        objective_id uuid REFERENCES objective(id) ON DELETE SET NULL,
        question text NOT NULL,
        method text NOT NULL,
        before_agree integer NOT NULL,
        before_n integer NOT NULL,
        after_agree integer NOT NULL,
        after_n integer NOT NULL,
        surveyed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_counts CHECK (0 <= before_agree AND before_agree <= before_n AND 0 <= after_agree AND after_agree <= after_n)
      )`);
    await q.query(`CREATE INDEX survey_department ON survey (department_id, surveyed_at)`);
    await q.query(`
      CREATE TABLE input_cost (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        staff_hours numeric(14, 2) NOT NULL CHECK (staff_hours >= 0),
        hourly_rate numeric(14, 2) NOT NULL CHECK (hourly_rate >= 0),
        tool_cost numeric(14, 2) NOT NULL CHECK (tool_cost >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT input_cost_in_order CHECK (starts_at < ends_at)
      )`);
    await q.query(`CREATE INDEX input_cost_department ON input_cost (department_id, starts_at)`);
    await q.query(`
      ALTER TABLE notification
        ALTER COLUMN event_id DROP NOT NULL,
        ALTER COLUMN opportunity_id DROP NOT NULL,
        ADD COLUMN follow_up_id uuid REFERENCES exercise_follow_up(id) ON DELETE CASCADE,
        ADD CONSTRAINT notification_subject CHECK ((event_id IS NULL) <> (follow_up_id IS NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX notification_follow_up ON notification (follow_up_id, user_id) WHERE follow_up_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE follow_up_id IS NOT NULL`);
    await q.query(`DROP INDEX notification_follow_up`);
    await q.query(`
      ALTER TABLE notification
        DROP CONSTRAINT notification_subject,
        DROP COLUMN follow_up_id,
        ALTER COLUMN event_id SET NOT NULL,
        ALTER COLUMN opportunity_id SET NOT NULL`);
    for (const table of [
      'input_cost',
      'survey',
      'lesson',
      'exercise_follow_up',
      'policy_influence',
      'exercise',
      'objective',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
