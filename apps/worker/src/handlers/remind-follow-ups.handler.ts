import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import {
  DATA_SOURCE,
  EvaluationRepository,
  inTransaction,
  NotificationRepository,
  WebhookRepository,
} from '@parley/db';
import { describeForChannel, describeNotice, recipientsOf } from '@parley/domain';
import { JobProducer } from '@parley/jobs';
import type { DataSource } from 'typeorm';

/** Follow-ups per run: a few queries each, so one run is one short transaction. */
const BATCH = 200;

/**
 * Tells a department's policy officials and managers when an exercise's 3, 6 or 12-month follow-up has come due,
 * through the notifications everyone already reads (and by email to those who chose it), and the department's
 * webhooks that chose `follow-up-due` through the webhook delivery log, as the opportunity events are. The
 * follow-ups are claimed with SKIP LOCKED and marked reminded in the transaction that writes the notices and
 * deliveries, and both are unique per follow-up and person or webhook: a run repeated, or two at once, remind
 * nobody twice.
 */
@Injectable()
export class RemindFollowUpsHandler {
  private readonly logger = new Logger(RemindFollowUpsHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly evaluation: EvaluationRepository,
    private readonly notifications: NotificationRepository,
    private readonly webhooks: WebhookRepository,
    private readonly producer: JobProducer,
  ) {}

  async handle(now = new Date()): Promise<{ reminded: number; notices: number }> {
    const { reminded, emails, deliveries, notices } = await inTransaction(this.dataSource, async (tx) => {
      const due = await this.evaluation.claimFollowUpsToRemind(tx, now, BATCH);
      const emails: string[] = [];
      const deliveries: string[] = [];
      let notices = 0;
      for (const followUp of due) {
        const members = await this.notifications.membersOf(tx, [followUp.departmentId]);
        const event = {
          kind: 'follow-up-due',
          actorUserId: null,
          departmentId: followUp.departmentId,
          toStatus: null,
          detail: {},
        };
        const recipients = recipientsOf('follow-up-due', event, { assigneeId: null, members });
        const context = {
          actorName: null,
          title: followUp.exerciseTitle,
          months: followUp.months,
          departmentName: followUp.departmentName,
        };
        const text = describeNotice('follow-up-due', context);
        const chosen = this.config.smtp ? await this.notifications.emailReasonsOf(tx, recipients) : [];
        const wants = new Set(chosen.filter((c) => c.reasons.includes('follow-up-due')).map((c) => c.userId));
        const inserted = await this.notifications.insertFollowUpNotifications(
          tx,
          followUp,
          recipients.map((userId) => ({
            userId,
            reason: 'follow-up-due' as const,
            text,
            email: wants.has(userId),
          })),
        );
        notices += inserted.length;
        emails.push(...inserted.filter((n) => n.emailState === 'pending').map((n) => n.id));
        const hooks = await this.webhooks.subscribed(tx, [followUp.departmentId], 'follow-up-due');
        const made = await this.webhooks.insertFollowUpDeliveries(
          tx,
          followUp.id,
          hooks.map((h) => h.id),
          {
            reason: 'follow-up-due',
            text: describeForChannel('follow-up-due', { ...context, assigneeName: null }),
          },
        );
        deliveries.push(...made.map((d) => d.id));
      }
      await this.evaluation.markReminded(
        tx,
        due.map((f) => f.id),
        now,
      );
      return { reminded: due.length, emails, deliveries, notices };
    });
    // After the commit, by id: a lost job is picked up by the sweeps of pending emails and deliveries.
    for (const id of emails) await this.producer.sendEmail(id);
    for (const id of deliveries) await this.producer.deliverWebhook(id);
    if (reminded)
      this.logger.log({
        message: 'follow-ups reminded',
        reminded,
        notices,
        emails: emails.length,
        deliveries: deliveries.length,
      });
    return { reminded, notices };
  }
}
