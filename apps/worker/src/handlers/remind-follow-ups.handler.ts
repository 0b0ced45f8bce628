import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { DATA_SOURCE, EvaluationRepository, inTransaction, NotificationRepository } from '@parley/db';
import { describeNotice, recipientsOf } from '@parley/domain';
import { JobProducer } from '@parley/jobs';
import type { DataSource } from 'typeorm';

/** Follow-ups per run: a few queries each, so one run is one short transaction. */
const BATCH = 200;

/**
 * Tells a department's policy officials and managers when an exercise's 3, 6 or 12-month follow-up has come due,
 * through the notifications everyone already reads (and by email to those who chose it). The follow-ups are
 * claimed with SKIP LOCKED and marked reminded in the transaction that writes the notices, and a notice is unique
 * per follow-up and person: a run repeated, or two at once, remind nobody twice.
 */
@Injectable()
export class RemindFollowUpsHandler {
  private readonly logger = new Logger(RemindFollowUpsHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly evaluation: EvaluationRepository,
    private readonly notifications: NotificationRepository,
    private readonly producer: JobProducer,
  ) {}

  async handle(now = new Date()): Promise<{ reminded: number; notices: number }> {
    const { reminded, emails, notices } = await inTransaction(this.dataSource, async (tx) => {
      const due = await this.evaluation.claimFollowUpsToRemind(tx, now, BATCH);
      const emails: string[] = [];
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
        const text = describeNotice('follow-up-due', {
          actorName: null,
          title: followUp.exerciseTitle,
          months: followUp.months,
          departmentName: followUp.departmentName,
        });
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
      }
      await this.evaluation.markReminded(
        tx,
        due.map((f) => f.id),
        now,
      );
      return { reminded: due.length, emails, notices };
    });
    // After the commit, by id: a lost job is picked up by the notify queue's sweep of pending emails.
    for (const id of emails) await this.producer.sendEmail(id);
    if (reminded)
      this.logger.log({ message: 'follow-ups reminded', reminded, notices, emails: emails.length });
    return { reminded, notices };
  }
}
