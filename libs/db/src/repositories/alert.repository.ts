import type { Queryable } from '../queryable';

/** The nil uuid stands for "the department as a whole" in `alert.scope_id`, so the one-open index holds. */
export const DEPARTMENT_SCOPE_ID = '00000000-0000-0000-0000-000000000000';

export type AlertStatusValue = 'open' | 'acknowledged' | 'snoozed' | 'closed';

/** An alert as people handle it; `status` is as stored (a snooze that has run out still reads `snoozed`). */
export type AlertRow = {
  id: string;
  departmentId: string;
  departmentKey: string;
  departmentName: string;
  kind: 'spike' | 'partner' | 'sentiment';
  scopeType: 'department' | 'rule' | 'theme' | 'partner';
  scopeId: string;
  scopeLabel: string;
  severity: number;
  startedAt: Date;
  lastSeenAt: Date;
  measure: Record<string, unknown>;
  explanation: Record<string, unknown>;
  status: AlertStatusValue;
  assigneeId: string | null;
  assigneeName: string | null;
  snoozedUntil: Date | null;
  closedAt: Date | null;
  outcome: string | null;
  caseId: string | null;
};

export type AlertFilter = {
  /** The departments the caller may read; null: every one. */
  departmentIds: string[] | null;
  status: AlertStatusValue | null;
  kind: string | null;
  from: Date | null;
  to: Date | null;
  /** Keyset: alerts after this one in (started_at DESC, id DESC) order. */
  after: { startedAt: Date; id: string } | null;
  limit: number;
  now: Date;
};

/** What a handling action writes; fields left out keep their value. */
export type AlertChange = {
  status: AlertStatusValue;
  assigneeId?: string | null;
  snoozedUntil?: Date | null;
  closedAt?: Date | null;
  outcome?: string | null;
  /** Cleared when an alert is reopened, so delivery hands it over again. */
  undeliver?: boolean;
};

/** A snoozed alert whose time is up reads as open, in every filter and count. */
const EFFECTIVE_STATUS = (now: string) =>
  `CASE WHEN a.status = 'snoozed' AND coalesce(a.snoozed_until, '-infinity') <= ${now} THEN 'open' ELSE a.status END`;

const ALERT_COLUMNS = `a.id::text, a.department_id AS "departmentId", d.key AS "departmentKey", d.name AS "departmentName",
  a.kind, a.scope_type AS "scopeType", a.scope_id::text AS "scopeId", a.scope_label AS "scopeLabel", a.severity,
  a.started_at AS "startedAt", a.last_seen_at AS "lastSeenAt", a.measure, a.explanation, a.status,
  a.assignee_id AS "assigneeId", u.name AS "assigneeName", a.snoozed_until AS "snoozedUntil",
  a.closed_at AS "closedAt", a.outcome, c.id::text AS "caseId"`;
const ALERT_FROM = `alert a JOIN department d ON d.id = a.department_id
  LEFT JOIN app_user u ON u.id = a.assignee_id LEFT JOIN resist_case c ON c.alert_id = a.id`;

export type AlertMuteRow = {
  id: string;
  departmentId: string;
  departmentKey: string;
  departmentName: string;
  targetType: 'rule' | 'source';
  targetId: string;
  targetLabel: string;
  until: Date;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
};
const MUTE_COLUMNS = `m.id::text, m.department_id AS "departmentId", d.key AS "departmentKey", d.name AS "departmentName", m.target_type AS "targetType",
  m.target_id::text AS "targetId",
  coalesce(r.name, s.name, s.key, 'removed') AS "targetLabel", m.until, m.reason, cu.name AS "createdBy",
  m.created_at AS "createdAt"`;
const MUTE_FROM = `alert_mute m JOIN department d ON d.id = m.department_id
  LEFT JOIN listening_rule r ON m.target_type = 'rule' AND r.id = m.target_id
  LEFT JOIN source s ON m.target_type = 'source' AND s.id = m.target_id
  LEFT JOIN app_user cu ON cu.id = m.created_by`;

