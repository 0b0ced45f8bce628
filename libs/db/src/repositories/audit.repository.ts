import type { ChainLink } from '@parley/domain';
import type { Queryable } from '../queryable';

export type Actor = { userId: string | null; label: string };
export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The department the change belongs to (who may read it in the audit log). Left out, it is worked out from
   * what the entry names: a department, listening_rule, source, opportunity or engagement by id, else a `department` key in
   * `after` or `before`. An entry that names none of these belongs to the whole workspace.
   */
  departmentId?: string | null;
};
export type AuditEventRow = AuditEntry & {
  id: string;
  actorUserId: string | null;
  actorLabel: string;
  at: Date;
};

/** An audit event as the audit log and the FOI bundle show it: with the actor's name and the department's key. */
export type AuditLogRow = {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  department: string | null;
  before: unknown;
  after: unknown;
};

export type AuditLogQuery = {
  /** The departments whose events may be read; null means every event, the workspace's own included. */
  departmentIds: string[] | null;
  /** Part of the actor's email (or label) or name, or their user id. */
  actor: string | null;
  /** An action ("rule.update"), or a kind of thing ("rule": every rule action). */
  action: string | null;
  from: Date | null;
  to: Date | null;
  /** Keyset: events older than this id. */
  beforeId: string | null;
  limit: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const LOG_COLUMNS = `a.id::text, a.at, a.actor_user_id AS "actorUserId", a.actor_label AS "actorLabel", u.name AS "actorName",
  a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", d.key AS department, a.before, a.after`;
const LOG_FROM = `audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id LEFT JOIN department d ON d.id = a.department_id`;

/** Every state change, who made it, and what it looked like before and after. */
export class AuditRepository {
  /**
   * The one way an event is written. The database chains it (`audit_event_chain` trigger: its place, the previous
   * event's hash and its own) and refuses any later change, so callers need do nothing for the chain.
   */
  async record(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
    const entityUuid = entry.entityId && UUID.test(entry.entityId) ? entry.entityId : null;
    await q.query(
      `INSERT INTO audit_event (actor_user_id, actor_label, action, entity_type, entity_id, before, after, department_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::uuid,
         CASE $4::text
           WHEN 'department' THEN (SELECT id FROM department WHERE id = $9::uuid)
           WHEN 'listening_rule' THEN (SELECT department_id FROM listening_rule WHERE id = $9::uuid)
           WHEN 'source' THEN (SELECT department_id FROM source WHERE id = $9::uuid)
           WHEN 'opportunity' THEN (SELECT department_id FROM opportunity WHERE id = $9::uuid)
           WHEN 'engagement' THEN (SELECT department_id FROM engagement WHERE id = $9::uuid)
         END,
         (SELECT id FROM department WHERE key = coalesce($7::jsonb->>'department', $6::jsonb->>'department'))))`,
      [
        actor.userId,
        actor.label,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.departmentId ?? null,
        entityUuid,
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

  /** One page of the audit log, newest first. */
  page(q: Queryable, query: AuditLogQuery): Promise<AuditLogRow[]> {
    const actor = query.actor ? `%${escapeLike(query.actor)}%` : null;
    return q.query(
      `SELECT ${LOG_COLUMNS} FROM ${LOG_FROM}
       WHERE ($1::uuid[] IS NULL OR a.department_id = ANY($1::uuid[]))
         AND ($2::text IS NULL OR a.actor_label ILIKE $2 OR u.name ILIKE $2 OR a.actor_user_id::text = $3::text)
         AND ($4::text IS NULL OR a.action = $4 OR a.action LIKE $5)
         AND ($6::timestamptz IS NULL OR a.at >= $6) AND ($7::timestamptz IS NULL OR a.at < $7)
         AND ($8::bigint IS NULL OR a.id < $8::bigint)
       ORDER BY a.id DESC LIMIT $9`,
      [
        query.departmentIds,
        actor,
        query.actor,
        query.action,
        query.action ? `${escapeLike(query.action)}.%` : null,
        query.from,
        query.to,
        query.beforeId,
        query.limit,
      ],
    );
  }

  /**
   * The next links of the hash chain after `afterSeq`, each with its hash as the database recomputes it from the
   * event's content now (hashes as hex).
   */
  async chainLinks(q: Queryable, afterSeq: number, limit: number): Promise<ChainLink[]> {
    const rows: (Omit<ChainLink, 'seq'> & { seq: string })[] = await q.query(
      `SELECT a.chain_seq AS seq, a.id::text, a.at, a.action, encode(a.prev_hash, 'hex') AS "prevHash",
         encode(a.hash, 'hex') AS hash, encode(audit_event_digest(a), 'hex') AS computed
       FROM audit_event a WHERE a.chain_seq > $1 ORDER BY a.chain_seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  /** The last event the database chained: where a walk of the whole chain must end. */
  async chainHead(q: Queryable): Promise<{ seq: number; hash: string | null }> {
    const rows: { seq: string; hash: string | null }[] = await q.query(
      `SELECT seq, encode(hash, 'hex') AS hash FROM audit_chain_head`,
    );
    return { seq: Number(rows[0]?.seq ?? 0), hash: rows[0]?.hash ?? null };
  }

  /** Everything recorded about these entities (a conversation, its opportunity, drafts, engagements), oldest first. */
  forEntities(q: Queryable, entityIds: string[]): Promise<AuditLogRow[]> {
    return q.query(
      `SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE a.entity_id = ANY($1::text[]) ORDER BY a.id`,
      [entityIds],
    );
  }
}
