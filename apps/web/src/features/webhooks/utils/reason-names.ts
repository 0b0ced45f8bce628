import type { WebhookReason } from '@parley/domain';

/** What a webhook posts, in the words of a department's channel rather than one person's. */
export const REASON_NAMES: Record<WebhookReason, string> = {
  assigned: 'A conversation is assigned',
  mentioned: 'Someone is mentioned in a note',
  'clearance-requested': 'A draft is submitted for clearance',
  reviewed: 'A draft is approved or sent back',
  'sla-due-soon': 'A first response is nearly due',
  'sla-overdue': 'A first response is overdue',
  referred: 'A conversation is referred to the department',
  'follow-up-due': 'An exercise’s policy-influence follow-up is due',
  'alert-raised': 'An alert is raised (or a digest of several)',
};

export const DELIVERY_STATES = {
  pending: 'Trying again',
  delivered: 'Delivered',
  failed: 'Failed',
} as const;
