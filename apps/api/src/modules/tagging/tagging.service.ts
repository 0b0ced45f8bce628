import { Inject, Injectable } from '@nestjs/common';
import { groupBy } from '@parley/domain';
import { DATA_SOURCE, inTransaction, type OpportunityInput, TaggingRepository } from '@parley/db';
import { CompiledRulesCache, tagConversation } from '@parley/tagging';
import type { DataSource } from 'typeorm';

/**
 * Tags a batch of conversation versions with a handful of queries. Versions already tagged are skipped, so a
 * repeated or overlapping job is harmless.
 */
@Injectable()
export class TaggingService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tagging: TaggingRepository,
    private readonly rules: CompiledRulesCache,
  ) {}

  async tagMany(
    requested: { id: string; version: number }[],
  ): Promise<{ tagged: number; opportunities: number }> {
    const wanted = new Map(requested.map((r) => [r.id, r.version]));
    const versions = await this.tagging.versionsOf(this.dataSource, [...wanted.keys()]);
    const due = versions.filter((v) => v.taggedVersion < (wanted.get(v.id) ?? 0));
    if (due.length === 0) return { tagged: 0, opportunities: 0 };
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
          })),
        );
      }
      await this.tagging.setPostDepartments(tx, assignments);
      await this.tagging.recordDetectedEngagements(tx, ids);
      await this.tagging.upsertOpportunities(tx, opportunities);
      await this.tagging.markTagged(
        tx,
        due.map((v) => ({ id: v.id, version: v.contentVersion })),
      );
      return { tagged: ids.length, opportunities: opportunities.length };
    });
  }
}
