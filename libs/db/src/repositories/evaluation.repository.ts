import type { Queryable } from '../queryable';

/** The period records are read for; null bounds mean "every record". */
export type RecordWindow = { from: Date | null; to: Date | null };

export type ObjectiveRow = {
  id: string;
  description: string;
  audience: string;
  metric: string;
  baseline: number | null;
  target: number | null;
  from: Date;
  to: Date;
};
export type ObjectiveFields = Omit<ObjectiveRow, 'id'>;

export type ExerciseRow = {
  id: string;
  title: string;
  topic: string | null;
  startedAt: Date;
  closedAt: Date | null;
  youSaidWeDidUrl: string | null;
  youSaidWeDidAt: Date | null;
  youSaidWeDidEngagementId: string | null;
};
export type ExerciseFields = Pick<ExerciseRow, 'title' | 'topic' | 'startedAt'>;

export type Evidence = { title: string; url: string };
export type InfluenceRow = {
  id: string;
  exerciseId: string;
  level: 0 | 1 | 2 | 3;
  note: string;
  evidence: Evidence[];
  recordedAt: Date;
};
export type InfluenceFields = Pick<InfluenceRow, 'level' | 'note' | 'evidence'>;

export type FollowUpRow = {
  id: string;
  exerciseId: string;
  months: 3 | 6 | 12;
  dueAt: Date;
  doneAt: Date | null;
  remindedAt: Date | null;
};
export type FollowUpDueRow = FollowUpRow & { exerciseTitle: string; departmentKey: string };
/** A follow-up claimed for reminding, with who its department is. */
export type FollowUpToRemindRow = FollowUpDueRow & { departmentId: string; departmentName: string };

export type LessonRow = {
  id: string;
  exerciseId: string | null;
  text: string;
  conversationIds: string[];
  engagementIds: string[];
  recordedAt: Date;
  recordedBy: string | null;
};
export type LessonFields = Pick<LessonRow, 'exerciseId' | 'text' | 'conversationIds' | 'engagementIds'>;

export type SurveyRow = {
  id: string;
  objectiveId: string | null;
  question: string;
  method: string;
  beforeAgree: number;
  beforeN: number;
  afterAgree: number;
  afterN: number;
  surveyedAt: Date;
};
export type SurveyFields = Omit<SurveyRow, 'id'>;

export type CostRow = {
  id: string;
  from: Date;
  to: Date;
  staffHours: number;
  hourlyRate: number;
  toolCost: number;
};
export type CostFields = Omit<CostRow, 'id'>;

/** The kinds of record, by table: each belongs to a department directly, or (influence) through its exercise. */
export type RecordTable = 'objective' | 'exercise' | 'policy_influence' | 'lesson' | 'survey' | 'input_cost';

const OBJECTIVE = `id, description, audience, metric, baseline, target, starts_at AS "from", ends_at AS "to"`;
const EXERCISE = `id, title, topic, started_at AS "startedAt", closed_at AS "closedAt",
  you_said_we_did_url AS "youSaidWeDidUrl", you_said_we_did_at AS "youSaidWeDidAt",
  you_said_we_did_engagement_id AS "youSaidWeDidEngagementId"`;
const INFLUENCE = `id, exercise_id AS "exerciseId", level, note, evidence, recorded_at AS "recordedAt"`;
const FOLLOW_UP = `f.id, f.exercise_id AS "exerciseId", f.months, f.due_at AS "dueAt", f.done_at AS "doneAt",
  f.reminded_at AS "remindedAt"`;
const LESSON = `id, exercise_id AS "exerciseId", text, conversation_ids::text[] AS "conversationIds",
  engagement_ids::text[] AS "engagementIds", recorded_at AS "recordedAt", recorded_by AS "recordedBy"`;
const SURVEY = `id, objective_id AS "objectiveId", question, method, before_agree AS "beforeAgree",
  before_n AS "beforeN", after_agree AS "afterAgree", after_n AS "afterN", surveyed_at AS "surveyedAt"`;
