import { isAuthorToken } from '../author-token';
import type { Queryable } from '../queryable';
import { HELD } from './retention.repository';

export type SubjectKind = 'handle' | 'name' | 'profileUrl';
/** Who a request is about, as the roll-ups and the posts know them: the value given, and their tokens if any. */
export type Subject = { kind: SubjectKind; value: string; tokens: string[] };

/** How much is held about the subject: counts only, so a receipt names nobody beyond the request. */
export type SubjectFindings = {
  posts: number;
  held: number;
  retired: number;
  sources: string[];
  conversations: number;
  engagements: number;
  flaggedAuthors: number;
  themeExcerpts: number;
};

export type SubjectRequestRow = {
  id: string;
  kind: SubjectKind;
  value: string;
  requestedBy: string | null;
  requestedAt: Date;
  found: SubjectFindings;
  outcome: 'erased' | 'pseudonymised' | null;
  done: Record<string, number> | null;
  doneBy: string | null;
  doneAt: Date | null;
};

export type SubjectPostRow = {
  id: string;
  source: string;
  platform: string;
  conversationId: string | null;
  url: string | null;
  title: string | null;
  text: string;
  authorName: string | null;
  authorHandle: string | null;
  authorProfileUrl: string | null;
  authorFollowers: number | null;
  publishedAt: Date | null;
  fetchedAt: Date;
  retiredAs: 'deleted' | 'pseudonymised' | null;
  held: boolean;
};

/**
 * The subject's posts, `p`: by handle (any platform, with or without a leading @), by name, or by profile link; and
 * by the token retention gave them, so what is held about them after pseudonymising is found too.
 */
const POSTS_OF = `(
  ($1 = 'handle' AND lower(p.author_handle) = ANY($2::text[]))
  OR ($1 = 'name' AND lower(p.author_name) = ANY($2::text[]))
  OR ($1 = 'profileUrl' AND p.author_profile_url = ANY($2::text[]))
  OR p.author_token = ANY($3::text[]))`;

/**
 * A regular expression (Postgres ARE, matched in any case) for the subject's handle, name or link as a whole word in
 * free text: "@sam" or "sam" for the handle sam, never the "sam" in "samphire".
 */
const mentionPattern = (s: Subject): string => {
  const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const value = s.kind === 'handle' ? `@?${escape(s.value.replace(/^@/, ''))}` : escape(s.value);
  return `(?<![[:alnum:]_@])${value}(?![[:alnum:]_])`;
};

/** Engagement `e`'s notes or reply draft name the subject (`$1`, mentionPattern). */
const ENGAGEMENTS_OF = `(e.draft ~* $1 OR e.outcome_notes ~* $1)`;

const COLUMNS = `r.id, r.kind, r.value, u.name AS "requestedBy", r.requested_at AS "requestedAt", r.found, r.outcome,
  r.done, du.name AS "doneBy", r.done_at AS "doneAt"`;

/** Finding and erasing what Parley holds about one public author, and the receipts of those requests. */
export class SubjectRequestRepository {
  /** The values a subject's posts are matched by, in the case they are compared in. */
  private params(s: Subject): [string, string[], string[]] {
    const value = s.kind === 'profileUrl' ? s.value : s.value.toLowerCase();
    const values = s.kind === 'handle' ? [...new Set([value, value.replace(/^@/, '')])] : [value];
    return [s.kind, values, s.tokens];
  }

  async findings(q: Queryable, s: Subject): Promise<SubjectFindings> {
    const rows: SubjectFindings[] = await q.query(
      `WITH found AS (SELECT p.id, p.source_id, p.conversation_id, p.url, p.retired_at, ${HELD('p')} AS held
                      FROM post p WHERE ${POSTS_OF})
       SELECT (SELECT count(*)::int FROM found) AS posts,
         (SELECT count(*) FILTER (WHERE held)::int FROM found) AS held,
         (SELECT count(*) FILTER (WHERE retired_at IS NOT NULL)::int FROM found) AS retired,
         ARRAY(SELECT DISTINCT s.key FROM found f JOIN source s ON s.id = f.source_id ORDER BY s.key) AS sources,
         (SELECT count(DISTINCT conversation_id)::int FROM found) AS conversations,
         (SELECT count(*)::int FROM engagement e WHERE e.draft ~* $4 OR e.outcome_notes ~* $4) AS engagements,
         (SELECT count(*)::int FROM flagged_author f
          WHERE ($1 = 'handle' AND lower(f.handle) = ANY($2::text[])) OR f.handle = ANY($3::text[])) AS "flaggedAuthors",
         (SELECT count(*)::int FROM theme t WHERE t.excerpt_url IN (SELECT url FROM found)) AS "themeExcerpts"`,
      [...this.params(s), mentionPattern(s)],
    );
    return rows[0];
  }

  posts(q: Queryable, s: Subject): Promise<SubjectPostRow[]> {
    return q.query(
      `SELECT p.id::text, s.key AS source, p.platform, p.conversation_id::text AS "conversationId", p.url, p.title,
         p.text, p.author_name AS "authorName", p.author_handle AS "authorHandle",
         p.author_profile_url AS "authorProfileUrl", p.author_followers AS "authorFollowers",
         p.published_at AS "publishedAt", p.fetched_at AS "fetchedAt", p.retired_as AS "retiredAs", ${HELD('p')} AS held
       FROM post p JOIN source s ON s.id = p.source_id WHERE ${POSTS_OF} ORDER BY p.published_at, p.id`,
      this.params(s),
    );
  }

