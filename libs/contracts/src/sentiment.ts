import { z } from 'zod';
import { departmentKey } from './auth';
import { strictObject } from './strict-object';

export const sentimentLabelSchema = z.enum(['negative', 'neutral', 'positive'], {
  error: 'the label is negative, neutral or positive',
});

export const sentimentDepartmentQuerySchema = z.object({ department: departmentKey });

/** One post to label. The classifier's reading is left out on purpose, so it cannot sway the person. */
export const sentimentSamplePostSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  platform: z.string(),
  author: z.string(),
  /** Plain text, at most a few hundred characters. */
  text: z.string(),
  publishedAt: z.string(),
});
export const sentimentSampleSchema = z.object({ items: z.array(sentimentSamplePostSchema) });
export type SentimentSample = z.infer<typeof sentimentSampleSchema>;
export type SentimentSamplePost = z.infer<typeof sentimentSamplePostSchema>;

export const sentimentLabelRequestSchema = strictObject({ label: sentimentLabelSchema });
export type SentimentLabelRequest = z.infer<typeof sentimentLabelRequestSchema>;

/**
 * The classifier against people's labels in one department: accuracy with its 95% Wilson interval, and macro
 * recall (mean recall over the classes people used). Null when nobody has labelled a post it classified.
 */
export const sentimentAccuracySchema = z.object({
  n: z.number().int(),
  accuracy: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  macroRecall: z.number().nullable(),
});
export type SentimentAccuracy = z.infer<typeof sentimentAccuracySchema>;

export const sentimentAccuracyResponseSchema = z.object({
  classifier: z.string(),
  accuracy: sentimentAccuracySchema.nullable(),
});
export type SentimentAccuracyResponse = z.infer<typeof sentimentAccuracyResponseSchema>;

export const sentimentLabelResponseSchema = z.object({
  postId: z.string(),
  label: sentimentLabelSchema,
  accuracy: sentimentAccuracySchema.nullable(),
});
export type SentimentLabelResponse = z.infer<typeof sentimentLabelResponseSchema>;

/** `net_sentiment`'s detail (metricValueSchema.detail). */
export const netSentimentDetailSchema = z.object({
  counts: z.object({ negative: z.number().int(), neutral: z.number().int(), positive: z.number().int() }),
  accuracy: sentimentAccuracySchema.nullable(),
  classifier: z.string(),
});
export type NetSentimentDetail = z.infer<typeof netSentimentDetailSchema>;
