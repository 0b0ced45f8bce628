import type { Redis } from 'ioredis';

/** A change on an opportunity, as the api's live streams pass it on (ids and names only, nothing private). */
export type LiveOpportunityEvent = {
  id: string;
  kind: string;
  at: string;
  departmentId: string;
  department: string;
  opportunityId: string;
  conversationId: string;
};

/** An alert raised or changed, as the header hears it (the contracts' AlertLiveEvent). */
export type LiveAlertEvent = {
  alertId: string;
  department: string;
  kind: 'spike' | 'partner' | 'sentiment';
  severity: number;
  status: 'open' | 'acknowledged' | 'snoozed' | 'closed';
  headline: string;
  at: string;
};

/**
 * What the outbox's consumer tells every api instance over Redis pub/sub: an opportunity changed (each stream
 * passes it to those who can read its department), an alert was raised or changed (likewise), and whose
 * notification lists grew.
 */
export type LiveMessage =
  | { type: 'opportunity'; event: LiveOpportunityEvent }
  | { type: 'alert'; departmentId: string; event: LiveAlertEvent }
  | { type: 'notifications'; userIds: string[] };

/** One channel per queue prefix, so test runs (and workspaces sharing a Redis) never hear each other. */
export const liveChannel = (prefix: string): string => `${prefix}:live`;

export const publishLive = async (redis: Redis, prefix: string, message: LiveMessage): Promise<void> => {
  await redis.publish(liveChannel(prefix), JSON.stringify(message));
};