export type ResistCaseRow = {
  id: string;
  departmentId: string;
  departmentKey: string;
  departmentName: string;
  alertId: string | null;
  title: string;
  recognise: string;
  earlyWarning: string;
  situationalInsight: string;
  impactLikelihood: number | null;
  impactSeverity: number | null;
  impactAnalysis: string;
  strategicCommunication: string;
  trackOutcomes: string;
  conversationIds: string[];
  objectiveIds: string[];
  lessonIds: string[];
  status: 'open' | 'closed';
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};
/** The case's fields as written, one per RESIST 2 stage, and the records it links. */
export type ResistCaseWrite = Omit<
  ResistCaseRow,
  | 'id'
  | 'departmentId'
  | 'departmentKey'
  | 'departmentName'
  | 'alertId'
  | 'status'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
>;
const CASE_COLUMNS = `c.id::text, c.department_id AS "departmentId", d.key AS "departmentKey", d.name AS "departmentName", c.alert_id::text AS "alertId",
  c.title, c.recognise, c.early_warning AS "earlyWarning", c.situational_insight AS "situationalInsight",
  c.impact_likelihood AS "impactLikelihood", c.impact_severity AS "impactSeverity", c.impact_analysis AS "impactAnalysis",
  c.strategic_communication AS "strategicCommunication", c.track_outcomes AS "trackOutcomes",
  c.conversation_ids::text[] AS "conversationIds", c.objective_ids::text[] AS "objectiveIds",
  c.lesson_ids::text[] AS "lessonIds", c.status, cu.name AS "createdBy", c.created_at AS "createdAt",
  c.updated_at AS "updatedAt"`;
const CASE_FROM = `resist_case c JOIN department d ON d.id = c.department_id LEFT JOIN app_user cu ON cu.id = c.created_by`;
const CASE_VALUES = (w: ResistCaseWrite) => [
  w.title,
  w.recognise,
  w.earlyWarning,
  w.situationalInsight,
  w.impactLikelihood,
  w.impactSeverity,
  w.impactAnalysis,
  w.strategicCommunication,
  w.trackOutcomes,
  w.conversationIds,
  w.objectiveIds,
  w.lessonIds,
];

const first = <T>(rows: T[]): T | undefined => rows[0];

/** Alerts as people read and handle them, their mutes, RESIST cases, and each person's delivery preferences. */
export class AlertRepository {
  /** One page, newest first, keyset on (started_at, id). */
  list(q: Queryable, f: AlertFilter): Promise<AlertRow[]> {
    return q.query(
      `SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM}
       WHERE ($1::uuid[] IS NULL OR a.department_id = ANY($1::uuid[]))
         AND ($2::text IS NULL OR ${EFFECTIVE_STATUS('$9::timestamptz')} = $2)
         AND ($3::text IS NULL OR a.kind = $3)
         AND ($4::timestamptz IS NULL OR a.last_seen_at >= $4)
         AND ($5::timestamptz IS NULL OR a.started_at < $5)
         AND ($6::timestamptz IS NULL OR (a.started_at, a.id) < ($6, $7::uuid))
       ORDER BY a.started_at DESC, a.id DESC LIMIT $8`,
      [
        f.departmentIds,
        f.status,
        f.kind,
        f.from,
        f.to,
        f.after?.startedAt ?? null,
        f.after?.id ?? null,
        f.limit,
        f.now,
      ],
    );
  }

  /** Open alerts (snoozes that ran out included) in these departments: the header badge. */
  openCount(q: Queryable, departmentIds: string[] | null, now: Date): Promise<number> {
    return q
      .query(
        `SELECT count(*)::int AS n FROM alert a
         WHERE ($1::uuid[] IS NULL OR a.department_id = ANY($1::uuid[])) AND a.status <> 'closed'
           AND ${EFFECTIVE_STATUS('$2::timestamptz')} = 'open'`,
        [departmentIds, now],
      )
      .then((rows: { n: number }[]) => rows[0].n);
  }

  find(q: Queryable, id: string): Promise<AlertRow | undefined> {
    return q.query(`SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE a.id = $1`, [id]).then(first<AlertRow>);
  }

  /** Locks the alert for an action, so two people acting at once take turns and the second sees the first. */
  async lock(q: Queryable, id: string): Promise<void> {
    await q.query(`SELECT 1 FROM alert WHERE id = $1 FOR UPDATE`, [id]);
  }