const COST = `id, starts_at AS "from", ends_at AS "to", staff_hours::float8 AS "staffHours",
  hourly_rate::float8 AS "hourlyRate", tool_cost::float8 AS "toolCost"`;

/** [start, end) overlaps the window; an open end (null) runs on for ever. */
const OVERLAPS = (start: string, end: string) =>
  `($2::timestamptz IS NULL OR ${end} IS NULL OR ${end} > $2) AND ($3::timestamptz IS NULL OR ${start} < $3)`;
const WITHIN = (at: string) =>
  `($2::timestamptz IS NULL OR ${at} >= $2) AND ($3::timestamptz IS NULL OR ${at} < $3)`;

const first = <T>(rows: T[]): T | undefined => rows[0];
const changed = (result: unknown): number => (result as [unknown, number])[1];

/** The evaluation records of METRICS.md's M data: one query per method, plain rows back. */
export class EvaluationRepository {
  /** Which department a record belongs to (null: there is no such record). */
  departmentOf(q: Queryable, table: RecordTable, id: string): Promise<string | null> {
    const sql =
      table === 'policy_influence'
        ? `SELECT e.department_id AS "departmentId" FROM policy_influence i JOIN exercise e ON e.id = i.exercise_id WHERE i.id = $1`
        : `SELECT department_id AS "departmentId" FROM ${table} WHERE id = $1`;
    return q.query(sql, [id]).then((rows: { departmentId: string }[]) => rows[0]?.departmentId ?? null);
  }

  async delete(q: Queryable, table: RecordTable, id: string): Promise<void> {
    await q.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
  }

  // ---- objectives ----

  objectives(q: Queryable, departmentId: string, w: RecordWindow): Promise<ObjectiveRow[]> {
    return q.query(
      `SELECT ${OBJECTIVE} FROM objective WHERE department_id = $1 AND ${OVERLAPS('starts_at', 'ends_at')}
       ORDER BY starts_at, id`,
      [departmentId, w.from, w.to],
    );
  }

  objective(q: Queryable, id: string): Promise<ObjectiveRow | undefined> {
    return q
      .query(`SELECT ${OBJECTIVE} FROM objective WHERE id = $1 FOR UPDATE`, [id])
      .then(first<ObjectiveRow>);
  }

  insertObjective(q: Queryable, departmentId: string, f: ObjectiveFields): Promise<ObjectiveRow> {
    return q
      .query(
        `INSERT INTO objective (department_id, description, audience, metric, baseline, target, starts_at, ends_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${OBJECTIVE}`,
        [departmentId, f.description, f.audience, f.metric, f.baseline, f.target, f.from, f.to],
      )
      .then((rows: ObjectiveRow[]) => rows[0]);
  }

  updateObjective(q: Queryable, id: string, f: ObjectiveFields): Promise<ObjectiveRow> {
    return q
      .query(
        `UPDATE objective SET description = $2, audience = $3, metric = $4, baseline = $5, target = $6,
           starts_at = $7, ends_at = $8, updated_at = now() WHERE id = $1 RETURNING ${OBJECTIVE}`,
        [id, f.description, f.audience, f.metric, f.baseline, f.target, f.from, f.to],
      )
      .then((rows: [ObjectiveRow[], number]) => rows[0][0]);
  }

  // ---- exercises, their influence and follow-ups ----

  exercises(q: Queryable, departmentId: string, w: RecordWindow): Promise<ExerciseRow[]> {
    return q.query(
      `SELECT ${EXERCISE} FROM exercise WHERE department_id = $1 AND ${OVERLAPS('started_at', 'closed_at')}
       ORDER BY started_at, id`,
      [departmentId, w.from, w.to],
    );
  }

