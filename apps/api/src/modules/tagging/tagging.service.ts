import { Inject, Injectable } from '@nestjs/common';
import { groupBy, statusesAllowing } from '@parley/domain';
import {
  AuditRepository,
  DATA_SOURCE,
  EngagementRepository,
  TaggingRepository,
  inTransaction,
  type ConversationVersion,
  type KnownOpportunity,
  type LiveOpportunity,
  type OpportunityInput,
  type Queryable,
} from '@parley/db';
import { CompiledRulesCache, retirementsOf, tagConversation, type TaggingModel } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { linkFetchedPosts } from '../engagements/engagement-matching';

const TAGGING_ACTOR = { userId: null, label: 'tagging' };

type TagOutcome = { tagged: number; opportunities: number; retired: number };

/** Retired opportunities that tagging produces again. */
const revivalsOf = (known: KnownOpportunity[], produced: OpportunityInput[]): string[] => {
  const producedKeys = new Set(produced.map((o) => `${o.conversationId} ${o.departmentId}`));
  return known
    .filter((o) => o.retired && producedKeys.has(`${o.conversationId} ${o.departmentId}`))
    .map((o) => o.id);
};

/**
 * Tags conversations in chunks, a handful of queries per chunk. Each chunk claims its rows (skipping rows another
 * tagger holds) and marks them tagged in the same transaction, so a repeated or overlapping job is harmless and a
 * crash mid-chunk leaves the chunk pending.
 */
@Injectable()
export class TaggingService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tagging: TaggingRepository,
    private readonly audit: AuditRepository,
    private readonly rules: CompiledRulesCache,
    private readonly engagements: EngagementRepository,
  ) {}

  /** The next `limit` conversations waiting for tagging, whichever they are. */
  tagPending(limit: number): Promise<TagOutcome> {
    return inTransaction(this.dataSource, async (tx) =>
      this.tagClaimed(tx, await this.tagging.claimPending(tx, limit)),
    );
  }

  /** These conversations, where their newest version is not tagged yet. */
  tagMany(ids: string[]): Promise<TagOutcome> {
    return inTransaction(this.dataSource, async (tx) =>
      this.tagClaimed(tx, await this.tagging.claimPendingOf(tx, ids)),
    );
  }

  private async tagClaimed(tx: Queryable, due: ConversationVersion[]): Promise<TagOutcome> {
    if (due.length === 0) return { tagged: 0, opportunities: 0, retired: 0 };
    const model = await this.rules.current();
    const ids = due.map((v) => v.id);
    const now = new Date();
    const threads = groupBy(await this.tagging.postsOf(tx, ids), (p) => p.conversationId);
    const assignments: { postId: string; departmentId: string | null }[] = [];
    const opportunities: OpportunityInput[] = [];
    for (const id of ids) {
      const result = tagConversation(
        threads.get(id) ?? [],
        model.matcher,
        model.departments,
        model.accounts,
        now,
      );
      assignments.push(...result.postDepartments);
      opportunities.push(
        ...result.opportunities.map((o) => ({
          conversationId: id,
          departmentId: o.departmentId,
          score: o.score,
          route: o.route,
          routeReason: o.routeReason,
          rules: o.rules,
          signals: o.signals,
          resources: o.resources,
          firstResponseAt: o.engagement?.firstResponseAt ?? null,
          firstResponseSeconds: o.engagement?.firstResponseSeconds ?? null,
          firstPublicPostAt: o.firstPublicPostAt,
        })),
      );
    }
    await this.tagging.setPostDepartments(tx, assignments);
    // Every post of these threads was just attributed, so when none is a department's there is nothing to link
    // or record (most chunks of a busy firehose): two queries saved per chunk.
    if (assignments.some((a) => a.departmentId !== null)) {
      // A department post that is a reply recorded or published in Parley joins that engagement; only the rest
      // are recorded as detected, so a reply is never counted twice.
      await linkFetchedPosts(tx, this.engagements, ids);
      await this.tagging.recordDetectedEngagements(tx, ids);
    }
    const known = await this.tagging.opportunitiesOf(tx, ids);
    const retired = await this.retireUnsupported(
      tx,
      model,
      known.filter((o) => o.live),
      opportunities,
    );
    await this.tagging.reviveRetired(tx, revivalsOf(known, opportunities));
    await this.tagging.upsertOpportunities(tx, opportunities, now);
    await this.tagging.markTagged(
      tx,
      due.map((v) => ({ id: v.id, version: v.contentVersion })),
    );
    return { tagged: ids.length, opportunities: opportunities.length, retired };
  }

  /** Live opportunities of these conversations that tagging no longer produces leave the inbox, kept and audited. */
  private async retireUnsupported(
    tx: Queryable,
    model: TaggingModel,
    live: LiveOpportunity[],
    kept: OpportunityInput[],
  ): Promise<number> {
    const unsupported = retirementsOf(live, kept, model.rules);
    if (unsupported.length === 0) return 0;
    const retirements = await this.tagging.retireOpportunities(tx, unsupported, statusesAllowing('retire'));
    if (retirements.length === 0) return 0;
    await this.audit.record(tx, TAGGING_ACTOR, {
      action: 'opportunity.retire',
      entityType: 'opportunity',
      entityId: null,
      after: retirements,
    });
    return retirements.length;
  }
}
