import { z } from 'zod';
import { PLATFORMS, ROUTES, SIGNAL_KINDS } from '@parley/domain';
import { departmentKey } from './auth';
import { text } from './text';

export const conversationQuerySchema = z.object({
  department: departmentKey,
  sort: z.enum(['score', 'recent']).default('score'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  // Cursors are short tokens the api hands out; 500 characters is far more than any of them.
  cursor: text({ what: 'a cursor', max: 500 }).optional(),
});
export type ConversationQuery = z.infer<typeof conversationQuerySchema>;

const tag = z.object({
  /** The opportunity: this conversation as this department works on it (`/api/opportunities/:id`). */
  opportunityId: z.string(),
  department: z.string(),
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
  text: z.string(),
  inReplyTo: z.string().nullable(),
  byDepartment: z.string().nullable(),
});
export type ThreadPost = z.infer<typeof threadPostSchema>;

export const conversationDetailSchema = conversationItemSchema.extend({ posts: z.array(threadPostSchema) });
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;
