import type { LawfulBasis, RetentionAction } from '@parley/domain';
import type { Queryable } from '../queryable';

/**
 * `threshold`: the score (0–100) an opportunity needs to reach the department's inbox. `slaMinutes`: how soon a
 * first response is due (null: no SLA), counted in working hours when `slaBusinessHours`.
 */
export type DepartmentRow = {
  id: string;
  key: string;
  name: string;
  aliases: string[];
  threshold: number;
  slaMinutes: number | null;
  slaBusinessHours: boolean;
};
export type AccountRow = { platform: string; handle: string; site: string | null };
/** `secret`: the publish credential, sealed (secret-box.ts) as stored; null when Parley cannot post from it. */
export type AccountWithSecretRow = AccountRow & { secret: string | null };
export type ResourceRow = { title: string; url: string; text: string };
/** An expected event as the workspace document writes it: instants as ISO strings. */
export type ExpectedEventRow = { name: string; kind: string; from: string; to: string };
export type DeliveryPartnerRow = { name: string; aliases: string[]; handles: string[] };
/**
 * `lawfulBasis`: the UK GDPR Art. 6 basis the rule rests on. `namedPeople`: the `author:` values no known
 * organisation answers to (private individuals the rule follows), for which `justification` says why.
 */
export type RuleRow = {
  id: string;
  key: string;
  name: string;
  query: string;
  purpose: string | null;
  lawfulBasis: LawfulBasis | null;
  justification: string | null;
  namedPeople: string[];
  enabled: boolean;
  version: number;
};
/** What a rule's version records of it, besides who changed it, when and why. */
export type RuleVersionFields = {
  name: string;
  queryBefore: string | null;
  queryAfter: string;
  purpose: string | null;
  lawfulBasis: LawfulBasis | null;
  justification: string | null;
  namedPeople: string[];
  enabled: boolean;
};
/** A rule as stored, including one removed from the workspace (kept, marked deleted, for its history). */
export type StoredRuleRow = RuleRow & { deletedAt: Date | null };
export type SourceRow = {
  id: string;
  key: string;
  name: string | null;
  type: string;
  url: string;
  intervalMs: number;
  enabled: boolean;
  departmentId: string | null;
  /** Plain settings; secret ones are in `secrets`, encrypted (secret-box.ts). */
  config: Record<string, string>;
  secrets: string | null;
  /** How long its public posts are kept; null: the workspace's default. */
  retentionDays: number | null;
  retentionAction: RetentionAction | null;
  updatedAt: Date;
};
export type SourceFields = Omit<SourceRow, 'id' | 'key' | 'updatedAt'>;

const SOURCE_COLUMNS = `id, key, name, type, url, interval_ms AS "intervalMs", enabled, department_id AS "departmentId",
  config, secrets, retention_days AS "retentionDays", retention_action AS "retentionAction", updated_at AS "updatedAt"`;
/** $2… of a source's insert and update, in column order. */
const sourceParameters = (s: SourceFields) => [
  s.name,
  s.type,
  s.url,
  s.intervalMs,
  s.enabled,
  s.departmentId,
  JSON.stringify(s.config),
  s.secrets,
  s.retentionDays,
  s.retentionAction,
];
const RULE_COLUMNS = `id, key, name, query, purpose, lawful_basis AS "lawfulBasis", justification,
  named_people AS "namedPeople", enabled, version`;

/** The configurable workspace: departments with their accounts, resources and rules, and the sources. */
export class WorkspaceRepository {
  allDepartments(q: Queryable): Promise<DepartmentRow[]> {
    return q.query(
      `SELECT id, key, name, aliases, inbox_threshold AS threshold, response_sla_minutes AS "slaMinutes",
         response_sla_business_hours AS "slaBusinessHours"
       FROM department ORDER BY key`,
    );
  }

  countDepartments(q: Queryable): Promise<number> {
    return q.query(`SELECT count(*)::int AS n FROM department`).then((rows: { n: number }[]) => rows[0].n);
  }