  async change(q: Queryable, id: string, c: AlertChange): Promise<void> {
    await q.query(
      `UPDATE alert SET status = $2,
         assignee_id = CASE WHEN $3 THEN $4::uuid ELSE assignee_id END,
         snoozed_until = CASE WHEN $5 THEN $6::timestamptz ELSE snoozed_until END,
         closed_at = CASE WHEN $7 THEN $8::timestamptz ELSE closed_at END,
         outcome = CASE WHEN $9 THEN $10::text ELSE outcome END,
         delivered_at = CASE WHEN $11 THEN NULL ELSE delivered_at END,
         updated_at = now()
       WHERE id = $1`,
      [
        id,
        c.status,
        c.assigneeId !== undefined,
        c.assigneeId ?? null,
        c.snoozedUntil !== undefined,
        c.snoozedUntil ?? null,
        c.closedAt !== undefined,
        c.closedAt ?? null,
        c.outcome !== undefined,
        c.outcome ?? null,
        c.undeliver ?? false,
      ],
    );
  }

  /**
   * Another alert of the same department, kind and scope opened while this one was closed: reopening this one
   * would make two open alerts of one rise (the one-open index refuses it).
   */
  openTwinOf(q: Queryable, id: string): Promise<string | null> {
    return q
      .query(
        `SELECT o.id::text FROM alert a JOIN alert o ON o.department_id = a.department_id AND o.kind = a.kind
           AND o.scope_type = a.scope_type AND o.scope_id = a.scope_id AND o.id <> a.id AND o.status <> 'closed'
         WHERE a.id = $1`,
        [id],
      )
      .then((rows: { id: string }[]) => rows[0]?.id ?? null);
  }

  /** The hourly series stored with the alert when it was judged (AlertSeries). */
  series(q: Queryable, id: string): Promise<unknown> {
    return q
      .query(`SELECT series FROM alert WHERE id = $1`, [id])
      .then((rows: { series: unknown }[]) => rows[0]?.series);
  }

  /** Whether this person is an enabled member of the department, so an alert can be assigned to them. */
  isMember(q: Queryable, departmentId: string, userId: string): Promise<boolean> {
    return q
      .query(
        `SELECT EXISTS (SELECT 1 FROM membership m JOIN app_user u ON u.id = m.user_id
           WHERE m.department_id = $1 AND m.user_id = $2 AND u.disabled_at IS NULL) AS yes`,
        [departmentId, userId],
      )
      .then((rows: { yes: boolean }[]) => rows[0].yes);
  }

  // --- mutes

  /** The label of a rule of the department (not removed) or a source it listens to (its own or shared). */
  muteTargetLabel(
    q: Queryable,
    departmentId: string,
    target: { type: 'rule' | 'source'; id: string },
  ): Promise<string | null> {
    const sql =
      target.type === 'rule'
        ? `SELECT name AS label FROM listening_rule WHERE id = $2 AND department_id = $1 AND deleted_at IS NULL`
        : `SELECT coalesce(name, key) AS label FROM source WHERE id = $2 AND (department_id = $1 OR department_id IS NULL)`;
    return q
      .query(sql, [departmentId, target.id])
      .then((rows: { label: string }[]) => rows[0]?.label ?? null);
  }

  insertMute(
    q: Queryable,
    m: {
      departmentId: string;
      targetType: string;
      targetId: string;
      until: Date;
      reason: string;
      by: string;
    },
  ): Promise<string> {
    return q
      .query(
        `INSERT INTO alert_mute (department_id, target_type, target_id, until, reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
        [m.departmentId, m.targetType, m.targetId, m.until, m.reason, m.by],
      )
      .then((rows: { id: string }[]) => rows[0].id);
  }

  /** Mutes still in force in these departments, ending soonest first. */
  activeMutes(q: Queryable, departmentIds: string[] | null, now: Date): Promise<AlertMuteRow[]> {
    return q.query(
      `SELECT ${MUTE_COLUMNS} FROM ${MUTE_FROM}
       WHERE ($1::uuid[] IS NULL OR m.department_id = ANY($1::uuid[])) AND m.until > $2
       ORDER BY m.until, m.id`,
      [departmentIds, now],
    );
  }

  findMute(q: Queryable, id: string): Promise<AlertMuteRow | undefined> {
    return q
      .query(`SELECT ${MUTE_COLUMNS} FROM ${MUTE_FROM} WHERE m.id = $1`, [id])
      .then(first<AlertMuteRow>);
  }

  async deleteMute(q: Queryable, id: string): Promise<void> {
    await q.query(`DELETE FROM alert_mute WHERE id = $1`, [id]);
  }

  // --- RESIST cases

  caseOfAlert(q: Queryable, alertId: string): Promise<ResistCaseRow | undefined> {
    return q
      .query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.alert_id = $1`, [alertId])
      .then(first<ResistCaseRow>);
  }

