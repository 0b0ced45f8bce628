import type { OrganisationDirectory } from '@parley/domain';
import type { Queryable } from '../queryable';

const LAWFUL_LISTENING = 'lawfulListening';

/** A member of the public whose posts a person opened, as a conversation shows them. */
export type ViewedAuthor = { key: string; platform: string; handle: string; name: string | null };

/** One person's openings of one member of the public's posts over a period, for the data protection officer. */
export type AuthorViewReportRow = {
  userId: string;
  userEmail: string;
  userName: string;
  authorKey: string;
  platform: string;
  authorHandle: string;
  authorName: string | null;
  conversations: number;
  openings: number;
  firstViewedAt: Date;
  lastViewedAt: Date;
  reasons: number;
  latestReason: string | null;
};

/** Workspace-wide lawful-listening settings, who the workspace knows as organisations, and per-author views. */
export class LawfulListeningRepository {
  /** The stored `lawfulListening` settings as written (fields left out take their defaults); null: never set. */
  settings(q: Queryable): Promise<Record<string, unknown> | null> {
    return q
      .query(`SELECT value FROM workspace_setting WHERE name = $1`, [LAWFUL_LISTENING])
      .then((rows: { value: Record<string, unknown> }[]) => rows[0]?.value ?? null);
  }

  async saveSettings(q: Queryable, value: Record<string, unknown>): Promise<void> {
    await q.query(
      `INSERT INTO workspace_setting (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [LAWFUL_LISTENING, JSON.stringify(value)],
    );
  }

  /** Departments' keys, names and aliases and peers' names and aliases; departments' accounts and peers' handles. */
  organisations(q: Queryable): Promise<OrganisationDirectory> {
    return q
      .query(
        `SELECT
           (SELECT coalesce(array_agg(x), '{}') FROM (
              SELECT key FROM department UNION ALL SELECT name FROM department
              UNION ALL SELECT unnest(aliases) FROM department
              UNION ALL SELECT name FROM peer_organisation UNION ALL SELECT unnest(aliases) FROM peer_organisation
            ) n(x)) AS names,
           (SELECT coalesce(array_agg(x), '{}') FROM (
              SELECT handle FROM department_account UNION ALL SELECT unnest(handles) FROM peer_organisation
            ) h(x)) AS handles`,
      )
      .then((rows: OrganisationDirectory[]) => rows[0]);
  }

  /**
   * Records that the person opened this conversation with posts by these authors: a new row for a conversation not
   * opened before, else its latest opening moves on. Answers the keys opened here for the first time.
   */
  async recordViews(
    q: Queryable,
    userId: string,
    conversationId: string,
    authors: ViewedAuthor[],
    at: Date,
  ): Promise<string[]> {
    if (authors.length === 0) return [];
    const rows: { key: string; inserted: boolean }[] = await q.query(
      `INSERT INTO author_view (user_id, author_key, conversation_id, platform, author_handle, author_name,
         first_viewed_at, last_viewed_at)
       SELECT $1, a.key, $2, a.platform, a.handle, a.name, $4, $4
       FROM jsonb_to_recordset($3::jsonb) AS a(key text, platform text, handle text, name text)
       ON CONFLICT (user_id, author_key, conversation_id) DO UPDATE SET last_viewed_at = EXCLUDED.last_viewed_at,
         openings = author_view.openings + 1, author_name = EXCLUDED.author_name
       RETURNING author_key AS key, (xmax = 0) AS inserted`,
      [userId, conversationId, JSON.stringify(authors), at],
    );
    return rows.filter((r) => r.inserted).map((r) => r.key);
  }

  /** For each author, how many distinct conversations with their posts the person opened since `since`. */
  viewCounts(
    q: Queryable,
    userId: string,
    authorKeys: string[],
    since: Date,
  ): Promise<{ key: string; views: number }[]> {
    return q.query(
      `SELECT author_key AS key, count(*)::int AS views FROM author_view
       WHERE user_id = $1 AND author_key = ANY($2::text[]) AND last_viewed_at >= $3
       GROUP BY author_key`,
      [userId, authorKeys, since],
    );
  }

  /** The authors among these for whom the person recorded a reason since `since`. */
  reasonsSince(q: Queryable, userId: string, authorKeys: string[], since: Date): Promise<string[]> {
    return q
      .query(
        `SELECT DISTINCT author_key AS key FROM author_view_reason
         WHERE user_id = $1 AND author_key = ANY($2::text[]) AND recorded_at >= $3`,
        [userId, authorKeys, since],
      )
      .then((rows: { key: string }[]) => rows.map((r) => r.key));
  }

  async insertReason(
    q: Queryable,
    r: { userId: string; authorKey: string; conversationId: string; views: number; reason: string; at: Date },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO author_view_reason (user_id, author_key, conversation_id, views, reason, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.userId, r.authorKey, r.conversationId, r.views, r.reason, r.at],
    );
    return rows[0].id;
  }

  /** Everyone's openings by member of the public, latest opening in [from, to), most conversations first. */
  report(q: Queryable, from: Date, to: Date): Promise<AuthorViewReportRow[]> {
    return q.query(
      `WITH views AS (
         SELECT user_id, author_key, min(platform) AS platform, min(author_handle) AS "authorHandle",
           max(author_name) AS "authorName", count(*)::int AS conversations, sum(openings)::int AS openings,
           min(first_viewed_at) AS "firstViewedAt", max(last_viewed_at) AS "lastViewedAt"
         FROM author_view WHERE last_viewed_at >= $1 AND last_viewed_at < $2
         GROUP BY user_id, author_key
       )
       SELECT v.user_id AS "userId", u.email AS "userEmail", u.name AS "userName", v.author_key AS "authorKey",
         v.platform, v."authorHandle", v."authorName", v.conversations, v.openings, v."firstViewedAt",
         v."lastViewedAt", coalesce(r.reasons, 0)::int AS reasons, r.latest AS "latestReason"
       FROM views v JOIN app_user u ON u.id = v.user_id
       LEFT JOIN LATERAL (
         SELECT count(*) AS reasons, (array_agg(reason ORDER BY recorded_at DESC))[1] AS latest
         FROM author_view_reason x
         WHERE x.user_id = v.user_id AND x.author_key = v.author_key AND x.recorded_at >= $1 AND x.recorded_at < $2
       ) r ON true
       ORDER BY v.conversations DESC, v."lastViewedAt" DESC, u.email, v.author_key`,
      [from, to],
    );
  }
}
