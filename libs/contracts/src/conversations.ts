import { z } from 'zod';
import {
  KEY_PATTERN,
  OPPORTUNITY_STATUSES,
  PLATFORMS,
  ROUTES,
  SIGNAL_KINDS,
  SLA_STATES,
} from '@parley/domain';
import { departmentKey } from './auth';
import { authorViewNoticeSchema } from './lawful-listening';
import { LIMITS, text } from './text';

/** `a,b` or a repeated parameter, as one list without blanks or repeats; nothing at all when empty. */
const splitList = (input: unknown): string[] | undefined => {
  if (input === undefined) return undefined;
  const parts = [input]
    .flat()
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return parts.length ? [...new Set(parts)] : undefined;
};

/**
 * A filter that takes several values, comma-separated (`status=new,assigned`) or repeated
 * (`status=new&status=assigned`); the message names the value that is not one of them.
 */
const anyOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.preprocess(
    splitList,
    z
      .array(
        z.enum(values, {
          error: (issue) =>
            `${name} is one of ${values.join(', ')} (not "${String(issue.input).slice(0, 40)}")`,
        }),
      )
      .optional(),
  );

const sourceKeys = z.preprocess(
  splitList,
  z
    .array(
      z.string().regex(KEY_PATTERN, {
        error: (issue) =>
          `source is a source key such as "news-forum" (not "${String(issue.input).slice(0, 40)}")`,
      }),
    )
    .max(LIMITS.sources, `source names at most ${LIMITS.sources} sources`)
    .optional(),
);

export const INBOX_SEARCH_MAX = 200;

export const conversationQuerySchema = z.object({
  department: departmentKey,
  sort: z.enum(['score', 'recent'], { error: 'sort is score or recent' }).default('score'),
  limit: z.coerce
    .number({ error: 'limit is a number from 1 to 100' })
    .int('limit is a whole number from 1 to 100')
    .min(1, 'limit is at least 1')
    .max(100, 'limit is at most 100')
    .default(25),
  // Cursors are short tokens the api hands out; 500 characters is far more than any of them.
  cursor: text({ what: 'a cursor', max: 500 }).optional(),
  /** Effective statuses: `retired` is an opportunity no rule supports any more. Without it: every live one. */
  status: anyOf('status', OPPORTUNITY_STATUSES),
  /** `me`, `nobody`, or a member's user id. */
  assignee: z
    .union([
      z.literal('me'),
      z.literal('nobody'),
      z.uuid({ error: 'assignee is "me", "nobody" or a user id' }),
    ])
    .optional(),
  route: anyOf('route', ROUTES),
  sla: anyOf('sla', SLA_STATES),
  source: sourceKeys,
  /** Words to find in the thread: "a phrase" in quotes, `or` between alternatives, `-word` to leave out. */
  q: text({ what: 'the search', max: INBOX_SEARCH_MAX }).optional(),
});
export type ConversationQuery = z.infer<typeof conversationQuerySchema>;

const tag = z.object({
  /** The opportunity: this conversation as this department works on it (`/api/opportunities/:id`). */
  opportunityId: z.string(),
  department: z.string(),
  /** Where the work stands; `retired` when no rule supports it any more. */
  status: z.enum(OPPORTUNITY_STATUSES),
  /** Who is working on it, if anyone. */
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** When the first response is due under the department's SLA; null when it has none (or it is not worked out yet). */
  dueAt: z.string().nullable(),
  /** How that promise stands now; null when there is none to keep (no SLA, already answered, or closed). */
  sla: z.enum(SLA_STATES).nullable(),
  /** Send it back as `expectedVersion` with a change (`/api/opportunities/...`): a stale one is refused with 409. */
  version: z.number(),
  score: z.number(),
  route: z.enum(ROUTES),
  routeReason: z.string(),
  rules: z.array(z.string()),
  signals: z.array(z.object({ kind: z.enum(SIGNAL_KINDS), detail: z.string() })),
  /** The department's public material most like the thread, best first (at most three). */
  resources: z.array(z.object({ title: z.string(), url: z.string(), similarity: z.number() })),
  /**
   * When the department's first-response clock started: the first public post, or in a thread the department
   * started, the first public reply. Null when no public post has a date. Always sent; optional so clients built
   * against the earlier contract still accept a tag without it.
   */
  firstPublicPostAt: z.string().nullable().optional(),
});

const engagement = z
  .object({ department: z.string(), firstResponseAt: z.string(), firstResponseSeconds: z.number() })
  .nullable();

export const conversationItemSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  source: z.string(),
  /** The source's name as the workspace gives it ("Sample data (offline replay): Travel Talk"); null when unnamed. */
  sourceName: z.string().nullable(),
  platform: z.enum(PLATFORMS),
  postCount: z.number(),
  participantCount: z.number(),
  startedAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  tags: z.array(tag),
  engagement,
});
export type ConversationItem = z.infer<typeof conversationItemSchema>;
export type ConversationTag = z.infer<typeof tag>;

export const conversationPageSchema = z.object({
  items: z.array(conversationItemSchema),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

export const threadPostSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  author: z.object({ name: z.string().nullable(), handle: z.string().nullable() }),
  publishedAt: z.string().nullable(),
  /** Empty while `withheld`. */
  text: z.string(),
  inReplyTo: z.string().nullable(),
  byDepartment: z.string().nullable(),
  /**
   * The `author` of an `authorViews` notice whose posts are withheld until the caller records a reason; null when
   * the post is shown.
   */
  withheld: z.string().nullable(),
});
export type ThreadPost = z.infer<typeof threadPostSchema>;

export const conversationDetailSchema = conversationItemSchema.extend({
  posts: z.array(threadPostSchema),
  /** Members of the public in this thread whom the caller has opened often lately (none: nothing to say). */
  authorViews: z.array(authorViewNoticeSchema),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;