  exercise(q: Queryable, id: string): Promise<ExerciseRow | undefined> {
    return q
      .query(`SELECT ${EXERCISE} FROM exercise WHERE id = $1 FOR UPDATE`, [id])
      .then(first<ExerciseRow>);
  }

  insertExercise(q: Queryable, departmentId: string, f: ExerciseFields): Promise<string> {
    return q
      .query(
        `INSERT INTO exercise (department_id, title, topic, started_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [departmentId, f.title, f.topic, f.startedAt],
      )
      .then((rows: { id: string }[]) => rows[0].id);
  }

  async updateExercise(q: Queryable, id: string, f: ExerciseFields): Promise<void> {
    await q.query(
      `UPDATE exercise SET title = $2, topic = $3, started_at = $4, updated_at = now() WHERE id = $1`,
      [id, f.title, f.topic, f.startedAt],
    );
  }

  async closeExercise(q: Queryable, id: string, closedAt: Date): Promise<void> {
    await q.query(`UPDATE exercise SET closed_at = $2, updated_at = now() WHERE id = $1`, [id, closedAt]);
  }

  async setYouSaidWeDid(
    q: Queryable,
    id: string,
    post: { url: string; postedAt: Date; engagementId: string | null },
  ): Promise<void> {
    await q.query(
      `UPDATE exercise SET you_said_we_did_url = $2, you_said_we_did_at = $3, you_said_we_did_engagement_id = $4,
         updated_at = now() WHERE id = $1`,
      [id, post.url, post.postedAt, post.engagementId],
    );
  }

  /** Whether the engagement is one of the department's own. */
  isEngagementOf(q: Queryable, departmentId: string, engagementId: string): Promise<boolean> {
    return q
      .query(`SELECT 1 FROM engagement WHERE id = $1 AND department_id = $2`, [engagementId, departmentId])
      .then((rows: unknown[]) => rows.length > 0);
  }

  influenceOf(q: Queryable, exerciseIds: string[]): Promise<InfluenceRow[]> {
    return q.query(
      `SELECT ${INFLUENCE} FROM policy_influence WHERE exercise_id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
      [exerciseIds],
    );
  }

  influence(q: Queryable, id: string): Promise<InfluenceRow | undefined> {
    return q
      .query(`SELECT ${INFLUENCE} FROM policy_influence WHERE id = $1 FOR UPDATE`, [id])
      .then(first<InfluenceRow>);
  }

  insertInfluence(
    q: Queryable,
    exerciseId: string,
    f: InfluenceFields,
    recordedBy: string | null,
  ): Promise<InfluenceRow> {
    return q
      .query(
        `INSERT INTO policy_influence (exercise_id, level, note, evidence, recorded_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${INFLUENCE}`,
        [exerciseId, f.level, f.note, JSON.stringify(f.evidence), recordedBy],
      )
      .then((rows: InfluenceRow[]) => rows[0]);
  }

  updateInfluence(q: Queryable, id: string, f: InfluenceFields): Promise<InfluenceRow> {
    return q
      .query(
        `UPDATE policy_influence SET level = $2, note = $3, evidence = $4 WHERE id = $1 RETURNING ${INFLUENCE}`,
        [id, f.level, f.note, JSON.stringify(f.evidence)],
      )
      .then((rows: [InfluenceRow[], number]) => rows[0][0]);
  }

  followUpsOf(q: Queryable, exerciseIds: string[]): Promise<FollowUpRow[]> {
    return q.query(
      `SELECT ${FOLLOW_UP} FROM exercise_follow_up f WHERE f.exercise_id = ANY($1::uuid[]) ORDER BY f.months`,
      [exerciseIds],
    );
  }

