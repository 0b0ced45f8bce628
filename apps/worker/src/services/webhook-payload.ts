import type { DeliveryToSendRow } from '@parley/db';
import { createHmac } from 'node:crypto';

/**
 * The JSON a delivery posts. Slack and Teams incoming webhooks show `text` (and ignore the rest); a receiver of
 * its own reads `event`. `timestamp` (Unix seconds) is inside the signed body and repeated in X-Parley-Timestamp,
 * so a receiver that refuses old timestamps cannot be fed a captured delivery again: changing it breaks the
 * signature.
 */
export const webhookBody = (row: DeliveryToSendRow, publicUrl: string, now: Date): string => {
  // A follow-up is about an exercise: its link is the department's evaluation records, as its email's is. An
  // alert links to itself; a digest of several, to the department's alerts.
  const url = row.conversationId
    ? `${publicUrl}/conversations/${encodeURIComponent(row.conversationId)}`
    : row.alertIds.length === 1
      ? `${publicUrl}/alerts/${encodeURIComponent(row.alertIds[0])}`
      : row.alertIds.length > 1
        ? `${publicUrl}/alerts?department=${encodeURIComponent(row.departmentKey)}`
        : `${publicUrl}/evaluation-records/${encodeURIComponent(row.departmentKey)}`;
  return JSON.stringify({
    text: `${row.text}: ${url}`,
    summary: row.text,
    timestamp: Math.floor(now.getTime() / 1000),
    event: {
      id: row.eventId,
      kind: row.eventKind,
      reason: row.reason,
      at: new Date(row.at).toISOString(),
      department: row.departmentKey,
      opportunityId: row.opportunityId,
      conversationId: row.conversationId,
      followUpId: row.followUpId,
      alertIds: row.alertIds,
      title: row.title,
      actor: row.actorName,
      url,
    },
  });
};

/** The headers of a delivery; with a secret, `X-Parley-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export const webhookHeaders = (
  row: Pick<DeliveryToSendRow, 'id'>,
  body: string,
  secret: string | null,
  now: Date,
): Record<string, string> => ({
  'content-type': 'application/json',
  'user-agent': 'Parley webhooks',
  'x-parley-delivery': row.id,
  'x-parley-timestamp': String(Math.floor(now.getTime() / 1000)),
  ...(secret
    ? { 'x-parley-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` }
    : {}),
});
