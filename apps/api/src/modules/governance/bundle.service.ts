import { Inject, Injectable } from '@nestjs/common';
import type { BundleQuery } from '@parley/contracts';
import {
  AuditRepository,
  BundleRepository,
  ConversationRepository,
  DATA_SOURCE,
  iso,
  type BundleRecord,
  type Queryable,
} from '@parley/db';
import { DomainError, auditActionLabel, redactCaseBundle, type CaseBundle } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { bundleFiles } from './bundle-files';
import type { ZipEntry } from './zip-stream';

/**
 * Records other modules keep about a case, read when their table exists (a deployment without the module still
 * gets a bundle). `column` links a row to the opportunity.
 */
const CASE_RECORDS: readonly { kind: string; table: string; column: string }[] = [];

export type Bundle = { fileName: string; generatedAt: Date; files: ZipEntry[] };

/** Beside each field holding a person's id (`author_id`, `reviewed_by`), that person's name (`author_name`). */
const withNames = (records: BundleRecord[], names: Map<string, string>): BundleRecord[] =>
  records.map((record) =>
    Object.fromEntries(
      Object.entries(record).flatMap(([key, value]) =>
        typeof value === 'string' && names.has(value) && key !== 'id'
          ? [
              [key, value],
              [`${key.replace(/(_user_id|_id|_by)$/, '')}_name`, names.get(value)],
            ]
          : [[key, value]],
      ),
    ),
  );

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

    const tables = await this.bundles.existingTables(q, ['opportunity_event', ...CASE_RECORDS.map((r) => r.table)]);
    const [posts, ruleVersions, timeline, engagements, records] = await Promise.all([
      this.bundles.posts(q, conversationId),
      this.bundles.ruleVersions(q, department.id, opportunity.rules),
      tables.has('opportunity_event') ? this.bundles.timeline(q, opportunity.id) : Promise.resolve([]),
      this.bundles.engagements(q, conversationId, department.id),
      this.recordsOf(q, opportunity.id, tables),
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

    const bundle: CaseBundle = {
      generatedAt: generatedAt.toISOString(),
      generatedBy: { name: auth.name, email: auth.email },
      redacted: false,
      department: { key: department.key, name: department.name },
      conversation: {
        id: conversation.id,
        title: conversation.title,
        url: conversation.url,
        source: conversation.source,
        platform: conversation.platform,
        postCount: conversation.postCount,
        participantCount: conversation.participantCount,
        startedAt: iso(conversation.startedAt),
        lastActivityAt: iso(conversation.lastActivityAt),
      },
      thread: posts.map((p) => ({
        id: p.id,
        url: p.url,
        platform: p.platform,
        author: { name: p.authorName, handle: p.authorHandle, profileUrl: p.authorProfileUrl },
        byDepartment: p.byDepartment,
        publishedAt: iso(p.publishedAt),
        text: p.text,
        inReplyTo: p.inReplyTo,
      })),
      triage: {
        opportunityId: opportunity.id,
        score: opportunity.score,
        route: opportunity.route,
        routeReason: opportunity.routeReason,
        signals: opportunity.signals,
        resources: opportunity.resources.map((r) => ({ title: r.title, url: r.url })),
        status: opportunity.status,
        assignee: opportunity.assigneeName,
        declineReason: opportunity.declineReason,
        taggedAt: opportunity.taggedAt.toISOString(),
        firstResponseAt: iso(opportunity.firstResponseAt),
        retiredAt: iso(opportunity.retiredAt),
        retiredReason: opportunity.retiredReason,
      },
      ruleVersions: ruleVersions.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() })),
      timeline: timeline.map((t) => ({
        at: t.at.toISOString(),
        kind: t.kind,
        fromStatus: t.fromStatus,
        toStatus: t.toStatus,
        actor: t.actorName,
        detail: t.detail,
      })),
      engagements: withNames(engagements, names),
      records: Object.fromEntries(Object.entries(records).map(([kind, rows]) => [kind, withNames(rows, names)])),
      audit: audit.map((a) => ({
        at: a.at.toISOString(),
        actor: a.actorLabel,
        actorName: a.actorName,
        action: a.action,
        description: auditActionLabel(a.action),
        entityType: a.entityType,
        entityId: a.entityId,
        before: a.before ?? null,
        after: a.after ?? null,
      })),
    };
    const disclosed = query.redact === 'public' ? redactCaseBundle(bundle) : bundle;
    return {
      fileName: `parley-case-${conversationId}-${department.key}${disclosed.redacted ? '-redacted' : ''}.zip`,
      generatedAt,
      files: bundleFiles(disclosed),
    };
  }

  private async recordsOf(
    q: Queryable,
    opportunityId: string,
    tables: Set<string>,
  ): Promise<Record<string, BundleRecord[]>> {
    const present = CASE_RECORDS.filter((r) => tables.has(r.table));
    const rows = await Promise.all(present.map((r) => this.bundles.rowsOf(q, r.table, r.column, opportunityId)));
    return Object.fromEntries(present.map((r, i) => [r.kind, rows[i]]));
  }
}