  /**
   * Sets an exercise's follow-ups from its closing time. One already done keeps its date; the others move (and are
   * reminded again if they move), since closing again means the exercise's clock started again.
   */
  async setFollowUps(
    q: Queryable,
    exerciseId: string,
    followUps: { months: number; dueAt: Date }[],
  ): Promise<void> {
    await q.query(
      `INSERT INTO exercise_follow_up (exercise_id, months, due_at)
       SELECT $1, f.months, f."dueAt" FROM jsonb_to_recordset($2::jsonb) AS f(months smallint, "dueAt" timestamptz)
       ON CONFLICT (exercise_id, months) DO UPDATE SET due_at = EXCLUDED.due_at, reminded_at = NULL
         WHERE exercise_follow_up.done_at IS NULL AND exercise_follow_up.due_at <> EXCLUDED.due_at`,
      [exerciseId, JSON.stringify(followUps)],
    );
  }

  /** An influence entry recorded after a follow-up came due is that follow-up done. */
  async completeFollowUps(q: Queryable, exerciseId: string, at: Date): Promise<number> {
    return changed(
      await q.query(
        `UPDATE exercise_follow_up SET done_at = $2 WHERE exercise_id = $1 AND done_at IS NULL AND due_at <= $2`,
        [exerciseId, at],
      ),
    );
  }

  followUpsDue(q: Queryable, departmentId: string, at: Date): Promise<FollowUpDueRow[]> {
    return q.query(
      `SELECT ${FOLLOW_UP}, e.title AS "exerciseTitle", d.key AS "departmentKey"
       FROM exercise_follow_up f JOIN exercise e ON e.id = f.exercise_id JOIN department d ON d.id = e.department_id
       WHERE e.department_id = $1 AND f.done_at IS NULL AND f.due_at <= $2
       ORDER BY f.due_at, f.id`,
      [departmentId, at],
    );
  }

  /**
   * Follow-ups that have come due and nobody was reminded of, oldest first, locked for this transaction; SKIP
   * LOCKED lets a second run take others instead of waiting, so none is reminded twice.
   */
  claimFollowUpsToRemind(q: Queryable, at: Date, limit: number): Promise<FollowUpToRemindRow[]> {
    return q.query(
      `SELECT ${FOLLOW_UP}, e.title AS "exerciseTitle", d.key AS "departmentKey", d.id AS "departmentId",
         d.name AS "departmentName"
       FROM exercise_follow_up f JOIN exercise e ON e.id = f.exercise_id JOIN department d ON d.id = e.department_id
       WHERE f.reminded_at IS NULL AND f.done_at IS NULL AND f.due_at <= $1
       ORDER BY f.due_at, f.id LIMIT $2 FOR UPDATE OF f SKIP LOCKED`,
      [at, limit],
    );
  }

