import { z } from 'zod';
import { departmentKey } from './auth';

export const themesQuerySchema = z.object({
  department: departmentKey,
  from: z.string().max(40),
  to: z.string().max(40),
  compare: z.enum(['previous', 'none'], { error: 'compare is previous or none' }).default('previous'),
});
export type ThemesQuery = z.infer<typeof themesQuerySchema>;

/**
 * One theme of a department's on-topic posts. `id` is stable across windows (the same theme keeps its id, so its
 * change can be shown); `share` is its mentions ÷ on-topic mentions ×100 (null when there are none) and `change`
 * the difference in points from the comparison period.
 */
export const themeSchema = z.object({
  id: z.string(),
  label: z.string(),
  keyphrases: z.array(z.string()),
  mentions: z.number().int(),
  share: z.number().nullable(),
  previousShare: z.number().nullable(),
  change: z.number().nullable(),
  smallSample: z.boolean(),
  /** A short representative excerpt with personal data removed; null when no post is fit to quote. */
  excerpt: z.object({ text: z.string(), url: z.string().nullable() }).nullable(),
});
export type Theme = z.infer<typeof themeSchema>;

export const themesResponseSchema = z.object({
  definitionsVersion: z.string(),
  department: departmentKey,
  window: z.object({ from: z.string(), to: z.string() }),
  compare: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** On-topic mentions in the window: the denominator of every share. */
  onTopic: z.number().int(),
  /** How themes are found, in plain words, for the report's method section. */
  method: z.string(),
  themes: z.array(themeSchema),
});
export type ThemesResponse = z.infer<typeof themesResponseSchema>;
