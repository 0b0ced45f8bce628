import { Inject, Injectable } from '@nestjs/common';
import { groupBy } from '@parley/domain';
import {
  AuditRepository,
  DATA_SOURCE,
  TaggingRepository,
  inTransaction,
  type OpportunityInput,
  type Queryable,
} from '@parley/db';
import { CompiledRulesCache, retirementsOf, tagConversation, type TaggingModel } from '@parley/tagging';
import type { DataSource } from 'typeorm';

const TAGGING_ACTOR = { userId: null, label: 'tagging' };

/**
 * Tags a batch of conversation versions with a handful of queries. Versions already tagged are skipped, so a
 * repeated or overlapping job is harmless.
 */
@Injectable()
export class TaggingService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tagging: TaggingRepository,
    private readonly audit: AuditRepository,
    private readonly rules: CompiledRulesCache,
  ) {}

  async tagMany(
    requested: { id: string; version: number }[],
  ): Promise<{ tagged: number; opportunities: number; retired: number }> {
    const wanted = new Map(requested.map((r) => [r.id, r.version]));
    const versions = await this.tagging.versionsOf(this.dataSource, [...wanted.keys()]);
    const due = versions.filter((v) => v.taggedVersion < (wanted.get(v.id) ?? 0));
    if (due.length === 0) return { tagged: 0, opportunities: 0, retired: 0 };
    const model = await this.rules.current();
    const ids = due.map((v) => v.id);
    const now = new Date();
    return inTransaction(this.dataSource, async (tx) => {
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
      await this.tagging.recordDetectedEngagements(tx, ids);
      const retired = await this.retireUnsupported(tx, model, ids, opportunities);
      await this.tagging.upsertOpportunities(tx, opportunities, now);
      await this.tagging.markTagged(
        tx,
        due.map((v) => ({ id: v.id, version: v.contentVersion })),
      );
      return { tagged: ids.length, opportunities: opportunities.length, retired };
    });
  }

  /** Live opportunities of these conversations that tagging no longer produces leave the inbox, kept and audited. */
  private async retireUnsupported(
    tx: Queryable,
    model: TaggingModel,
    ids: string[],
    kept: OpportunityInput[],
  ): Promise<number> {
    const live = await this.tagging.liveOpportunitiesOf(tx, ids);
    const retirements = retirementsOf(live, kept, model.rules);
    if (retirements.length === 0) return 0;
    await this.tagging.retireOpportunities(tx, retirements);
    await this.audit.record(tx, TAGGING_ACTOR, {
      action: 'opportunity.retire',
      entityType: 'opportunity',
      entityId: null,
      after: retirements,
    });
    return retirements.length;
  }
}
