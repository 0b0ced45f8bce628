import type { Queryable } from '../queryable';

/** An opportunity as the workflow sees it: where it stands, who has it, and the version a change must name. */
export type OpportunityRow = {
  id: string;
  conversationId: string;
  departmentId: string;
  department: string;
  departmentName: string;
  status: string;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
  declineReason: string | null;
  declineNote: string | null;
  score: number;
  route: string;
  routeReason: string;
  dueAt: Date | null;
  dueSoonAt: Date | null;
  firstResponseAt: Date | null;
  firstPublicPostAt: Date | null;
  referredFromId: string | null;
  retiredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What a change may set besides the status; an absent field is left as it is. */
export type OpportunityPatch = {
  assigneeId?: string | null;
  declineReason?: string | null;
  declineNote?: string | null;
};

export type NewOpportunityEvent = {
  opportunityId: string;
  departmentId: string;
  actorUserId: string | null;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  detail?: Record<string, unknown>;
};

export type OpportunityEventRow = {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: Record<string, unknown>;
};

/** An open opportunity of a department with a first-response SLA whose deadlines are not worked out yet. */
export type SlaPending = {
  id: string;
  /** When the clock started: the first public post, or for a referral, when it arrived. */
  startedAt: Date;
  firstResponseMinutes: number;
  businessHours: boolean;
};

const COLUMNS = `o.id, o.conversation_id::text AS "conversationId", o.department_id AS "departmentId",
  d.key AS department, d.name AS "departmentName", o.status, o.version, o.assignee_id AS "assigneeId",
  u.name AS "assigneeName", o.decline_reason AS "declineReason", o.decline_note AS "declineNote", o.score, o.route,
  o.route_reason AS "routeReason", o.due_at AS "dueAt", o.due_soon_at AS "dueSoonAt",
  o.first_response_at AS "firstResponseAt", o.first_public_post_at AS "firstPublicPostAt",
  o.referred_from_id AS "referredFromId", o.retired_at AS "retiredAt", o.created_at AS "createdAt",
  o.updated_at AS "updatedAt"`;
const JOINS = `JOIN department d ON d.id = o.department_id LEFT JOIN app_user u ON u.id = o.assignee_id`;
/** Statuses whose first-response clock runs (OPEN_STATUSES in libs/domain). */
const OPEN = `('new', 'assigned', 'drafting', 'in-clearance', 'approved')`;

/** Opportunities as units of work: their status, changes, timeline and deadlines. */
export class OpportunityRepository {
  find(q: Queryable, id: string): Promise<OpportunityRow | undefined> {
    return q
      .query(`SELECT ${COLUMNS} FROM opportunity o ${JOINS} WHERE o.id = $1`, [id])
      .then((rows: OpportunityRow[]) => rows[0]);
  }

  /** The opportunity, locked until the transaction ends, so the version it is checked against stays current. */
  lockForChange(q: Queryable, id: string): Promise<OpportunityRow | undefined> {
    return q
      .query(`SELECT ${COLUMNS} FROM opportunity o ${JOINS} WHERE o.id = $1 FOR UPDATE OF o`, [id])
      .then((rows: OpportunityRow[]) => rows[0]);
  }

  /** Sets the status and the patched fields and bumps the version; returns the opportunity as it now is. */
  async applyChange(
    q: Queryable,
    id: string,
    status: string,
    patch: OpportunityPatch,
  ): Promise<OpportunityRow> {
    const has = (field: keyof OpportunityPatch) => Object.hasOwn(patch, field);
    await q.query(
      `UPDATE opportunity SET status = $2, version = version + 1, updated_at = now(),
         assignee_id = CASE WHEN $3 THEN $4::uuid ELSE assignee_id END,
         decline_reason = CASE WHEN $5 THEN $6 ELSE decline_reason END,
         decline_note = CASE WHEN $7 THEN $8 ELSE decline_note END
       WHERE id = $1`,
      [
        id,
        status,
        has('assigneeId'),
        patch.assigneeId ?? null,
        has('declineReason'),
        patch.declineReason ?? null,
        has('declineNote'),
        patch.declineNote ?? null,
      ],
    );
    return (await this.find(q, id)) as OpportunityRow;
  }

  async appendEvent(q: Queryable, event: NewOpportunityEvent): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO opportunity_event (opportunity_id, department_id, actor_user_id, kind, from_status, to_status, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
      [
        event.opportunityId,
        event.departmentId,
        event.actorUserId,
        event.kind,
        event.fromStatus ?? null,
        event.toStatus ?? null,
        JSON.stringify(event.detail ?? {}),
      ],
    );
    return rows[0].id;
  }

  /** The whole timeline, oldest first, with who did each thing as they are named now. */
  history(q: Queryable, id: string): Promise<OpportunityEventRow[]> {
    return q.query(
      `SELECT e.id::text, e.at, e.actor_user_id AS "actorUserId", u.name AS "actorName", e.kind,
         e.from_status AS "fromStatus", e.to_status AS "toStatus", e.detail
       FROM opportunity_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
       WHERE e.opportunity_id = $1 ORDER BY e.id`,
      [id],
    );
  }

  /** Names of people an event mentions by id (assignees, @mentions); someone deleted since is simply absent. */
  namesOf(q: Queryable, userIds: string[]): Promise<{ id: string; name: string }[]> {
    return q.query(`SELECT id, name FROM app_user WHERE id = ANY($1::uuid[])`, [userIds]);
  }

  /** Members of the department among these users, and workspace administrators (who may act anywhere). */
  membersById(q: Queryable, departmentId: string, userIds: string[]): Promise<MemberFacts[]> {
    return q.query(`${MEMBERS} AND u.id = ANY($2::uuid[])`, [departmentId, userIds]);
  }

  /** As membersById, by email address (any case). */
  membersByEmail(q: Queryable, departmentId: string, emails: string[]): Promise<MemberFacts[]> {
    return q.query(`${MEMBERS} AND lower(u.email) = ANY($2::text[])`, [
      departmentId,
      emails.map((e) => e.toLowerCase()),
    ]);
  }

  /** The department's members whose role lets them work on conversations, by name. */
  actingMembers(
    q: Queryable,
    departmentId: string,
    roles: readonly string[],
  ): Promise<{ id: string; name: string }[]> {
    return q.query(
      `SELECT u.id, u.name FROM membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.department_id = $1 AND m.role = ANY($2::text[]) AND u.disabled_at IS NULL ORDER BY u.name, u.id`,
      [departmentId, roles],
    );
  }

  /**
   * The opportunity another department's referral hands to `departmentId`, for the same conversation: a new one
   * (scored and routed as the referring one), or the one it already has, back in its inbox if it had been closed.
   */
  async receiveReferral(
    q: Queryable,
    fromId: string,
    departmentId: string,
  ): Promise<{ id: string; status: string; previousStatus: string | null }> {
    const existing: { id: string; status: string }[] = await q.query(
      `SELECT o.id, o.status FROM opportunity o JOIN opportunity f ON f.conversation_id = o.conversation_id
       WHERE f.id = $1 AND o.department_id = $2 FOR UPDATE OF o`,
      [fromId, departmentId],
    );
    const [row]: { id: string; status: string }[] = await q.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, signals,
         first_public_post_at, referred_from_id, tagged_at, signals_at)
       SELECT conversation_id, $2, score, route, route_reason, signals, first_public_post_at, id, clock_timestamp(),
         signals_at
       FROM opportunity WHERE id = $1
       ON CONFLICT (conversation_id, department_id) DO UPDATE SET referred_from_id = EXCLUDED.referred_from_id,
         status = CASE WHEN opportunity.status IN ${CLOSED_BY_PEOPLE} THEN 'new' ELSE opportunity.status END,
         assignee_id = CASE WHEN opportunity.status IN ${CLOSED_BY_PEOPLE} THEN NULL ELSE opportunity.assignee_id END,
         retired_at = NULL, retired_reason = NULL, version = opportunity.version + 1, updated_at = now()
       RETURNING id, status`,
      [fromId, departmentId],
    );
    return { ...row, previousStatus: existing[0]?.status ?? null };
  }

  /** Open opportunities of departments with an SLA whose deadlines are not worked out yet, oldest first. */
  slaPending(q: Queryable, limit: number): Promise<SlaPending[]> {
    return q.query(
      `SELECT o.id, CASE WHEN o.referred_from_id IS NULL THEN coalesce(o.first_public_post_at, o.tagged_at)
           ELSE o.created_at END AS "startedAt",
         d.response_sla_minutes AS "firstResponseMinutes", d.response_sla_business_hours AS "businessHours"
       FROM opportunity o JOIN department d ON d.id = o.department_id
       WHERE o.due_at IS NULL AND o.status IN ${OPEN} AND d.response_sla_minutes IS NOT NULL
       ORDER BY o.created_at LIMIT $1`,
      [limit],
    );
  }

  async setDeadlines(q: Queryable, deadlines: { id: string; dueAt: Date; dueSoonAt: Date }[]): Promise<void> {
    if (deadlines.length === 0) return;
    await q.query(
      `UPDATE opportunity o SET due_at = d."dueAt", due_soon_at = d."dueSoonAt"
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, "dueAt" timestamptz, "dueSoonAt" timestamptz)
       WHERE o.id = d.id AND o.due_at IS NULL`,
      [JSON.stringify(deadlines)],
    );
  }

  /** A department's SLA changed: its open opportunities' deadlines are worked out again by the next sweep. */
  async clearDeadlines(q: Queryable, departmentId: string): Promise<void> {
    await q.query(
      `UPDATE opportunity SET due_at = NULL, due_soon_at = NULL WHERE department_id = $1 AND status IN ${OPEN}`,
      [departmentId],
    );
  }

  /**
   * Appends one `sla-due-soon` or `sla-overdue` event per deadline reached by `now`, for opportunities still open
   * and not answered; the unique index makes a repeated or concurrent sweep add nothing. Returns how many it added.
   */
  async appendSlaWarnings(q: Queryable, now: Date): Promise<number> {
    const rows: unknown[] = await q.query(
      `WITH due AS (
         SELECT o.id, o.department_id, o.due_at,
           CASE WHEN o.due_at <= $1 THEN 'sla-overdue' ELSE 'sla-due-soon' END AS kind
         FROM opportunity o
         WHERE o.status IN ${OPEN} AND o.first_response_at IS NULL AND o.due_soon_at <= $1
       )
       INSERT INTO opportunity_event (opportunity_id, department_id, kind, detail)
       SELECT id, department_id, kind, jsonb_build_object('dueAt', to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
       FROM due
       ON CONFLICT (opportunity_id, kind, (detail->>'dueAt')) WHERE kind IN ('sla-due-soon', 'sla-overdue') DO NOTHING
       RETURNING id`,
      [now],
    );
    return rows.length;
  }
}

export type MemberFacts = {
  id: string;
  name: string;
  email: string;
  role: string | null;
  workspaceAdmin: boolean;
};

const MEMBERS = `SELECT u.id, u.name, u.email, m.role, u.workspace_admin AS "workspaceAdmin"
  FROM app_user u LEFT JOIN membership m ON m.user_id = u.id AND m.department_id = $1
  WHERE u.disabled_at IS NULL AND (m.role IS NOT NULL OR u.workspace_admin)`;
/** Closed by a person's decision; a referral back brings such an opportunity to the inbox again. */
const CLOSED_BY_PEOPLE = `('declined', 'referred', 'retired')`;
