import { Inject, Injectable } from '@nestjs/common';
import type { BundleQuery } from '@parley/contracts';
import { AuditRepository, BundleRepository, ConversationRepository, DATA_SOURCE } from '@parley/db';
import { DomainError, redactCaseBundle } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { bundleFiles } from './bundle-files';
import { caseBundleOf } from './bundle-mapper';
import type { ZipEntry } from './zip-stream';

export type Bundle = { fileName: string; generatedAt: Date; files: ZipEntry[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The FOI case bundle of one department's handling of one conversation. Downloading it is audited first, so the
 * bundle's own audit trail shows who took it.
 */
@Injectable()
export class BundleService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly bundles: BundleRepository,
    private readonly conversations: ConversationRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async build(auth: AuthContext, conversationId: string, query: BundleQuery): Promise<Bundle> {
    const notFound = new DomainError(
      'not_found',
      `No conversation ${conversationId} tagged for "${query.department}" that you can see.`,
    );
    if (!/^\d{1,18}$/.test(conversationId)) throw notFound;
    const department = await this.access.resolve(auth, query.department);
    const q = this.dataSource;
    const [conversation, opportunity] = await Promise.all([
      this.conversations.findById(q, conversationId),
      this.bundles.opportunity(q, conversationId, department.id),
    ]);
    if (!conversation || !opportunity) throw notFound;

    const generatedAt = new Date();
    await this.audit.record(q, actorOf(auth), {
      action: 'conversation.bundle',
      entityType: 'conversation',
      entityId: conversationId,
      departmentId: department.id,
      after: { opportunityId: opportunity.id, redact: query.redact ?? null },
    });

    const [posts, ruleVersions, timeline, engagements, records] = await Promise.all([
      this.bundles.posts(q, conversationId),
      this.bundles.ruleVersions(q, department.id, opportunity.rules),
      this.bundles.timeline(q, opportunity.id),
      this.bundles.engagements(q, conversationId, department.id),
      this.bundles.caseRecords(q, opportunity.id),
    ]);
    const recordIds = [...engagements, ...Object.values(records).flat()]
      .map((r) => r.id)
      .filter((id): id is string => typeof id === 'string');
    const audit = await this.audit.forEntities(q, [conversationId, opportunity.id, ...recordIds]);
    const names = await this.bundles.userNames(
      q,
      [...engagements, ...Object.values(records).flat()].flatMap((r) =>
        Object.values(r).filter((v): v is string => typeof v === 'string' && UUID.test(v)),
      ),
    );

    const bundle = caseBundleOf({
      auth,
      generatedAt,
      department,
      conversation,
      opportunity,
      posts,
      ruleVersions,
      timeline,
      engagements,
      records,
      audit,
      names,
    });
    const disclosed = query.redact === 'public' ? redactCaseBundle(bundle) : bundle;
    return {
      fileName: `parley-case-${conversationId}-${department.key}${disclosed.redacted ? '-redacted' : ''}.zip`,
      generatedAt,
      files: bundleFiles(disclosed),
    };
  }
}
