import type { Opportunity, OpportunityEvent } from '@parley/contracts';
import { iso, type OpportunityEventRow, type OpportunityRow } from '@parley/db';
import {
  DECLINE_REASON_LABELS,
  slaState,
  STATUS_LABELS,
  type DeclineReason,
  type OpportunityStatus,
  type Route,
} from '@parley/domain';

type Person = { id: string; name: string };
export type OpportunityContext = {
  now: Date;
  referredFrom: OpportunityRow | null;
  assignable: Person[];
  referralTargets: { key: string; name: string }[];
};

export const opportunityOf = (row: OpportunityRow, ctx: OpportunityContext): Opportunity => ({
  id: row.id,
  conversationId: row.conversationId,
  department: row.department,
  departmentName: row.departmentName,
  status: row.status as OpportunityStatus,
  version: row.version,
  assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
  route: row.route as Route,
  decline: row.declineReason ? { reason: row.declineReason as DeclineReason, note: row.declineNote } : null,
  dueAt: iso(row.dueAt),
  sla: slaState({ ...row, status: row.status as OpportunityStatus }, ctx.now),
  referredFrom: ctx.referredFrom
    ? { department: ctx.referredFrom.department, departmentName: ctx.referredFrom.departmentName }
    : null,
  assignable: ctx.assignable.map((p) => ({ id: p.id, name: p.name })),
  referralTargets: ctx.referralTargets.map((d) => ({ key: d.key, name: d.name })),
});

const idsIn = (detail: Record<string, unknown>): string[] => [
  ...(typeof detail.assigneeId === 'string' ? [detail.assigneeId] : []),
  ...(Array.isArray(detail.mentions)
    ? detail.mentions.filter((m): m is string => typeof m === 'string')
    : []),
];

/** Every person the timeline names by id, to look their names up in one query. */
export const peopleNamedIn = (events: OpportunityEventRow[]): string[] => [
  ...new Set(events.flatMap((e) => idsIn(e.detail))),
];

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** What happened, in a sentence a person reading the timeline (or an FOI bundle) follows without the codes. */
const summaryOf = (e: OpportunityEventRow, names: Map<string, string>): string => {
  const d = e.detail;
  const named = (id: unknown) =>
    typeof id === 'string' ? (names.get(id) ?? 'someone no longer here') : 'nobody';
  switch (e.kind) {
    case 'assigned':
      return d.assigneeId === e.actorUserId ? 'Took it on' : `Assigned it to ${named(d.assigneeId)}`;
    case 'unassigned':
      return 'Unassigned it';
    case 'declined':
      return `Declined it: ${DECLINE_REASON_LABELS[d.reason as DeclineReason] ?? String(d.reason)}`;
    case 'referred':
      return d.to === 'press-office'
        ? 'Referred it to the press office'
        : `Referred it to ${str(d.departmentName) ?? 'another department'}`;
    case 'referred-in':
      return `Referred here by ${str(d.fromDepartmentName) ?? 'another department'}`;
    case 'referral-outcome':
      return 'Recorded what came back from the referral';
    case 'reopened':
      return 'Reopened it';
    case 'note':
      return 'Added a note';
    case 'sla-due-soon':
      return 'The first response is due soon';
    case 'sla-overdue':
      return 'The first response is overdue';
    case 'retired':
      return `Retired: ${str(d.reason) ?? 'no rule supports it any more'}`;
    case 'revived':
      return 'Back in the inbox: a rule supports it again';
    default: {
      const words = e.kind.replace(/-/g, ' ');
      const said = words.charAt(0).toUpperCase() + words.slice(1);
      return e.toStatus
        ? `${said} (now ${STATUS_LABELS[e.toStatus as OpportunityStatus].toLowerCase()})`
        : said;
    }
  }
};

export const eventOf = (e: OpportunityEventRow, names: Map<string, string>): OpportunityEvent => ({
  id: e.id,
  at: iso(e.at) as string,
  kind: e.kind,
  actor: e.actorUserId ? { id: e.actorUserId, name: e.actorName ?? 'someone no longer here' } : null,
  fromStatus: e.fromStatus as OpportunityStatus | null,
  toStatus: e.toStatus as OpportunityStatus | null,
  summary: summaryOf(e, names),
  detail: e.detail,
  people: idsIn(e.detail).flatMap((id) => (names.has(id) ? [{ id, name: names.get(id) as string }] : [])),
});