  /** A new case for the alert; null when one was opened meanwhile (one per alert), which the caller reads. */
  insertCase(
    q: Queryable,
    c: { departmentId: string; alertId: string; by: string },
    w: ResistCaseWrite,
  ): Promise<string | null> {
    return q
      .query(
        `INSERT INTO resist_case (department_id, alert_id, created_by, title, recognise, early_warning,
           situational_insight, impact_likelihood, impact_severity, impact_analysis, strategic_communication,
           track_outcomes, conversation_ids, objective_ids, lesson_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::bigint[], $14::uuid[], $15::uuid[])
         ON CONFLICT (alert_id) WHERE alert_id IS NOT NULL DO NOTHING RETURNING id::text`,
        [c.departmentId, c.alertId, c.by, ...CASE_VALUES(w)],
      )
      .then((rows: { id: string }[]) => rows[0]?.id ?? null);
  }

  findCase(q: Queryable, id: string, lock = false): Promise<ResistCaseRow | undefined> {
    return q
      .query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`, [
        id,
      ])
      .then(first<ResistCaseRow>);
  }

  casesOf(q: Queryable, departmentIds: string[] | null, limit: number): Promise<ResistCaseRow[]> {
    return q.query(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM}
       WHERE ($1::uuid[] IS NULL OR c.department_id = ANY($1::uuid[]))
       ORDER BY c.created_at DESC, c.id DESC LIMIT $2`,
      [departmentIds, limit],
    );
  }

  async updateCase(q: Queryable, id: string, w: ResistCaseWrite, status: 'open' | 'closed'): Promise<void> {
    await q.query(
      `UPDATE resist_case SET title = $2, recognise = $3, early_warning = $4, situational_insight = $5,
         impact_likelihood = $6, impact_severity = $7, impact_analysis = $8, strategic_communication = $9,
         track_outcomes = $10, conversation_ids = $11::bigint[], objective_ids = $12::uuid[], lesson_ids = $13::uuid[],
         status = $14, updated_at = now()
       WHERE id = $1`,
      [id, ...CASE_VALUES(w), status],
    );
  }

  /** Of these ids, those that are not the department's: conversations it has an opportunity in, its objectives and lessons. */
  async foreignLinks(
    q: Queryable,
    departmentId: string,
    links: { conversationIds: string[]; objectiveIds: string[]; lessonIds: string[] },
  ): Promise<{ conversationIds: string[]; objectiveIds: string[]; lessonIds: string[] }> {
    const rows: { conversationIds: string[]; objectiveIds: string[]; lessonIds: string[] }[] = await q.query(
      `SELECT
         ARRAY(SELECT x::text FROM unnest($2::bigint[]) x WHERE NOT EXISTS
           (SELECT 1 FROM opportunity o WHERE o.conversation_id = x AND o.department_id = $1)) AS "conversationIds",
         ARRAY(SELECT x::text FROM unnest($3::uuid[]) x WHERE NOT EXISTS
           (SELECT 1 FROM objective o WHERE o.id = x AND o.department_id = $1)) AS "objectiveIds",
         ARRAY(SELECT x::text FROM unnest($4::uuid[]) x WHERE NOT EXISTS
           (SELECT 1 FROM lesson l WHERE l.id = x AND l.department_id = $1)) AS "lessonIds"`,
      [departmentId, links.conversationIds, links.objectiveIds, links.lessonIds],
    );
    return rows[0];
  }

  // --- a person's delivery

  preferencesOf(q: Queryable, userId: string): Promise<Record<string, unknown>> {
    return q
      .query(`SELECT alert_preferences AS p FROM app_user WHERE id = $1`, [userId])
      .then((rows: { p: Record<string, unknown> }[]) => rows[0]?.p ?? {});
  }

  async setPreferences(q: Queryable, userId: string, preferences: object): Promise<void> {
    await q.query(`UPDATE app_user SET alert_preferences = $2 WHERE id = $1`, [
      userId,
      JSON.stringify(preferences),
    ]);
  }
}