  async markReminded(q: Queryable, ids: string[], at: Date): Promise<void> {
    await q.query(`UPDATE exercise_follow_up SET reminded_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
  }

  // ---- lessons ----

  /** The lessons recorded in the window, and every lesson about one of `exerciseIds` whenever it was recorded. */
  lessons(q: Queryable, departmentId: string, w: RecordWindow, exerciseIds: string[]): Promise<LessonRow[]> {
    return q.query(
      `SELECT ${LESSON} FROM lesson WHERE department_id = $1 AND (${WITHIN('recorded_at')} OR exercise_id = ANY($4::uuid[]))
       ORDER BY recorded_at, id`,
      [departmentId, w.from, w.to, exerciseIds],
    );
  }

  lesson(q: Queryable, id: string): Promise<LessonRow | undefined> {
    return q.query(`SELECT ${LESSON} FROM lesson WHERE id = $1 FOR UPDATE`, [id]).then(first<LessonRow>);
  }

  insertLesson(
    q: Queryable,
    departmentId: string,
    f: LessonFields,
    recordedBy: string | null,
  ): Promise<LessonRow> {
    return q
      .query(
        `INSERT INTO lesson (department_id, exercise_id, text, conversation_ids, engagement_ids, recorded_by)
         VALUES ($1, $2, $3, $4::bigint[], $5::uuid[], $6) RETURNING ${LESSON}`,
        [departmentId, f.exerciseId, f.text, f.conversationIds, f.engagementIds, recordedBy],
      )
      .then((rows: LessonRow[]) => rows[0]);
  }

  updateLesson(q: Queryable, id: string, f: LessonFields): Promise<LessonRow> {
    return q
      .query(
        `UPDATE lesson SET exercise_id = $2, text = $3, conversation_ids = $4::bigint[], engagement_ids = $5::uuid[]
         WHERE id = $1 RETURNING ${LESSON}`,
        [id, f.exerciseId, f.text, f.conversationIds, f.engagementIds],
      )
      .then((rows: [LessonRow[], number]) => rows[0][0]);
  }

  /** Of these ids, the ones that are not the department's conversations (through its opportunities or engagements). */
  foreignConversations(q: Queryable, departmentId: string, ids: string[]): Promise<string[]> {
    return q
      .query(
        `SELECT w.cid::text AS id FROM unnest($2::bigint[]) AS w(cid)
         WHERE NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.conversation_id = w.cid AND o.department_id = $1)
           AND NOT EXISTS (SELECT 1 FROM engagement g WHERE g.conversation_id = w.cid AND g.department_id = $1)`,
        [departmentId, ids],
      )
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  /** Of these ids, the ones that are not the department's engagements. */
  foreignEngagements(q: Queryable, departmentId: string, ids: string[]): Promise<string[]> {
    return q
      .query(
        `SELECT w.eid::text AS id FROM unnest($2::uuid[]) AS w(eid)
         WHERE NOT EXISTS (SELECT 1 FROM engagement g WHERE g.id = w.eid AND g.department_id = $1)`,
        [departmentId, ids],
      )
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  // ---- surveys ----

  surveys(q: Queryable, departmentId: string, w: RecordWindow): Promise<SurveyRow[]> {
    return q.query(
      `SELECT ${SURVEY} FROM survey WHERE department_id = $1 AND ${WITHIN('surveyed_at')} ORDER BY surveyed_at, id`,
      [departmentId, w.from, w.to],
    );
  }

  survey(q: Queryable, id: string): Promise<SurveyRow | undefined> {
    return q.query(`SELECT ${SURVEY} FROM survey WHERE id = $1 FOR UPDATE`, [id]).then(first<SurveyRow>);
  }

  insertSurvey(q: Queryable, departmentId: string, f: SurveyFields): Promise<SurveyRow> {
    return q
      .query(
        `INSERT INTO survey (department_id, objective_id, question, method, before_agree, before_n, after_agree,
           after_n, surveyed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SURVEY}`,
        [
          departmentId,
          f.objectiveId,
          f.question,
          f.method,
          f.beforeAgree,
          f.beforeN,
          f.afterAgree,
          f.afterN,
          f.surveyedAt,
        ],
      )
      .then((rows: SurveyRow[]) => rows[0]);
  }

  updateSurvey(q: Queryable, id: string, f: SurveyFields): Promise<SurveyRow> {
    return q
      .query(
        `UPDATE survey SET objective_id = $2, question = $3, method = $4, before_agree = $5, before_n = $6,
           after_agree = $7, after_n = $8, surveyed_at = $9 WHERE id = $1 RETURNING ${SURVEY}`,
        [
          id,
          f.objectiveId,
          f.question,
          f.method,
          f.beforeAgree,
          f.beforeN,
          f.afterAgree,
          f.afterN,
          f.surveyedAt,
        ],
      )
      .then((rows: [SurveyRow[], number]) => rows[0][0]);
  }

  // ---- input costs ----

  costs(q: Queryable, departmentId: string, w: RecordWindow): Promise<CostRow[]> {
    return q.query(
      `SELECT ${COST} FROM input_cost WHERE department_id = $1 AND ${OVERLAPS('starts_at', 'ends_at')}
       ORDER BY starts_at, id`,
      [departmentId, w.from, w.to],
    );
  }

  cost(q: Queryable, id: string): Promise<CostRow | undefined> {
    return q.query(`SELECT ${COST} FROM input_cost WHERE id = $1 FOR UPDATE`, [id]).then(first<CostRow>);
  }

  insertCost(q: Queryable, departmentId: string, f: CostFields): Promise<CostRow> {
    return q
      .query(
        `INSERT INTO input_cost (department_id, starts_at, ends_at, staff_hours, hourly_rate, tool_cost)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COST}`,
        [departmentId, f.from, f.to, f.staffHours, f.hourlyRate, f.toolCost],
      )
      .then((rows: CostRow[]) => rows[0]);
  }

  updateCost(q: Queryable, id: string, f: CostFields): Promise<CostRow> {
    return q
      .query(
        `UPDATE input_cost SET starts_at = $2, ends_at = $3, staff_hours = $4, hourly_rate = $5, tool_cost = $6
         WHERE id = $1 RETURNING ${COST}`,
        [id, f.from, f.to, f.staffHours, f.hourlyRate, f.toolCost],
      )
      .then((rows: [CostRow[], number]) => rows[0][0]);
  }

  // ---- what the metrics read ----

  /** Exercises closed in [from, to): how many, how many posted a "you said, we did", how many have a lesson. */
  closedExercises(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ closed: number; looped: number; withLesson: number }> {
    return q
      .query(
        `SELECT count(*)::int AS closed, count(*) FILTER (WHERE e.you_said_we_did_url IS NOT NULL)::int AS looped,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM lesson l WHERE l.exercise_id = e.id))::int AS "withLesson"
         FROM exercise e WHERE e.department_id = $1 AND e.closed_at >= $2 AND e.closed_at < $3`,
        [departmentId, from, to],
      )
      .then((rows: { closed: number; looped: number; withLesson: number }[]) => rows[0]);
  }

  /** Each exercise closed in [from, to) with the highest influence level recorded for it (null: none) and its evidence. */
  influenceOfClosed(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ id: string; title: string; level: number | null; evidence: Evidence[] }[]> {
    return q.query(
      `SELECT e.id, e.title, max(i.level)::int AS level,
         coalesce(jsonb_agg(ev.item) FILTER (WHERE ev.item IS NOT NULL), '[]') AS evidence
       FROM exercise e LEFT JOIN policy_influence i ON i.exercise_id = e.id
       LEFT JOIN LATERAL jsonb_array_elements(i.evidence) AS ev(item) ON true
       WHERE e.department_id = $1 AND e.closed_at >= $2 AND e.closed_at < $3
       GROUP BY e.id ORDER BY e.closed_at, e.id`,
      [departmentId, from, to],
    );
  }

  /** The department's engagements in [from, to): what input cost is divided by. */
  engagementCount(q: Queryable, departmentId: string, from: Date, to: Date): Promise<number> {
    return q
      .query(
        `SELECT count(*)::int AS n FROM engagement WHERE department_id = $1 AND occurred_at >= $2 AND occurred_at < $3`,
        [departmentId, from, to],
      )
      .then((rows: { n: number }[]) => rows[0].n);
  }

  /** The department's engagements in each [from, to), in one query: what each cost record is divided by. */
  engagementCounts(
    q: Queryable,
    departmentId: string,
    windows: readonly { from: Date; to: Date }[],
  ): Promise<number[]> {
    if (windows.length === 0) return Promise.resolve([]);
    return q
      .query(
        `SELECT (SELECT count(*)::int FROM engagement g
                  WHERE g.department_id = $1 AND g.occurred_at >= w.f AND g.occurred_at < w.t) AS n
           FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(f, t, i)
          ORDER BY w.i`,
        [departmentId, windows.map((w) => w.from), windows.map((w) => w.to)],
      )
      .then((rows: { n: number }[]) => rows.map((r) => r.n));
  }
}
