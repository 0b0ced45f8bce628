import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { DATA_SOURCE, NotificationRepository } from '@parley/db';
import type { JobOf } from '@parley/jobs';
import type { DataSource } from 'typeorm';
import { Mailer } from '@parley/jobs';
import { noticeEmail } from '../services/notice-email';

/** Emails one notification; a notification already sent (a repeated job) or no longer wanted is left alone. */
@Injectable()
export class SendEmailHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly notifications: NotificationRepository,
    private readonly mailer: Mailer,
  ) {}

  async handle(job: JobOf<'SendEmail'>): Promise<void> {
    const { notificationId } = job.data;
    const row = await this.notifications.emailToSend(this.dataSource, notificationId);
    if (!row || row.emailState !== 'pending' || !this.mailer.enabled) return;
    try {
      await this.mailer.send(noticeEmail(row, this.config.publicUrl));
    } catch (error) {
      // The last attempt records why, so the notification does not stay "pending" for ever.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
        await this.notifications.setEmailState(this.dataSource, row.id, 'failed', (error as Error).message);
      throw error;
    }
    await this.notifications.setEmailState(this.dataSource, row.id, 'sent', null);
  }
}
