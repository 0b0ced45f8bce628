import type { Queryable } from '../queryable';

export type Actor = { userId: string | null; label: string };
export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};
export type AuditEventRow = AuditEntry & {
  id: string;
  actorUserId: string | null;
  actorLabel: string;
  at: Date;
};

/** Every state change, who made it, and what it looked like before and after. */
export class AuditRepository {
  async record(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
    await q.query(
      `INSERT INTO audit_event (actor_user_id, actor_label, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        actor.userId,
        actor.label,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  recent(q: Queryable, limit: number): Promise<AuditEventRow[]> {
    return q.query(
      `SELECT id::text, actor_user_id AS "actorUserId", actor_label AS "actorLabel", action, entity_type AS "entityType",
         entity_id AS "entityId", before, after, at
       FROM audit_event ORDER BY id DESC LIMIT $1`,
      [limit],
    );
  }
}
