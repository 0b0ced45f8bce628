import type {
  AuditLogRow,
  BundleEventRow,
  BundleOpportunityRow,
  BundlePostRow,
  BundleRecord,
  BundleRuleVersionRow,
  ConversationRow,
  DepartmentRow,
} from '@parley/db';
import { iso } from '@parley/db';
import { auditActionLabel, type CaseBundle } from '@parley/domain';
import type { AuthContext } from '../auth/auth-context';

export type CaseParts = {
  auth: AuthContext;
  generatedAt: Date;
  department: DepartmentRow;
  conversation: ConversationRow;
  opportunity: BundleOpportunityRow;
  posts: BundlePostRow[];
  ruleVersions: BundleRuleVersionRow[];
  timeline: BundleEventRow[];
  engagements: BundleRecord[];
  records: Record<string, BundleRecord[]>;
  audit: AuditLogRow[];
  /** Names of the people whose ids the records hold. */
  names: Map<string, string>;
};

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

/** The case as the bundle discloses it (before any redaction), from what the repositories read. */
export const caseBundleOf = ({
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
}: CaseParts): CaseBundle => ({
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
});
