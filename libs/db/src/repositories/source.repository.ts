import type { Queryable } from '../queryable';

/** Longer errors are cut to this many characters on the source. */
export const MAX_ERROR_LENGTH = 2000;

export type SourceForFetch = {
  id: string;
  key: string;
  type: string;
  url: string;
  enabled: boolean;
  intervalMs: number;
  etag: string | null;
  lastModified: string | null;
  cursor: string | null;
  config: Record<string, unknown>;
  /** Secret settings, encrypted: `openSecrets` with the configured key gives what the connector needs. */
  secrets: string | null;
  updatedAt: Date;
};

export type SourceHealthRow = {
  id: string;
  key: string;
  name: string | null;
  type: string;
  url: string;
  intervalMs: number;
  enabled: boolean;
  department: string | null;
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastWarning: string | null;
  consecutiveFailures: number;
  postCount: number;
  postsLastWeek: number;
};

/** Sources as the fetcher sees them, and their health as people see it. */
export class SourceRepository {
  findForFetch(q: Queryable, id: string): Promise<SourceForFetch | undefined> {
    return q
      .query(
        `SELECT id, key, type, url, enabled, interval_ms AS "intervalMs", etag, last_modified AS "lastModified", cursor,
           config, secrets, updated_at AS "updatedAt"
         FROM source WHERE id = $1`,
        [id],
      )
      .then((rows: SourceForFetch[]) => rows[0]);
  }

  listForScheduling(
    q: Queryable,
  ): Promise<Pick<SourceForFetch, 'id' | 'type' | 'enabled' | 'intervalMs' | 'updatedAt'>[]> {
    return q.query(
      `SELECT id, type, enabled, interval_ms AS "intervalMs", updated_at AS "updatedAt" FROM source`,
    );
  }

  enabledOfType(q: Queryable, type: string): Promise<SourceForFetch[]> {
    return q.query(
      `SELECT id, key, type, url, enabled, interval_ms AS "intervalMs", etag, last_modified AS "lastModified", cursor,
         config, secrets, updated_at AS "updatedAt"
       FROM source WHERE enabled AND type = $1`,
      [type],
    );
  }

  async recordGap(q: Queryable, id: string, from: Date, to: Date): Promise<void> {
    await q.query(`INSERT INTO source_gap (source_id, gap_from, gap_to) VALUES ($1, $2, $3)`, [id, from, to]);
  }

  /** Health for every source, or for those of the given departments plus the shared ones. */
  listWithHealth(q: Queryable, departmentIds: string[] | null): Promise<SourceHealthRow[]> {
    return q.query(
      `SELECT s.id, s.key, s.name, s.type, s.url, s.interval_ms AS "intervalMs", s.enabled, d.key AS department,
         s.last_fetch_at AS "lastFetchAt", s.last_success_at AS "lastSuccessAt", s.last_error AS "lastError",
         s.last_warning AS "lastWarning", s.consecutive_failures AS "consecutiveFailures",
         (SELECT count(*)::int FROM post p WHERE p.source_id = s.id) AS "postCount",
         (SELECT count(*)::int FROM post p WHERE p.source_id = s.id AND p.fetched_at > now() - interval '7 days') AS "postsLastWeek"
       FROM source s LEFT JOIN department d ON d.id = s.department_id
       WHERE $1::uuid[] IS NULL OR s.department_id IS NULL OR s.department_id = ANY($1::uuid[])
       ORDER BY s.key`,
      [departmentIds],
    );
  }

  /** Serialises concurrent stores of one source (a scheduled run and a fetch-now) for the transaction's length. */
  async lockForIngest(q: Queryable, id: string): Promise<void> {
    await q.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [id]);
  }

  /** Stored in the same transaction as the posts it covers, so a crash never skips or repeats a page. */
  async saveCursor(q: Queryable, id: string, cursor: string | null): Promise<void> {
    await q.query(`UPDATE source SET cursor = $2 WHERE id = $1`, [id, cursor]);
  }

  /**
   * Records a successful fetch; returns the error the source had until now (null when it was healthy).
   * `warning` is what a person should know about a fetch that worked (a feed read only in part): null clears it,
   * undefined keeps the last one (a 304 answers for the same document).
   */
  async recordSuccess(
    q: Queryable,
    id: string,
    validators: { etag: string | null; lastModified: string | null },
    warning?: string | null,
  ): Promise<string | null> {
    const [rows]: [{ previousError: string | null }[], number] = await q.query(
      `UPDATE source s SET last_fetch_at = now(), last_success_at = now(), last_error = NULL, consecutive_failures = 0,
         etag = coalesce($2, s.etag), last_modified = coalesce($3, s.last_modified),
         last_warning = CASE WHEN $5 THEN s.last_warning ELSE $4 END
       FROM (SELECT id, last_error FROM source WHERE id = $1 FOR UPDATE) old
       WHERE s.id = old.id
       RETURNING old.last_error AS "previousError"`,
      [id, validators.etag, validators.lastModified, warning?.slice(0, 2000) ?? null, warning === undefined],
    );
    return rows[0]?.previousError ?? null;
  }

  /** Records a failed fetch; true when this changes the source's state (it was healthy, or failed otherwise). */
  async recordFailure(q: Queryable, id: string, message: string): Promise<boolean> {
    const [rows]: [{ changed: boolean }[], number] = await q.query(
      `UPDATE source s SET last_fetch_at = now(), last_error = $2, last_error_at = now(),
         consecutive_failures = s.consecutive_failures + 1
       FROM (SELECT id, last_error FROM source WHERE id = $1 FOR UPDATE) old
       WHERE s.id = old.id
       RETURNING old.last_error IS DISTINCT FROM s.last_error AS changed`,
      [id, message.slice(0, MAX_ERROR_LENGTH)],
    );
    return rows[0]?.changed ?? false;
  }
}
