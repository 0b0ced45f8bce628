import type { Queryable } from '../queryable';

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
         s.consecutive_failures AS "consecutiveFailures",
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

  async recordSuccess(
    q: Queryable,
    id: string,
    validators: { etag: string | null; lastModified: string | null },
  ): Promise<void> {
    await q.query(
      `UPDATE source SET last_fetch_at = now(), last_success_at = now(), last_error = NULL, consecutive_failures = 0,
         etag = coalesce($2, etag), last_modified = coalesce($3, last_modified)
       WHERE id = $1`,
      [id, validators.etag, validators.lastModified],
    );
  }

  async recordFailure(q: Queryable, id: string, message: string): Promise<void> {
    await q.query(
      `UPDATE source SET last_fetch_at = now(), last_error = $2, last_error_at = now(),
         consecutive_failures = consecutive_failures + 1
       WHERE id = $1`,
      [id, message.slice(0, 2000)],
    );
  }
}
