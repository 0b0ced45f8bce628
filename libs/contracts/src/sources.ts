import { z } from 'zod';
import { SOURCE_TYPES } from '@parley/domain';

export const sourceWithHealthSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string().nullable(),
  type: z.enum(SOURCE_TYPES),
  url: z.string(),
  interval: z.string(),
  enabled: z.boolean(),
  department: z.string().nullable(),
  health: z.object({
    lastFetchAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    /** What a person should know about the last fetch that worked, e.g. a feed read only up to where it was cut off. */
    lastWarning: z.string().nullable(),
    postCount: z.number(),
    /** Posts first seen in the last 7 days, per day. */
    postsPerDay: z.number(),
    consecutiveFailures: z.number(),
    nextRunAt: z.string().nullable(),
  }),
});
export type SourceWithHealth = z.infer<typeof sourceWithHealthSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.boolean(),
  redis: z.boolean(),
});
export type Health = z.infer<typeof healthSchema>;

export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** On a 409 for a change made from an older version: the version now stored. */
  currentVersion: z.number().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
