import { z } from 'zod';

/** The parts of Discourse's JSON API the connector reads; unknown fields are ignored. */
export const latestSchema = z.object({
  topic_list: z.object({
    topics: z.array(z.unknown()),
    more_topics_url: z.string().nullish(),
  }),
});

export const topicSummarySchema = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  bumped_at: z.string().nullish(),
  last_posted_at: z.string().nullish(),
  archetype: z.string().nullish(),
  pinned: z.boolean().nullish(),
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const topicSchema = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  post_stream: z.object({
    posts: z.array(z.unknown()),
    stream: z.array(z.number()).nullish(),
  }),
});
export type Topic = z.infer<typeof topicSchema>;

export const postsSchema = z.object({ post_stream: z.object({ posts: z.array(z.unknown()) }) });

export const postSchema = z.object({
  id: z.number(),
  name: z.string().nullish(),
  username: z.string(),
  created_at: z.string(),
  cooked: z.string().nullish(),
  post_number: z.number(),
  post_type: z.number().nullish(),
  reply_to_post_number: z.number().nullish(),
  reply_count: z.number().nullish(),
  topic_id: z.number(),
  like_count: z.number().nullish(),
  actions_summary: z.array(z.object({ id: z.number(), count: z.number().nullish() })).nullish(),
});
export type DiscoursePost = z.infer<typeof postSchema>;

// Discourse's post types: 1 regular, 2 moderator action, 3 small action ("closed this topic"), 4 whisper.
export const SPOKEN_POST_TYPES = new Set([1, 2]);

// The action type id Discourse uses for a like.
export const LIKE_ACTION = 2;
