import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which department an audited change belongs to, so a department's admins and managers can read their own audit
 * log and no one else's. Events already recorded get it from what they name, where that still exists: a
 * department, its rule, source or opportunity, or a membership change (whose before/after name the department by
 * key). Events of the whole workspace (sign-ins, people's accounts, tokens) keep none: workspace administrators
 * read those. Indexes serve the audit page's keyset paging (newest first) per department and per person.
 */
export class AuditDepartment1796306000000 implements MigrationInterface {
  name = 'AuditDepartment1796306000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE audit_event ADD COLUMN department_id uuid REFERENCES department(id) ON DELETE SET NULL`,
    );
    await q.query(`
      UPDATE audit_event a SET department_id = coalesce(
        CASE a.entity_type
          WHEN 'department' THEN (SELECT d.id FROM department d WHERE d.id::text = a.entity_id)
          WHEN 'listening_rule' THEN (SELECT r.department_id FROM listening_rule r WHERE r.id::text = a.entity_id)
          WHEN 'source' THEN (SELECT s.department_id FROM source s WHERE s.id::text = a.entity_id)
          WHEN 'opportunity' THEN (SELECT o.department_id FROM opportunity o WHERE o.id::text = a.entity_id)
          WHEN 'engagement' THEN (SELECT e.department_id FROM engagement e WHERE e.id::text = a.entity_id)
        END,
        (SELECT d.id FROM department d WHERE d.key = coalesce(a.after->>'department', a.before->>'department')))`);
    await q.query(`CREATE INDEX audit_event_department ON audit_event (department_id, id DESC)`);
    await q.query(`CREATE INDEX audit_event_actor ON audit_event (actor_user_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_actor`);
    await q.query(`DROP INDEX audit_event_department`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN department_id`);
  }
}
