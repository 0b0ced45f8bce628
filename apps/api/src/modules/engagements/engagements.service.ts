import { Inject, Injectable } from '@nestjs/common';
import type { EngagementList, EngagementRecorded, RecordEngagement } from '@parley/contracts';
import { DATA_SOURCE, EngagementRepository, OpportunityRepository, type EngagementRow } from '@parley/db';
import { mayInDepartment, type OpportunityStatus } from '@parley/domain';
import { PUBLISHERS } from '@parley/ingest';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { OpportunityWorkflowService } from '../opportunities/opportunity-workflow.service';
import { DraftGate } from './draft-gate';
import { engagementFields, notFound, platformOf, recordedAnswer } from './engagement-fields';
import { toEngagement } from './engagement-mapper';
import { linkFetchedPosts } from './engagement-matching';
import { findAccount } from './publish-accounts';
import { PublishFlow } from './publish-flow.service';

/**
 * What a department did on an opportunity: listed, recorded after posting elsewhere (one workflow change:
 * engagement, status, timeline and audit together), or published from one of its accounts (PublishFlow).
 */
@Injectable()
export class EngagementsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly engagements: EngagementRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly workflow: OpportunityWorkflowService,
    private readonly drafts: DraftGate,
    private readonly publishing: PublishFlow,
  ) {}

  async list(auth: AuthContext, opportunityId: string): Promise<EngagementList> {
    const opportunity = await this.opportunities.find(this.dataSource, opportunityId);
    if (!opportunity || !mayInDepartment(auth, opportunity.departmentId, 'department.read')) throw notFound();
    const [rows, accounts] = await Promise.all([
      this.engagements.ofOpportunity(this.dataSource, opportunityId),
      this.engagements.publishAccounts(this.dataSource, opportunity.departmentId),
    ]);
    return {
      opportunity: { status: opportunity.status as OpportunityStatus, version: opportunity.version },
      engagements: rows.map(toEngagement),
      accounts: accounts.map((a) => ({
        platform: a.platform as EngagementList['accounts'][number]['platform'],
        handle: a.handle,
        canPublish: a.secret !== null && Object.hasOwn(PUBLISHERS, a.platform),
      })),
    };
  }

  record(auth: AuthContext, opportunityId: string, input: RecordEngagement): Promise<EngagementRecorded> {
    return input.publish
      ? this.publishing.publish(auth, opportunityId, input)
      : this.recordByHand(auth, opportunityId, input);
  }

  /** Posted elsewhere: recorded with the status change, and linked at once to the post if it was fetched already. */
  private async recordByHand(
    auth: AuthContext,
    opportunityId: string,
    input: RecordEngagement,
  ): Promise<EngagementRecorded> {
    let engagement: EngagementRow | undefined;
    const opportunity = await this.workflow.change(auth, opportunityId, {
      expectedVersion: input.expectedVersion,
      action: 'respond',
      permission: 'conversation.act',
      event: { kind: 'engagement', detail: { kind: input.kind, mode: input.mode, url: input.url ?? null } },
      also: async (tx, o) => {
        // Recorded by hand, the draft counts only when named: a pointer posted meanwhile needs none.
        const draft = input.draftId ? await this.drafts.forReply(tx, o, input.draftId) : null;
        const account = input.account
          ? findAccount(
              await this.engagements.publishAccounts(tx, o.departmentId),
              input.account,
              await platformOf(tx, this.engagements, o),
            )
          : null;
        const inserted = await this.engagements.insert(tx, {
          ...engagementFields(auth, o, input),
          url: input.url ?? null,
          externalId: null,
          occurredAt: input.postedAt ? new Date(input.postedAt) : new Date(),
          accountId: account?.id ?? null,
          accountHandle: account?.handle ?? null,
          platform: account?.platform ?? null,
          text: draft?.text ?? input.text ?? null,
          draftId: draft?.id ?? null,
          publishState: null,
        });
        await linkFetchedPosts(tx, this.engagements, [o.conversationId]);
        // Read again: it may now be linked to the department's post, fetched before it was recorded.
        engagement = await this.engagements.find(tx, inserted.id);
        return { engagementId: inserted.id };
      },
    });
    return recordedAnswer(opportunity, engagement as EngagementRow);
  }
}
