import { Inject, Injectable } from '@nestjs/common';
import { ConversationRepository, TaggingRepository, inTransaction } from '@parley/db';
import { tagConversation } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/infrastructure.module';
import { CompiledRulesCache } from './compiled-rules.cache';

/** Tags one conversation version; a job for a version already tagged returns at once, so repeats are harmless. */
@Injectable()
export class TaggingService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly tagging: TaggingRepository,
    private readonly rules: CompiledRulesCache,
  ) {}

  async tag(conversationId: string, version: number): Promise<{ opportunities: number } | null> {
    const current = await this.conversations.findVersion(this.dataSource, conversationId);
    if (!current || current.taggedVersion >= version) return null;
    const model = await this.rules.current();
    return inTransaction(this.dataSource, async (tx) => {
      const posts = await this.tagging.postsForTagging(tx, conversationId);
      const result = tagConversation(posts, model.matcher, model.departments, model.accounts);
      await this.tagging.setPostDepartments(tx, result.postDepartments);
      await this.tagging.recordDetectedEngagements(tx, conversationId);
      for (const o of result.opportunities) {
        await this.tagging.upsertOpportunity(tx, {
          conversationId,
          departmentId: o.departmentId,
          score: o.score,
          route: o.route,
          routeReason: o.routeReason,
          rules: o.rules,
          signals: o.signals,
          firstResponseAt: o.engagement?.firstResponseAt ?? null,
          firstResponseSeconds: o.engagement?.firstResponseSeconds ?? null,
        });
      }
      await this.conversations.markTagged(tx, conversationId, current.contentVersion);
      return { opportunities: result.opportunities.length };
    });
  }
}