  async insertDepartment(q: Queryable, d: Omit<DepartmentRow, 'id'>): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO department (key, name, aliases, inbox_threshold, response_sla_minutes, response_sla_business_hours)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [d.key, d.name, d.aliases, d.threshold, d.slaMinutes, d.slaBusinessHours],
    );
    return rows[0].id;
  }

  async updateDepartment(q: Queryable, id: string, d: Omit<DepartmentRow, 'id' | 'key'>): Promise<void> {
    await q.query(
      `UPDATE department SET name = $2, aliases = $3, inbox_threshold = $4, response_sla_minutes = $5,
         response_sla_business_hours = $6, updated_at = now()
       WHERE id = $1`,
      [id, d.name, d.aliases, d.threshold, d.slaMinutes, d.slaBusinessHours],
    );
  }

  async deleteDepartments(q: Queryable, ids: string[]): Promise<void> {
    await q.query(`DELETE FROM department WHERE id = ANY($1::uuid[])`, [ids]);
  }

  accountsOf(q: Queryable, departmentId: string): Promise<AccountRow[]> {
    return q.query(
      `SELECT platform, handle, site FROM department_account WHERE department_id = $1 ORDER BY platform, handle`,
      [departmentId],
    );
  }

  /** As `accountsOf`, with each account's sealed publish credential: for the workspace document only. */
  accountsWithSecretsOf(q: Queryable, departmentId: string): Promise<AccountWithSecretRow[]> {
    return q.query(
      `SELECT platform, handle, site, secret FROM department_account WHERE department_id = $1 ORDER BY platform, handle`,
      [departmentId],
    );
  }

  /**
   * Makes the department's accounts exactly these. An account kept keeps its row (engagements posted from it stay
   * linked to it); its handle's case, site and credential are updated.
   */
  async replaceAccounts(q: Queryable, departmentId: string, accounts: AccountWithSecretRow[]): Promise<void> {
    const given = JSON.stringify(accounts);
    await q.query(
      `DELETE FROM department_account d WHERE d.department_id = $1 AND NOT EXISTS (
         SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS a(platform text, handle text, site text)
         WHERE a.platform = d.platform AND lower(a.handle) = lower(d.handle)
           AND coalesce(lower(a.site), '') = coalesce(lower(d.site), ''))`,
      [departmentId, given],
    );
    await q.query(
      `INSERT INTO department_account (department_id, platform, handle, site, secret)
       SELECT $1, a.platform, a.handle, a.site, a.secret
       FROM jsonb_to_recordset($2::jsonb) AS a(platform text, handle text, site text, secret text)
       ON CONFLICT (platform, lower(handle), coalesce(lower(site), '')) DO UPDATE SET department_id = EXCLUDED.department_id,
         handle = EXCLUDED.handle, site = EXCLUDED.site, secret = EXCLUDED.secret`,
      [departmentId, given],
    );
  }

  resourcesOf(q: Queryable, departmentId: string): Promise<ResourceRow[]> {
    return q.query(`SELECT title, url, text FROM department_resource WHERE department_id = $1 ORDER BY url`, [
      departmentId,
    ]);
  }

  calendarOf(q: Queryable, departmentId: string): Promise<ExpectedEventRow[]> {
    return q.query(
      `SELECT name, kind, to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "from",
         to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "to"
       FROM expected_event WHERE department_id = $1 ORDER BY starts_at, name`,
      [departmentId],
    );
  }

  async replaceCalendar(q: Queryable, departmentId: string, events: ExpectedEventRow[]): Promise<void> {
    await q.query(`DELETE FROM expected_event WHERE department_id = $1`, [departmentId]);
    await q.query(
      `INSERT INTO expected_event (department_id, name, kind, starts_at, ends_at)
       SELECT $1, e.name, e.kind, e."from", e."to"
       FROM jsonb_to_recordset($2::jsonb) AS e(name text, kind text, "from" timestamptz, "to" timestamptz)`,
      [departmentId, JSON.stringify(events)],
    );
  }

  partnersOf(q: Queryable, departmentId: string): Promise<DeliveryPartnerRow[]> {
    return q.query(
      `SELECT name, aliases, handles FROM delivery_partner WHERE department_id = $1 ORDER BY lower(name), name`,
      [departmentId],
    );
  }

  /** Replaced by name, so a partner kept keeps its id (the alerts raised about it point at it). */
  async replacePartners(q: Queryable, departmentId: string, partners: DeliveryPartnerRow[]): Promise<void> {
    await q.query(`DELETE FROM delivery_partner WHERE department_id = $1 AND NOT (name = ANY($2::text[]))`, [
      departmentId,
      partners.map((p) => p.name),
    ]);
    await q.query(
      `INSERT INTO delivery_partner (department_id, name, aliases, handles)
       SELECT $1, p.name, ARRAY(SELECT jsonb_array_elements_text(p.aliases)), ARRAY(SELECT jsonb_array_elements_text(p.handles))
       FROM jsonb_to_recordset($2::jsonb) AS p(name text, aliases jsonb, handles jsonb)
       ON CONFLICT (department_id, name) DO UPDATE SET aliases = EXCLUDED.aliases, handles = EXCLUDED.handles`,
      [departmentId, JSON.stringify(partners)],
    );
  }

  alertSettingsOf(q: Queryable, departmentId: string): Promise<Record<string, unknown>> {
    return q
      .query(`SELECT alert_settings AS settings FROM department WHERE id = $1`, [departmentId])
      .then((rows: { settings: Record<string, unknown> }[]) => rows[0]?.settings ?? {});
  }

  async setAlertSettings(q: Queryable, departmentId: string, settings: object): Promise<void> {
    await q.query(`UPDATE department SET alert_settings = $2 WHERE id = $1`, [
      departmentId,
      JSON.stringify(settings),
    ]);
  }

  async replaceResources(q: Queryable, departmentId: string, resources: ResourceRow[]): Promise<void> {
    await q.query(`DELETE FROM department_resource WHERE department_id = $1`, [departmentId]);
    await q.query(
      `INSERT INTO department_resource (department_id, title, url, text)
       SELECT $1, r.title, r.url, r.text FROM jsonb_to_recordset($2::jsonb) AS r(title text, url text, text text)`,
      [departmentId, JSON.stringify(resources)],
    );
  }

  rulesOf(q: Queryable, departmentId: string): Promise<RuleRow[]> {
    return q.query(
      `SELECT ${RULE_COLUMNS} FROM listening_rule WHERE department_id = $1 AND deleted_at IS NULL ORDER BY key`,
      [departmentId],
    );
  }

  /**
   * Every rule of every department, those marked deleted included, for planning a workspace document. Locked (in a
   * transaction) so a rule editor's save cannot land between the plan and its writing, unseen.
   */
  storedRules(q: Queryable): Promise<(StoredRuleRow & { departmentId: string })[]> {
    return q.query(
      `SELECT ${RULE_COLUMNS}, deleted_at AS "deletedAt", department_id AS "departmentId" FROM listening_rule
       ORDER BY department_id, key FOR UPDATE`,
    );
  }

  /**
   * One rule (marked deleted or not), locked until the transaction ends, so a check of its version holds until the
   * change is written.
   */
  async ruleForUpdate(q: Queryable, departmentId: string, key: string): Promise<StoredRuleRow | undefined> {
    const rows: StoredRuleRow[] = await q.query(
      `SELECT ${RULE_COLUMNS}, deleted_at AS "deletedAt" FROM listening_rule
       WHERE department_id = $1 AND key = $2 FOR UPDATE`,
      [departmentId, key],
    );
    return rows[0];
  }

  async insertRule(q: Queryable, departmentId: string, r: Omit<RuleRow, 'id' | 'version'>): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO listening_rule (department_id, key, name, query, purpose, lawful_basis, justification, named_people, enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        departmentId,
        r.key,
        r.name,
        r.query,
        r.purpose,
        r.lawfulBasis,
        r.justification,
        r.namedPeople,
        r.enabled,
      ],
    );
    return rows[0].id;
  }

  /** Also brings back a rule marked deleted, continuing its versions. */
  async updateRule(q: Queryable, id: string, r: Omit<RuleRow, 'id' | 'key' | 'version'>): Promise<number> {
    const [rows]: [{ version: number }[], number] = await q.query(
      `UPDATE listening_rule SET name = $2, query = $3, purpose = $4, lawful_basis = $5, justification = $6,
         named_people = $7, enabled = $8, version = version + 1, updated_at = now(), deleted_at = NULL
       WHERE id = $1 RETURNING version`,
      [id, r.name, r.query, r.purpose, r.lawfulBasis, r.justification, r.namedPeople, r.enabled],
    );
    return rows[0].version;
  }

  /** The version's id, which a notice about it refers to. */
  async insertRuleVersion(
    q: Queryable,
    v: RuleVersionFields & {
      ruleId: string;
      version: number;
      changedBy: string | null;
      reason: string | null;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO listening_rule_version (rule_id, version, name, query_before, query_after, purpose, lawful_basis,
         justification, named_people, enabled, changed_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        v.ruleId,
        v.version,
        v.name,
        v.queryBefore,
        v.queryAfter,
        v.purpose,
        v.lawfulBasis,
        v.justification,
        v.namedPeople,
        v.enabled,
        v.changedBy,
        v.reason,
      ],
    );
    return rows[0].id;
  }

  rulesOfDepartments(
    q: Queryable,
    departmentIds: string[] | null,
  ): Promise<(RuleRow & { department: string; updatedAt: Date })[]> {
    return q.query(
      `SELECT r.id, r.key, r.name, r.query, r.purpose, r.lawful_basis AS "lawfulBasis", r.justification,
         r.named_people AS "namedPeople", r.enabled, r.version, r.updated_at AS "updatedAt", d.key AS department
       FROM listening_rule r JOIN department d ON d.id = r.department_id
       WHERE r.deleted_at IS NULL AND ($1::uuid[] IS NULL OR r.department_id = ANY($1::uuid[])) ORDER BY d.key, r.key`,
      [departmentIds],
    );
  }

  versionsOf(
    q: Queryable,
    ruleId: string,
  ): Promise<
    (RuleVersionFields & {
      version: number;
      reason: string | null;
      changedBy: string | null;
      changedAt: Date;
    })[]
  > {
    return q.query(
      `SELECT v.version, v.name, v.query_before AS "queryBefore", v.query_after AS "queryAfter", v.purpose,
         v.lawful_basis AS "lawfulBasis", v.justification, v.named_people AS "namedPeople", v.enabled, v.reason,
         coalesce(u.email, 'workspace document') AS "changedBy", v.changed_at AS "changedAt"
       FROM listening_rule_version v LEFT JOIN app_user u ON u.id = v.changed_by WHERE v.rule_id = $1 ORDER BY v.version DESC`,
      [ruleId],
    );
  }

  /** Marks a rule deleted as a new version; the rule and its versions stay, so its history does. */
  async markRuleDeleted(q: Queryable, id: string): Promise<number> {
    const [rows]: [{ version: number }[], number] = await q.query(
      `UPDATE listening_rule SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1
       RETURNING version`,
      [id],
    );
    return rows[0].version;
  }

  /** Serialises workspace changes: each plans against what the one before it wrote. */
  async lockWorkspace(q: Queryable): Promise<void> {
    await q.query(`SELECT pg_advisory_xact_lock(hashtextextended('parley workspace', 0))`);
  }

  allSources(q: Queryable): Promise<SourceRow[]> {
    return q.query(`SELECT ${SOURCE_COLUMNS} FROM source ORDER BY key`);
  }

  async insertSource(q: Queryable, key: string, s: SourceFields): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO source (key, name, type, url, interval_ms, enabled, department_id, config, secrets, retention_days,
         retention_action)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [key, ...sourceParameters(s)],
    );
    return rows[0].id;
  }

  async updateSource(q: Queryable, id: string, s: SourceFields): Promise<void> {
    // A changed address starts afresh: the old validators and cursor belong to the old feed.
    await q.query(
      `UPDATE source SET name = $2, type = $3, url = $4, interval_ms = $5, enabled = $6, department_id = $7, config = $8,
         secrets = $9, retention_days = $10, retention_action = $11, updated_at = now(),
         etag = CASE WHEN url = $4 THEN etag END, last_modified = CASE WHEN url = $4 THEN last_modified END,
         cursor = CASE WHEN url = $4 THEN cursor END
       WHERE id = $1`,
      [id, ...sourceParameters(s)],
    );
  }

  async deleteSources(q: Queryable, ids: string[]): Promise<void> {
    await q.query(`DELETE FROM source WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
