import type { Queryable } from '../queryable';

/** A conversation as first seen: its root and the counts of the posts arriving with it. */
export type NewConversation = {
  root: string;
  title: string | null;
  url: string | null;
  postCount: number;
  participants: number;
  startedAt: Date | null;
  lastActivityAt: Date | null;
};

export type ConversationRow = {
  id: string;
  title: string | null;
  url: string | null;
  source: string;
  sourceName: string | null;
  platform: string;
  postCount: number;
  participantCount: number;
  startedAt: Date | null;
  lastActivityAt: Date | null;
};

export type TagRow = {
  conversationId: string;
  opportunityId: string;
  department: string;
  score: number;
  route: string;
  routeReason: string;
  rules: { key: string; version: number }[];
  signals: { kind: string; detail: string; weight: number }[];
  resources: { title: string; url: string; similarity: number }[];
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
  firstPublicPostAt: Date | null;
  /** Set when no rule supports the opportunity any more: kept for history, out of the inbox. */
  retiredAt: Date | null;
  status: string;
  assignee: { id: string; name: string } | null;
  dueAt: Date | null;
  dueSoonAt: Date | null;
  version: number;
};

/** When the public posted in a conversation, oldest first: what time-dependent signals are worked out from. */
export type PublicPostTimes = { conversationId: string; times: Date[] };

export type ThreadPostRow = {
  id: string;
  externalId: string;
  url: string | null;
  platform: string;
  authorName: string | null;
  authorHandle: string | null;
  publishedAt: Date | null;
  text: string;
  inReplyTo: string | null;
  byDepartment: string | null;
};

export type InboxSort = 'score' | 'recent';
/** Where the last page ended: the sort value of its last row (null: a conversation with no known activity) and id. */
export type InboxCursor = { sort: InboxSort; value: number | string | null; id: string };
export type SlaFilter = 'ok' | 'due-soon' | 'overdue';
/** What narrows an inbox; an absent filter narrows nothing. Lists match any of their values. */
export type InboxFilters = {
  /** Effective statuses (`retired` when retired_at is set); absent: every live one, as the inbox always showed. */
  statuses?: string[];
  assignee?: { userId: string } | 'nobody';
  routes?: string[];
  sla?: SlaFilter[];
  /** Source keys. */
  sources?: string[];
  /** Text search over the thread's posts, in websearch syntax ("quoted phrase", or, -not). */
  search?: string;
};
/** An inbox row, with the value it was sorted by (what the next page's cursor starts after). */
export type InboxRow = ConversationRow & { sortValue: number | string | null };
export type InboxQuery = {
  departmentId: string;
  sort: InboxSort;
  limit: number;
  after: InboxCursor | null;
  filters: InboxFilters;
  /** The clock SLA states are read against. */
  now: Date;
};

const CONVERSATION_COLUMNS = `c.id::text AS id, c.title, c.url, s.key AS source, s.name AS "sourceName", p.platform, c.post_count AS "postCount",
  c.participant_count AS "participantCount", c.started_at AS "startedAt", c.last_activity_at AS "lastActivityAt"`;
/** Driven from the live opportunities, far fewer than the conversations. */
const STALE_CONVERSATIONS = `SELECT DISTINCT o.conversation_id AS id
  FROM opportunity o, jsonb_to_recordset(o.rules) AS r(key text, version int)
  WHERE o.retired_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM listening_rule lr
    WHERE lr.department_id = o.department_id AND lr.key = r.key AND lr.version = r.version AND lr.enabled)`;
const ROOT_POST = `LEFT JOIN LATERAL (SELECT platform FROM post WHERE conversation_id = c.id ORDER BY id LIMIT 1) p ON true`;

