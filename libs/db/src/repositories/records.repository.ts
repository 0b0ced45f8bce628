import type { EngagementRecord } from '@parley/domain';
import type { Queryable } from '../queryable';

/** A time as ISO 8601 in UTC to the microsecond (so a keyset cursor is exact), the same whatever the session's time zone. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type RecordsPageQuery = {
  departmentId: string;
  from: Date;
  to: Date;
  /** Keyset: records after this one (by the time it was posted, then id). */
  after: { postedAt: string; id: string } | null;
  limit: number;
};

/** A record as the database assembles it; the service adds where its conversation's FOI bundle is downloaded. */
export type EngagementRecordRow = Omit<EngagementRecord, 'conversation'> & {
  conversation: Omit<EngagementRecord['conversation'], 'bundleUrl'>;
};

const DRAFT_TRAIL = `CASE WHEN d.id IS NULL THEN NULL ELSE jsonb_build_object(
  'versions', coalesce((SELECT jsonb_agg(jsonb_build_object('version', v.version, 'savedBy', vu.name,
      'savedAt', ${iso('v.saved_at')}, 'text', v.text) ORDER BY v.version)
    FROM draft_version v LEFT JOIN app_user vu ON vu.id = v.saved_by WHERE v.draft_id = d.id), '[]'),
  'clearance', coalesce((SELECT jsonb_agg(jsonb_build_object('version', c.draft_version, 'submittedBy', cu.name,
      'submittedAt', ${iso('c.submitted_at')}, 'closedAt', ${iso('c.closed_at')}, 'outcome', c.outcome,
      'reviews', coalesce((SELECT jsonb_agg(jsonb_build_object('reviewer', ru.name, 'role', r.role,
          'decision', r.decision, 'comment', r.comment, 'at', ${iso('r.at')}) ORDER BY r.at, r.id)
        FROM draft_review r LEFT JOIN app_user ru ON ru.id = r.reviewer_id WHERE r.clearance_id = c.id), '[]'))
      ORDER BY c.submitted_at, c.id)
    FROM draft_clearance c LEFT JOIN app_user cu ON cu.id = c.submitted_by WHERE c.draft_id = d.id), '[]')) END`;

/**
 * The department's own replies as records: those recorded or published through Parley (not posts tagging
 * detected, nor publishing attempts that never went out), each with its context read where Parley keeps it — the
 * engagement, its conversation, the post it answered, and its opportunity's draft with every version and clearance
 * (a reply recorded by hand does not name the draft it came from, so the draft is found by its opportunity).
 */
export class RecordsRepository {
  page(q: Queryable, query: RecordsPageQuery): Promise<EngagementRecordRow[]> {
    return q.query(
      `SELECT e.id, e.kind, CASE WHEN e.publish_state = 'published' THEN 'published' ELSE 'recorded' END AS how,
         e.mode, e.route, e.platform, e.account_handle AS account, e.url, ${iso('e.occurred_at')} AS "postedAt",
         e.draft AS text, e.outcome_notes AS outcome, e.closes_loop AS "closesLoop",
         jsonb_build_object('name', u.name, 'email', u.email) AS "recordedBy", ${iso('e.created_at')} AS "recordedAt",
         jsonb_build_object('id', c.id::text, 'title', c.title, 'url', c.url, 'source', s.key) AS conversation,
         CASE WHEN e.kind = 'original-post' OR target.id IS NULL THEN NULL ELSE jsonb_build_object(
           'url', target.url, 'author', target.author_name, 'handle', target.author_handle,
           'publishedAt', ${iso('target.published_at')},
           'text', CASE WHEN target.deleted_at IS NULL THEN target.text ELSE '' END) END AS "repliedTo",
         ${DRAFT_TRAIL} AS draft
       FROM engagement e
       JOIN conversation c ON c.id = e.conversation_id
       JOIN source s ON s.id = c.source_id
       LEFT JOIN app_user u ON u.id = coalesce(e.published_by, e.recorded_by)
       LEFT JOIN draft d ON d.opportunity_id = e.opportunity_id
       LEFT JOIN post own ON own.id = e.post_id
       LEFT JOIN LATERAL (
         SELECT p.* FROM post p
         WHERE p.source_id = c.source_id AND p.external_id = coalesce(own.in_reply_to, c.root_external_id)
         LIMIT 1) target ON true
       WHERE e.department_id = $1 AND e.kind <> 'detected'
         AND (e.publish_state IS NULL OR e.publish_state = 'published')
         AND e.occurred_at >= $2 AND e.occurred_at < $3
         AND ($4::timestamptz IS NULL OR (e.occurred_at, e.id) > ($4::timestamptz, $5::uuid))
       ORDER BY e.occurred_at, e.id LIMIT $6`,
      [
        query.departmentId,
        query.from,
        query.to,
        query.after?.postedAt ?? null,
        query.after?.id ?? null,
        query.limit,
      ],
    );
  }
}
