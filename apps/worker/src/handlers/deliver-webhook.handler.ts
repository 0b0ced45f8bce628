import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { DATA_SOURCE, openSecrets, webhookSealAad, WebhookRepository } from '@parley/db';
import { isFetchError, postUrl } from '@parley/ingest';
import { type JobOf, markLogged } from '@parley/jobs';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { webhookBody, webhookHeaders } from '../services/webhook-payload';

/** Answers that retrying cannot change: the receiver refuses this request (but 408 and 429 mean "later"). */
const isPermanent = (error: unknown): boolean =>
  isFetchError(error) &&
  (error.code === 'fetch_refused' ||
    (error.status !== undefined &&
      error.status >= 400 &&
      error.status < 500 &&
      ![408, 429].includes(error.status)));

/**
 * Posts one delivery and records the attempt in the delivery log. A 5xx, a timeout or a refused connection is
 * retried with the webhook queue's backoff; a 4xx or an address the guard refuses fails at once. A delivery already
 * delivered, or whose webhook was turned off or removed, is left alone.
 */
@Injectable()
export class DeliverWebhookHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly webhooks: WebhookRepository,
  ) {}

  async handle(job: JobOf<'DeliverWebhook'>): Promise<void> {
    const row = await this.webhooks.deliveryToSend(this.dataSource, job.data.deliveryId);
    if (!row || row.state !== 'pending' || !row.enabled) return;
    const { url, secret } = openSecrets(row.sealed, this.config.secretKey, webhookSealAad(row.webhookId));
    const now = new Date();
    const body = webhookBody(row, this.config.publicUrl, now);
    try {
      const { status } = await postUrl(url, body, {
        allowlist: this.config.fetchAllowlist,
        headers: webhookHeaders(row, body, secret ?? null, now),
      });
      await this.webhooks.recordAttempt(this.dataSource, row.id, {
        state: 'delivered',
        statusCode: status,
        error: null,
      });
    } catch (error) {
      const permanent = isPermanent(error);
      const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.webhooks.recordAttempt(this.dataSource, row.id, {
        state: last ? 'failed' : 'pending',
        statusCode: isFetchError(error) ? (error.status ?? null) : null,
        error: (error as Error).message,
      });
      // The delivery log says what went wrong; the queue need not log every retry too.
      throw markLogged(permanent ? new UnrecoverableError((error as Error).message) : (error as Error));
    }
  }
}
