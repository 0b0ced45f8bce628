import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts (issue 12). `alert` holds what the detectors raised: one open alert per (department, kind, scope), updated
 * while the rise lasts rather than raised again (the partial unique index says so). `expected_event` and
 * `delivery_partner` come from the workspace document and are read by the detectors; `department.alert_settings`
 * holds the thresholds, `app_user.alert_preferences` a person's delivery. `alert_mute` silences a rule or a source
 * for a time; `resist_case` is a case opened from an alert, one column per RESIST 2 stage.
 */
export class Alerts1796500000000 implements MigrationInterface {
  name = 'Alerts1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE department ADD COLUMN alert_settings jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE app_user ADD COLUMN alert_preferences jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE expected_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CONSTRAINT expected_event_in_order CHECK (starts_at < ends_at),
        UNIQUE (department_id, name, starts_at)
      )`);
    await q.query(`CREATE INDEX expected_event_window ON expected_event (department_id, ends_at)`);
    await q.query(`
      CREATE TABLE delivery_partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        handles text[] NOT NULL DEFAULT '{}',
        UNIQUE (department_id, name)
      )`);
    await q.query(`
      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('spike', 'partner', 'sentiment')),
        scope_type text NOT NULL CHECK (scope_type IN ('department', 'rule', 'theme', 'partner')),
        -- The rule's, theme's or partner's id; the nil uuid for the department, so the unique index below holds.
        scope_id uuid NOT NULL,
        scope_label text NOT NULL,
        severity smallint NOT NULL CHECK (severity BETWEEN 1 AND 5),
        started_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        measure jsonb NOT NULL,
        explanation jsonb NOT NULL,
        -- The hourly series the detector judged, with its baseline band (AlertSeries), refreshed while open.
        series jsonb NOT NULL DEFAULT '{"unit": "mentions per hour", "points": []}',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'snoozed', 'closed')),
        assignee_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        snoozed_until timestamptz,
        closed_at timestamptz,
        outcome text,
        -- Set in the transaction that hands the alert to delivery, so it is sent once while it stays open.
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE UNIQUE INDEX alert_one_open ON alert (department_id, kind, scope_type, scope_id)
      WHERE status <> 'closed'`);
    await q.query(`CREATE INDEX alert_department_started ON alert (department_id, started_at DESC, id)`);
    await q.query(`CREATE INDEX alert_undelivered ON alert (created_at) WHERE delivered_at IS NULL`);
    await q.query(`
      CREATE TABLE alert_mute (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('rule', 'source')),
        target_id uuid NOT NULL,
        until timestamptz NOT NULL,
        reason text NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX alert_mute_active ON alert_mute (department_id, until)`);
    await q.query(`
      CREATE TABLE resist_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        alert_id uuid REFERENCES alert(id) ON DELETE SET NULL,
        title text NOT NULL,
        recognise text NOT NULL DEFAULT '',
        early_warning text NOT NULL DEFAULT '',
        situational_insight text NOT NULL DEFAULT '',
        impact_likelihood smallint CHECK (impact_likelihood BETWEEN 1 AND 5),
        impact_severity smallint CHECK (impact_severity BETWEEN 1 AND 5),
        impact_analysis text NOT NULL DEFAULT '',
        strategic_communication text NOT NULL DEFAULT '',
        track_outcomes text NOT NULL DEFAULT '',
        conversation_ids uuid[] NOT NULL DEFAULT '{}',
        objective_ids uuid[] NOT NULL DEFAULT '{}',
        lesson_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resist_case_department ON resist_case (department_id, created_at DESC)`);
    // One case per alert: opening a case twice returns the first.
    await q.query(
      `CREATE UNIQUE INDEX resist_case_alert ON resist_case (alert_id) WHERE alert_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resist_case`);
    await q.query(`DROP TABLE alert_mute`);
    await q.query(`DROP TABLE alert`);
    await q.query(`DROP TABLE delivery_partner`);
    await q.query(`DROP TABLE expected_event`);
    await q.query(`ALTER TABLE app_user DROP COLUMN alert_preferences`);
    await q.query(`ALTER TABLE department DROP COLUMN alert_settings`);
  }
}