  postIds(q: Queryable, s: Subject): Promise<string[]> {
    return q
      .query(`SELECT p.id::text FROM post p WHERE ${POSTS_OF} ORDER BY p.id`, this.params(s))
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  /** The engagements whose notes or reply name the subject, with the department they belong to. */
  engagements(
    q: Queryable,
    s: Subject,
  ): Promise<
    { id: string; department: string; occurredAt: Date; draft: string | null; outcomeNotes: string | null }[]
  > {
    return q.query(
      `SELECT e.id, d.key AS department, e.occurred_at AS "occurredAt", e.draft, e.outcome_notes AS "outcomeNotes"
       FROM engagement e JOIN department d ON d.id = e.department_id WHERE ${ENGAGEMENTS_OF} ORDER BY e.occurred_at`,
      [mentionPattern(s)],
    );
  }

  flaggedAuthors(
    q: Queryable,
    s: Subject,
  ): Promise<
    { department: string; platform: string; handle: string; kind: string; reason: string; createdAt: Date }[]
  > {
    return q.query(
      `SELECT d.key AS department, f.platform, f.handle, f.kind, f.reason, f.created_at AS "createdAt"
       FROM flagged_author f JOIN department d ON d.id = f.department_id
       WHERE ($1 = 'handle' AND lower(f.handle) = ANY($2::text[])) OR f.handle = ANY($3::text[])
       ORDER BY d.key, f.platform`,
      this.params(s),
    );
  }

  /** Writes `replacement` over the subject's name or handle in the engagements that name them; how many changed. */
  async redactEngagements(q: Queryable, s: Subject, replacement: string): Promise<number> {
    // An UPDATE or DELETE answers its rows and its count.
    const [rows]: [unknown[], number] = await q.query(
      `UPDATE engagement e SET draft = regexp_replace(e.draft, $1, $2, 'gi'),
         outcome_notes = regexp_replace(e.outcome_notes, $1, $2, 'gi')
       WHERE ${ENGAGEMENTS_OF} RETURNING e.id`,
      [mentionPattern(s), replacement],
    );
    return rows.length;
  }

  /**
   * Removes the subject's spam or bot flags (erasure, `tokenOf` null), or writes their token over the handle
   * (pseudonymising: the flag keeps working on their posts, which carry the same token); how many.
   */
  async forgetFlags(
    q: Queryable,
    s: Subject,
    tokenOf: ((platform: string, handle: string) => string) | null,
  ): Promise<number> {
    const where = `($1 = 'handle' AND lower(handle) = ANY($2::text[])) OR handle = ANY($3::text[])`;
    if (tokenOf === null) {
      const [rows]: [unknown[], number] = await q.query(
        `DELETE FROM flagged_author WHERE ${where} RETURNING id`,
        this.params(s),
      );
      return rows.length;
    }
    const flags: { id: string; platform: string; handle: string }[] = await q.query(
      `SELECT id, platform, handle FROM flagged_author WHERE ${where} FOR UPDATE`,
      this.params(s),
    );
    const rename = flags.map((f) => ({
      id: f.id,
      token: isAuthorToken(f.handle) ? f.handle : tokenOf(f.platform, f.handle),
    }));
    await q.query(
      `UPDATE flagged_author f SET handle = r.token FROM unnest($1::uuid[], $2::text[]) AS r(id, token) WHERE f.id = r.id`,
      [rename.map((r) => r.id), rename.map((r) => r.token)],
    );
    return flags.length;
  }

  /** Clears theme excerpts quoted from the posts of `postIds` (call before their links are cleared). */
  async clearExcerpts(q: Queryable, postIds: string[]): Promise<number> {
    const [rows]: [unknown[], number] = await q.query(
      `UPDATE theme SET excerpt = NULL, excerpt_url = NULL
       WHERE excerpt_url IN (SELECT url FROM post WHERE id = ANY($1::bigint[]) AND url IS NOT NULL) RETURNING id`,
      [postIds],
    );
    return rows.length;
  }

  async create(
    q: Queryable,
    r: { kind: SubjectKind; value: string; by: string | null; found: SubjectFindings },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO subject_request (kind, value, requested_by, found) VALUES ($1, $2, $3, $4) RETURNING id`,
      [r.kind, r.value, r.by, JSON.stringify(r.found)],
    );
    return rows[0].id;
  }

  /** Locks the request for its erasure, so two at once act once. */
  find(q: Queryable, id: string, lock = false): Promise<SubjectRequestRow | undefined> {
    return q
      .query(
        `SELECT ${COLUMNS} FROM subject_request r LEFT JOIN app_user u ON u.id = r.requested_by
         LEFT JOIN app_user du ON du.id = r.done_by WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
        [id],
      )
      .then((rows: SubjectRequestRow[]) => rows[0]);
  }

  async complete(
    q: Queryable,
    id: string,
    done: { outcome: 'erased' | 'pseudonymised'; counts: Record<string, number>; by: string | null },
  ): Promise<void> {
    await q.query(
      `UPDATE subject_request SET outcome = $2, done = $3, done_by = $4, done_at = now() WHERE id = $1`,
      [id, done.outcome, JSON.stringify(done.counts), done.by],
    );
  }

  list(q: Queryable, limit: number): Promise<SubjectRequestRow[]> {
    return q.query(
      `SELECT ${COLUMNS} FROM subject_request r LEFT JOIN app_user u ON u.id = r.requested_by
       LEFT JOIN app_user du ON du.id = r.done_by ORDER BY r.requested_at DESC LIMIT $1`,
      [limit],
    );
  }
}
