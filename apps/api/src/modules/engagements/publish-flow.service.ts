import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { EngagementRecorded, RecordEngagement } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  EngagementRepository,
  OpportunityRepository,
  inTransaction,
  type EngagementRow,
  type OpportunityRow,
  type Queryable,
} from '@parley/db';
import {
  DomainError,
  isDomainError,
  mayInDepartment,
  nextStatus,
  refusalOf,
  type OpportunityStatus,
} from '@parley/domain';
import { publishPost, type PublishAccount, type ReplyTarget } from '@parley/ingest';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { OpportunityWorkflowService, staleVersion } from '../opportunities/opportunity-workflow.service';
import { DraftGate } from './draft-gate';
import { engagementFields, notFound, platformOf, recordedAnswer } from './engagement-fields';
import { linkFetchedPosts } from './engagement-matching';
import { findAccount, publishableAccount } from './publish-accounts';

/** A publish younger than this is taken to be in flight in another request, not abandoned. */
const IN_FLIGHT_MS = 60_000;

type Attempt = {
  engagement: EngagementRow;
  account: PublishAccount;
  text: string;
  replyTo: ReplyTarget | null;
};

/** Where a stored post was fetched from: the origin of its source (a Mastodon instance, a Bluesky relay). */
const originOfSource = (url: string): string => URL.parse(url)?.origin ?? url;

/**
 * Publishing a reply from one of the department's accounts, in three steps so nothing is half-written: the attempt
 * is recorded as pending (the opportunity is not touched); the platform is called outside any transaction with the
 * engagement's id as its key; then the outcome is written — published, with the opportunity responded, or failed
 * with its reason, ready for a retry that reuses the same key and so never posts twice.
 */
@Injectable()
export class PublishFlow {
  private readonly logger = new Logger(PublishFlow.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly engagements: EngagementRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
    private readonly workflow: OpportunityWorkflowService,
    private readonly drafts: DraftGate,
  ) {}

  async publish(
    auth: AuthContext,
    opportunityId: string,
    input: RecordEngagement,
  ): Promise<EngagementRecorded> {
    const attempt = await this.claim(auth, opportunityId, input);
    let published;
    try {
      published = await publishPost({
        account: attempt.account,
        text: attempt.text,
        replyTo: input.kind === 'original-post' ? null : attempt.replyTo,
        key: attempt.engagement.id,
        keyTime: attempt.engagement.createdAt,
        allowlist: this.config.fetchAllowlist,
      });
    } catch (error) {
      throw await this.failed(auth, attempt.engagement, error);
    }
    const opportunity = await this.respondPublished(
      auth,
      opportunityId,
      input.expectedVersion,
      attempt,
      published,
    );
    const engagement = await this.engagements.find(this.dataSource, attempt.engagement.id);
    return recordedAnswer(opportunity, engagement as EngagementRow);
  }

  /**
   * Step one: every check a publish needs, then the engagement as pending — or the failed attempt taken up again,
   * keeping its id, so the platform sees the same key. The opportunity itself is not changed yet.
   */
  private claim(auth: AuthContext, opportunityId: string, input: RecordEngagement): Promise<Attempt> {
    return inTransaction(this.dataSource, async (tx) => {
      const o = await this.lockedForResponse(tx, auth, opportunityId, input.expectedVersion);
      if (!input.account) {
        const message = 'Choose the account to post from.';
        throw new DomainError('invalid', message, [{ path: 'account', message }]);
      }
      const { text, draftId } = await this.textToPublish(tx, o, input);
      if (!text) {
        const message = 'Give the text to post, or the approved draft (draftId).';
        throw new DomainError('invalid', message, [{ path: 'text', message }]);
      }
      const row = findAccount(
        await this.engagements.publishAccounts(tx, o.departmentId),
        input.account,
        await platformOf(tx, this.engagements, o),
      );
      const account = publishableAccount(row, this.config.secretKey);
      const target = await this.engagements.replyTarget(tx, o.conversationId);
      const replyTo =
        target && target.platform === row.platform
          ? { externalId: target.externalId, url: target.url, origin: originOfSource(target.sourceUrl) }
          : null;
      if (!replyTo && input.kind !== 'original-post') {
        const message = `The conversation is not on ${row.platform}, so ${row.handle} cannot reply in it: post it there and record the reply with its address.`;
        throw new DomainError('invalid', message, [{ path: 'account', message }]);
      }
      const engagement = await this.pendingEngagement(tx, auth, o, input, { row, text, draftId });
      await this.audit.record(tx, actorOf(auth), {
        action: 'engagement.publish',
        entityType: 'engagement',
        entityId: engagement.id,
        after: { opportunityId: o.id, account: row.handle, platform: row.platform, kind: input.kind },
      });
      return { engagement, account, text, replyTo };
    });
  }

