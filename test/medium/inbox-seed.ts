import type { Client } from 'pg';

/** A conversation in the inbox, written straight to the tables the pipeline fills (no fetching, no tagging). */
export type SeedConversation = {
  source: string;
  department: string;
  title: string;
  /** The posts' text, first the root; each post is dated `lastActivityAt` (or has no date when that is null). */
  posts?: string[];
  score?: number;
  route?: string;
  status?: string;
  assignee?: string | null;
  lastActivityAt?: Date | null;
  retired?: boolean;
  dueAt?: Date | null;
  dueSoonAt?: Date | null;
  /** When the department first answered in the thread. */
  firstResponseAt?: Date | null;
};

/** Inserts one conversation, its posts and its department's opportunity; returns the conversation and opportunity ids. */
export const seedConversation = async (
  db: Client,
  c: SeedConversation,
): Promise<{ conversationId: string; opportunityId: string }> => {
  const at = c.lastActivityAt === undefined ? new Date() : c.lastActivityAt;
  const posts = c.posts ?? [c.title];
  const {
    rows: [conversation],
  } = await db.query<{ id: string }>(
    `INSERT INTO conversation (source_id, root_external_id, title, post_count, participant_count, started_at,
       last_activity_at, tagged_version)
     SELECT s.id, gen_random_uuid()::text, $2, $3, 1, $4, $4, 1 FROM source s WHERE s.key = $1
     RETURNING id::text`,
    [c.source, c.title, posts.length, at],
  );
  if (!conversation) throw new Error(`no source "${c.source}"`);
  await db.query(
    `INSERT INTO post (source_id, external_id, conversation_id, platform, title, text, published_at, author_name)
     SELECT s.id, $2 || '-' || n, $2::bigint, 'web', CASE WHEN n = 1 THEN $3 END, t, $4, 'Member of the public'
     FROM source s, unnest($5::text[]) WITH ORDINALITY AS p(t, n) WHERE s.key = $1`,
    [c.source, conversation.id, c.title, at, posts],
  );
  const {
    rows: [opportunity],
  } = await db.query<{ id: string }>(
    `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, status, assignee_id,
       retired_at, first_public_post_at, due_at, due_soon_at, first_response_at)
     SELECT $1, d.id, $3, $4, 'Seeded for the test.', $5, $6, CASE WHEN $7 THEN now() END, $8, $9, $10, $11
     FROM department d WHERE d.key = $2
     RETURNING id::text`,
    [
      conversation.id,
      c.department,
      c.score ?? 50,
      c.route ?? 'public-info',
      c.retired ? 'retired' : (c.status ?? 'new'),
      c.assignee ?? null,
      c.retired ?? false,
      at,
      c.dueAt ?? null,
      c.dueSoonAt ?? null,
      c.firstResponseAt ?? null,
    ],
  );
  if (!opportunity) throw new Error(`no department "${c.department}"`);
  return { conversationId: conversation.id, opportunityId: opportunity.id };
};