/** Positional query parameters, numbered as they are added. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const SORT_KEYS: Record<InboxSort, string> = { score: 'o.score', recent: 'c.last_activity_at' };
/** The sort value as the cursor keeps it: the time to the microsecond, so no row that shares the millisecond is lost. */
const SORT_VALUES: Record<InboxSort, string> = {
  score: 'o.score',
  recent: `to_char(c.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};
const EFFECTIVE_STATUS = `(CASE WHEN o.retired_at IS NOT NULL THEN 'retired' ELSE o.status END)`;
/** Statuses whose first-response clock still runs (OPEN_STATUSES in the domain's workflow). */
const OPEN = `('new', 'assigned', 'drafting', 'in-clearance', 'approved')`;

/**
 * Each SLA state as a condition on the deadlines, so an index on due_at can serve it. The same rule as the domain's
 * slaState: no state once answered, closed or without a deadline; overdue from due_at, due soon from due_soon_at.
 */
const slaCondition = (state: SlaFilter, now: string): string =>
  ({
    overdue: `o.due_at <= ${now}`,
    'due-soon': `o.due_at > ${now} AND o.due_soon_at <= ${now}`,
    ok: `o.due_at > ${now} AND (o.due_soon_at IS NULL OR o.due_soon_at > ${now})`,
  })[state];

/**
 * The effective status (`retired` once retired_at is set) as conditions on the stored one, so the status index
 * serves the usual case of live work.
 */
const statusCondition = (statuses: string[] | undefined, p: Parameters): string => {
  if (!statuses) return 'o.retired_at IS NULL';
  const live = `(o.status = ANY(${p.add(statuses)}::text[]) AND o.retired_at IS NULL)`;
  return statuses.includes('retired') ? `(${live} OR o.retired_at IS NOT NULL)` : live;
};

const filterConditions = (f: InboxFilters, clock: Date, p: Parameters): string[] => {
  const conditions: string[] = [];
  conditions.push(statusCondition(f.statuses, p));
  if (f.assignee === 'nobody') conditions.push('o.assignee_id IS NULL');
  else if (f.assignee) conditions.push(`o.assignee_id = ${p.add(f.assignee.userId)}::uuid`);
  if (f.routes) conditions.push(`o.route = ANY(${p.add(f.routes)}::text[])`);
  if (f.sources) conditions.push(`s.key = ANY(${p.add(f.sources)}::text[])`);
  if (f.sla) {
    const now = `${p.add(clock)}::timestamptz`;
    conditions.push(
      `o.retired_at IS NULL AND o.first_response_at IS NULL AND o.status IN ${OPEN}`,
      `(${f.sla.map((state) => `(${slaCondition(state, now)})`).join(' OR ')})`,
    );
  }
  if (f.search) {
    // Posts first (the GIN index on search_vector), then their conversations.
    conditions.push(`o.conversation_id IN (
      SELECT sp.conversation_id FROM post sp
      WHERE sp.search_vector @@ websearch_to_tsquery('english', ${p.add(f.search)}) AND sp.deleted_at IS NULL)`);
  }
  return conditions;
};

/**
 * Rows after the cursor in `ORDER BY key DESC NULLS LAST, id DESC`. A row comparison alone would drop every row
 * whose key is null (a comparison with null is never true), so those are added back after the last dated row.
 */
const keysetAfter = (sort: InboxSort, after: InboxCursor, p: Parameters): string => {
  const id = `${p.add(after.id)}::bigint`;
  if (sort === 'score') return `(o.score, o.conversation_id) < (${p.add(after.value)}::int, ${id})`;
  if (after.value === null) return `(c.last_activity_at IS NULL AND o.conversation_id < ${id})`;
  const value = `${p.add(after.value)}::timestamptz`;
  return `((c.last_activity_at, o.conversation_id) < (${value}, ${id}) OR c.last_activity_at IS NULL)`;
};

/** Gives the conversations a page query selects a new version, so they are tagged afresh; in id order. */
const bumpVersions = async (
  q: Queryable,
  page: string,
  parameters: unknown[],
): Promise<{ id: string; contentVersion: number }[]> => {
  const [rows]: [{ id: string; contentVersion: number }[], number] = await q.query(
    `UPDATE conversation c SET content_version = c.content_version + 1 FROM (${page}) page
     WHERE c.id = page.id RETURNING c.id::text, c.content_version AS "contentVersion"`,
    parameters,
  );
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
};

/** Threads of posts, and what the inbox and the conversation page read of them. */
export class ConversationRepository {
  /** Creates the conversations that do not exist yet and returns the id of every root asked for. */
  /**
   * Creates the conversations that do not exist yet, already counted from the posts that start them, and returns
   * every root's id with whether it was created now. Only conversations that existed before need recounting.
   */
  async upsertRoots(
    q: Queryable,
    sourceId: string,
    roots: NewConversation[],
  ): Promise<Map<string, { id: string; created: boolean }>> {
    const rows: { id: string; root: string; created: boolean }[] = await q.query(
      `INSERT INTO conversation (source_id, root_external_id, title, url, post_count, participant_count, started_at,
         last_activity_at)
       SELECT $1, r.root, r.title, r.url, r."postCount", r.participants, r."startedAt", r."lastActivityAt"
       FROM jsonb_to_recordset($2::jsonb) AS r(root text, title text, url text, "postCount" int, participants int,
         "startedAt" timestamptz, "lastActivityAt" timestamptz)
       ORDER BY r.root
       ON CONFLICT (source_id, root_external_id) DO UPDATE SET updated_at = now()
       RETURNING id::text, root_external_id AS root, (xmax = 0) AS created`,
      [sourceId, JSON.stringify(roots)],
    );
    return new Map(rows.map((r) => [r.root, { id: r.id, created: r.created }]));
  }

  /** Recounts the threads that gained posts and marks them for (re)tagging by bumping the content version. */
  async refreshAfterIngest(q: Queryable, ids: string[]): Promise<{ id: string; contentVersion: number }[]> {
    const [rows]: [{ id: string; contentVersion: number }[], number] = await q.query(
      `UPDATE conversation c SET
         post_count = agg.posts, participant_count = agg.participants, started_at = agg.first_at,
         last_activity_at = agg.last_at, title = coalesce(root.title, c.title), url = coalesce(root.url, c.url),
         content_version = c.content_version + 1, updated_at = now()
       FROM (
         SELECT conversation_id, count(*)::int AS posts,
           count(DISTINCT coalesce(author_handle, author_name))::int AS participants,
           min(published_at) AS first_at, max(coalesce(published_at, fetched_at)) AS last_at
         FROM post WHERE conversation_id = ANY($1::bigint[]) GROUP BY conversation_id
       ) agg
       LEFT JOIN LATERAL (
         SELECT p.title, p.url FROM post p JOIN conversation cc ON cc.id = agg.conversation_id
         WHERE p.source_id = cc.source_id AND p.external_id = cc.root_external_id
       ) root ON true
       WHERE c.id = agg.conversation_id
       RETURNING c.id::text, c.content_version AS "contentVersion"`,
      [ids],
    );
    return rows;
  }

  /**
   * Whether some conversation waits for tagging that no tagger is working on now (rows being tagged are locked
   * until their chunk commits, and their tagger finishes them).
   */
  async hasUnclaimedPendingTagging(q: Queryable): Promise<boolean> {
    const rows = await q.query(
      `SELECT id FROM conversation WHERE content_version > tagged_version ORDER BY source_id LIMIT 1
       FOR NO KEY UPDATE SKIP LOCKED`,
    );
    return rows.length > 0;
  }

  /**
   * How many conversations wait for tagging, counted up to `upTo` so a large backlog costs no more to measure.
   * These queries order by source_id so they read the conversation_tag_pending index (see TaggingRepository.claimPending).
   */
  countPendingTagging(q: Queryable, upTo: number): Promise<number> {
    return q
      .query(
        `SELECT count(*)::int AS n FROM (
           SELECT 1 FROM conversation WHERE content_version > tagged_version ORDER BY source_id LIMIT $1
         ) pending`,
        [upTo],
      )
      .then((rows: { n: number }[]) => rows[0].n);
  }

  /**
   * The newest conversation's id (0 when there is none). Ids only grow, so a re-tagging that starts after a rule
   * change can stop here: every conversation after it is tagged, when it arrives, by the rules already changed.
   */
  newestId(q: Queryable): Promise<string> {
    return q
      .query(`SELECT coalesce(max(id), 0)::text AS id FROM conversation`)
      .then((rows: { id: string }[]) => rows[0].id);
  }

  countActiveSince(q: Queryable, since: Date, throughId: string): Promise<number> {
    return q
      .query(`SELECT count(*)::int AS n FROM conversation WHERE last_activity_at >= $1 AND id <= $2`, [
        since,
        throughId,
      ])
      .then((rows: { n: number }[]) => rows[0].n);
  }

  /**
   * The next page of conversations active since `since`, up to `throughId`, each given a new version so it is
   * tagged afresh.
   */
  bumpActivePage(
    q: Queryable,
    window: { since: Date; throughId: string },
    afterId: string,
    limit: number,
  ): Promise<{ id: string; contentVersion: number }[]> {
    return bumpVersions(
      q,
      `SELECT id FROM conversation WHERE last_activity_at >= $1 AND id > $2 AND id <= $3 ORDER BY id LIMIT $4`,
      [window.since, afterId, window.throughId, limit],
    );
  }

  /**
   * Conversations holding a live opportunity that rests on a rule no longer in force as it was (disabled, removed or
   * changed since), however old: re-tagging them retires what no rule supports any more.
   */
  countStale(q: Queryable): Promise<number> {
    return q
      .query(`SELECT count(*)::int AS n FROM (${STALE_CONVERSATIONS}) stale`)
      .then((rows: { n: number }[]) => rows[0].n);
  }

  /** The next page of conversations `countStale` counts, each given a new version so it is tagged afresh. */
  bumpStalePage(
    q: Queryable,
    afterId: string,
    limit: number,
  ): Promise<{ id: string; contentVersion: number }[]> {
    return bumpVersions(
      q,
      `SELECT id FROM (${STALE_CONVERSATIONS}) stale WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  }

  /**
   * One page of a department's inbox: conversations with an opportunity at or above its threshold (or referred
   * here by another department: a person chose to send it) that pass the filters, keyset-paginated. By recent activity, conversations with no known activity come last, in id order.
   */
  inboxPage(q: Queryable, query: InboxQuery): Promise<InboxRow[]> {
    const p = new Parameters();
    const department = p.add(query.departmentId);
    const conditions = [
      `o.department_id = ${department}`,
      '(o.score >= d.inbox_threshold OR o.referred_from_id IS NOT NULL)',
      ...filterConditions(query.filters, query.now, p),
      ...(query.after ? [keysetAfter(query.sort, query.after, p)] : []),
    ];
    const key = SORT_KEYS[query.sort];
    // The page is chosen first and only its rows are dressed (root post, source): the lateral root-post lookup
    // would otherwise run for every conversation that passes the filters, not just the page.
    return q.query(
      `SELECT ${CONVERSATION_COLUMNS}, page."sortValue"
       FROM (
         SELECT o.conversation_id, ${key} AS sort_key, ${SORT_VALUES[query.sort]} AS "sortValue"
         FROM opportunity o
         JOIN department d ON d.id = o.department_id
         JOIN conversation c ON c.id = o.conversation_id
         JOIN source s ON s.id = c.source_id
         WHERE ${conditions.join(' AND ')}
         ORDER BY ${key} DESC NULLS LAST, o.conversation_id DESC
         LIMIT ${p.add(query.limit)}
       ) page
       JOIN conversation c ON c.id = page.conversation_id
       JOIN source s ON s.id = c.source_id
       ${ROOT_POST}
       ORDER BY page.sort_key DESC NULLS LAST, page.conversation_id DESC`,
      p.values,
    );
  }

  /** How many terms a search has once Postgres has read it: none when every word is too common to search for. */
  searchTermCount(q: Queryable, search: string): Promise<number> {
    return q
      .query(`SELECT numnode(websearch_to_tsquery('english', $1))::int AS n`, [search])
      .then((rows: { n: number }[]) => rows[0].n);
  }

  findById(q: Queryable, id: string): Promise<ConversationRow | undefined> {
    return q
      .query(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversation c JOIN source s ON s.id = c.source_id ${ROOT_POST} WHERE c.id = $1`,
        [id],
      )
      .then((rows: ConversationRow[]) => rows[0]);
  }

  tagsOf(q: Queryable, conversationIds: string[], departmentIds: string[] | null): Promise<TagRow[]> {
    return q.query(
      `SELECT o.conversation_id::text AS "conversationId", o.id AS "opportunityId", d.key AS department, o.score, o.route, o.route_reason AS "routeReason",
         o.rules, o.signals, o.resources, o.first_response_at AS "firstResponseAt", o.first_response_seconds AS "firstResponseSeconds",
         o.first_public_post_at AS "firstPublicPostAt", o.retired_at AS "retiredAt", ${EFFECTIVE_STATUS} AS status,
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS assignee,
         o.due_at AS "dueAt", o.due_soon_at AS "dueSoonAt", o.version
       FROM opportunity o JOIN department d ON d.id = o.department_id LEFT JOIN app_user u ON u.id = o.assignee_id
       WHERE o.conversation_id = ANY($1::bigint[]) AND ($2::uuid[] IS NULL OR o.department_id = ANY($2::uuid[]))
       ORDER BY o.score DESC, d.key`,
      [conversationIds, departmentIds],
    );
  }

  publicPostTimes(q: Queryable, conversationIds: string[]): Promise<PublicPostTimes[]> {
    return q.query(
      `SELECT conversation_id::text AS "conversationId", array_agg(published_at ORDER BY published_at) AS times
       FROM post WHERE conversation_id = ANY($1::bigint[]) AND by_department_id IS NULL AND deleted_at IS NULL
         AND published_at IS NOT NULL
       GROUP BY conversation_id`,
      [conversationIds],
    );
  }

  /** The thread in reading order: by time, then by arrival for posts that share a time or have none. */
  postsOf(q: Queryable, conversationId: string): Promise<ThreadPostRow[]> {
    return q.query(
      `SELECT p.id::text, p.external_id AS "externalId", p.url, p.platform, p.author_name AS "authorName",
         p.author_handle AS "authorHandle",
         p.published_at AS "publishedAt", CASE WHEN p.deleted_at IS NULL THEN p.text ELSE '' END AS text,
         p.in_reply_to AS "inReplyTo", d.key AS "byDepartment"
       FROM post p LEFT JOIN department d ON d.id = p.by_department_id
       WHERE p.conversation_id = $1 ORDER BY p.published_at NULLS FIRST, p.id`,
      [conversationId],
    );
  }
}