  private async pendingEngagement(
    tx: Queryable,
    auth: AuthContext,
    o: OpportunityRow,
    input: RecordEngagement,
    {
      row,
      text,
      draftId,
    }: { row: { id: string; handle: string; platform: string }; text: string; draftId: string | null },
  ): Promise<EngagementRow> {
    const open = await this.engagements.unfinishedPublish(tx, o.id);
    if (open?.publishState === 'pending' && Date.now() - open.createdAt.getTime() < IN_FLIGHT_MS) {
      throw new DomainError(
        'conflict',
        'This reply is being published right now: wait a minute, then reload.',
      );
    }
    // The same reply (account and text) tried again keeps its key; a different one is a new attempt.
    if (open && open.accountId === row.id && open.text === text) {
      await this.engagements.retryPublish(tx, open.id, {
        ...engagementFields(auth, o, input),
        recordedBy: auth.userId,
      });
      return { ...open, publishState: 'pending' };
    }
    if (open)
      await this.engagements.markFailed(tx, open.id, open.publishError ?? 'replaced by another attempt');
    return this.engagements.insert(tx, {
      ...engagementFields(auth, o, input),
      url: null,
      externalId: null,
      occurredAt: new Date(),
      accountId: row.id,
      accountHandle: row.handle,
      platform: row.platform,
      text,
      draftId,
      publishState: 'pending',
    });
  }

  /** Step three, on success: the post's id and address recorded, and the opportunity responded, together. */
  private async respondPublished(
    auth: AuthContext,
    opportunityId: string,
    expectedVersion: number,
    attempt: Attempt,
    published: { externalId: string; url: string | null; postedAt: Date },
  ): Promise<OpportunityRow> {
    const request = (version: number) => ({
      expectedVersion: version,
      action: 'respond' as const,
      permission: 'conversation.act' as const,
      event: {
        kind: 'engagement',
        detail: {
          engagementId: attempt.engagement.id,
          published: true,
          url: published.url,
          account: attempt.account.handle,
        },
      },
      also: async (tx: Queryable, o: OpportunityRow) => {
        await this.engagements.markPublished(tx, attempt.engagement.id, {
          ...published,
          occurredAt: published.postedAt,
        });
        await linkFetchedPosts(tx, this.engagements, [o.conversationId]);
      },
    });
    try {
      return await this.workflow.change(auth, opportunityId, request(expectedVersion));
    } catch (error) {
      // The reply is posted: a change someone made meanwhile must not leave it unrecorded.
      if (
        !isDomainError(error) ||
        error.currentVersion === null ||
        error.problems[0]?.path !== 'expectedVersion'
      )
        throw error;
      return this.workflow.change(auth, opportunityId, request(error.currentVersion));
    }
  }

  /** Step three, on failure: the reason kept on the engagement, the opportunity as it was, and a 502 saying what to do. */
  private async failed(auth: AuthContext, engagement: EngagementRow, error: unknown): Promise<DomainError> {
    const reason = isDomainError(error) ? error.message : 'The platform could not be reached: try again.';
    if (!isDomainError(error))
      this.logger.error({ message: 'publishing failed', engagement: engagement.id, error: String(error) });
    await inTransaction(this.dataSource, async (tx) => {
      await this.engagements.markFailed(tx, engagement.id, reason);
      await this.audit.record(tx, actorOf(auth), {
        action: 'engagement.publish-failed',
        entityType: 'engagement',
        entityId: engagement.id,
        after: { opportunityId: engagement.opportunityId, error: reason },
      });
    });
    return isDomainError(error) && error.code === 'invalid' ? error : new DomainError('fetch_failed', reason);
  }

  /** As the workflow checks a change: readable, allowed, the version the caller saw, a status that can respond. */
  private async lockedForResponse(tx: Queryable, auth: AuthContext, id: string, expectedVersion: number) {
    const o = await this.opportunities.lockForChange(tx, id);
    if (!o || !mayInDepartment(auth, o.departmentId, 'department.read')) throw notFound();
    this.access.assertAllowed(auth, { id: o.departmentId, name: o.departmentName }, 'conversation.act');
    if (o.version !== expectedVersion) throw staleVersion(o, expectedVersion);
    if (!nextStatus(o.status as OpportunityStatus, 'respond')) {
      throw new DomainError(
        'conflict',
        refusalOf(o.status as OpportunityStatus, 'respond'),
        [],
        null,
        o.version,
      );
    }
    return o;
  }

  /**
   * What is posted: the text given, or the draft's. A draft that needs clearance is posted exactly as approved,
   * and a reply on the clearance route only from such a draft, so clearance cannot be stepped round.
   */
  private async textToPublish(
    tx: Queryable,
    o: OpportunityRow,
    input: RecordEngagement,
  ): Promise<{ text: string | undefined; draftId: string | null }> {
    const draft = await this.drafts.forReply(tx, o, input.draftId);
    const given = input.text?.trim();
    const refuse = (message: string) =>
      new DomainError('conflict', message, [{ path: draft ? 'text' : 'draftId', message }]);
    if (!draft && o.route === 'clearance')
      throw refuse(
        'A reply on the clearance route is posted from its approved draft: write it in the draft pane first.',
      );
    if (draft?.needsClearance && given && given !== draft.text.trim())
      throw refuse(
        'The approved draft is what is posted: leave the text empty, or save the change as a new version for clearance.',
      );
    return { text: given || draft?.text, draftId: draft?.id ?? null };
  }
}
