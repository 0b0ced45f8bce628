import { z } from 'zod';
import { EMAIL_CHOICE_REASONS, NOTICE_REASONS, WEBHOOK_REASONS } from '@parley/domain';
import { strictObject } from './strict-object';
import { LIMITS, list, text } from './text';

const reason = z.enum(NOTICE_REASONS, `choose from ${NOTICE_REASONS.join(', ')}`);
const emailReason = z.enum(EMAIL_CHOICE_REASONS, `choose from ${EMAIL_CHOICE_REASONS.join(', ')}`);
const webhookReason = z.enum(WEBHOOK_REASONS, `choose from ${WEBHOOK_REASONS.join(', ')}`);

/** Something that happened which concerns the caller, with where to go to see it. */
export const notificationSchema = z.object({
  id: z.string(),
  reason,
  /** One line saying what happened: "Priya assigned “Ferry timetable” to you". */
  text: z.string(),
  at: z.string(),
  read: z.boolean(),
  department: z.string(),
  /** Null for a notice about an evaluation follow-up, which concerns an exercise rather than a conversation. */
  opportunityId: z.string().nullable(),
  conversationId: z.string().nullable(),
  /** For `alert-raised`: the alert; null for a digest of several (see the department's alerts). */
  alertId: z.string().nullable(),
  /** For a notice about a listening rule (one that follows a named person), the rule's key in `department`. */
  rule: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, 'the cursor is the nextCursor of an earlier page')
    .optional()
    .describe('The nextCursor of the page before.'),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  /** How many of the caller's notifications are unread, across every page. */
  unread: z.number(),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

/** Marks some notifications read (`ids`), or every one of the caller's (`all: true`). */
export const markReadRequestSchema = strictObject({
  ids: list(z.string().regex(/^[1-9][0-9]{0,17}$/, 'a notification id'), {
    what: 'notifications',
    within: 'one request',
    max: 500,
  }).optional(),
  all: z.literal(true).optional(),
}).refine((r) => (r.ids === undefined) !== (r.all === undefined), {
  message: 'send either ids (the notifications to mark read) or all: true',
});
export type MarkReadRequest = z.infer<typeof markReadRequestSchema>;

export const unreadCountSchema = z.object({ unread: z.number() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** The reasons a person gets by email; everything reaches them in Parley itself regardless. */
export const notificationPreferencesSchema = z.object({
  email: z.record(emailReason, z.boolean()),
  /** False when this Parley sends no email at all (no PARLEY_SMTP_URL): choices are kept for when it does. */
  emailAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const savePreferencesRequestSchema = strictObject({
  email: z.partialRecord(emailReason, z.boolean('say true or false for each reason')),
});
export type SavePreferencesRequest = z.infer<typeof savePreferencesRequestSchema>;

const webhookName = text({ what: 'a webhook name', max: LIMITS.name, required: 'give the webhook a name' });
const webhookUrl = text({ what: 'a webhook URL', max: LIMITS.url, required: 'enter the webhook URL' });
const signingSecret = z
  .string()
  .min(16, 'a signing secret is at least 16 characters')
  .max(LIMITS.setting, `a signing secret is at most ${LIMITS.setting} characters`);
const reasons = z
  .array(webhookReason)
  .min(1, 'choose at least one kind of event to post')
  .max(WEBHOOK_REASONS.length);

/**
 * A department's incoming webhook (Slack, Teams or your own receiver). The URL and the signing secret are never
 * shown again: a Slack or Teams webhook URL is itself a credential.
 */
export const webhookSchema = z.object({
  id: z.string(),
  department: z.string(),
  name: z.string(),
  /** Where it posts, scheme and host only. */
  host: z.string(),
  reasons: z.array(webhookReason),
  enabled: z.boolean(),
  /** Whether deliveries are signed (`X-Parley-Signature`). */
  secret: z.object({ set: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const createWebhookRequestSchema = strictObject({
  name: webhookName,
  url: webhookUrl,
  reasons,
  enabled: z.boolean().default(true),
  /** Signs each delivery with HMAC-SHA256; without one, deliveries are not signed. */
  secret: signingSecret.optional(),
});
export type CreateWebhookRequest = z.infer<typeof createWebhookRequestSchema>;

/** A change to a webhook: the URL and secret are kept unless sent; `secret: null` stops signing. */
export const updateWebhookRequestSchema = strictObject({
  name: webhookName,
  url: webhookUrl.optional(),
  reasons,
  enabled: z.boolean('say whether the webhook is on'),
  secret: signingSecret.nullable().optional(),
});
export type UpdateWebhookRequest = z.infer<typeof updateWebhookRequestSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  /** The opportunity event told about; null for a follow-up come due (then `followUpId`). */
  eventId: z.string().nullable(),
  followUpId: z.string().nullable(),
  reason: webhookReason,
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  /** The receiver's last HTTP status; null when it never answered. */
  statusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** A live-stream message: something changed on an opportunity the caller can read; refetch what shows it. */
export const liveEventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  department: z.string(),
  opportunityId: z.string(),
  conversationId: z.string(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

export const liveStreamQuerySchema = z.object({
  stay: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(600)
    .describe(
      'Seconds the stream stays open before the server ends it (the browser reconnects with Last-Event-ID); 0 sends what was missed and ends at once.',
    ),
});
export type LiveStreamQuery = z.infer<typeof liveStreamQuerySchema>;
