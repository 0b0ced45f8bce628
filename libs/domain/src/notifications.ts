import type { Role } from './roles';

/**
 * Why someone hears about a change to an opportunity. Each workflow event gives at most one reason, and the reason
 * decides who hears (below), which people may choose to get by email, and which webhooks post it.
 */
export const NOTICE_REASONS = [
  'assigned',
  'mentioned',
  'clearance-requested',
  'reviewed',
  'sla-due-soon',
  'sla-overdue',
  'referred',
] as const;
export type NoticeReason = (typeof NOTICE_REASONS)[number];

/** The reasons in words a person chooses from ("email me when…"). */
export const NOTICE_LABELS: Record<NoticeReason, string> = {
  assigned: 'a conversation is assigned to me',
  mentioned: 'someone mentions me in a note',
  'clearance-requested': 'a draft needs clearance from me',
  reviewed: 'my draft is approved or sent back with changes',
  'sla-due-soon': 'a first response I am responsible for is nearly due',
  'sla-overdue': 'a first response I am responsible for is overdue',
  referred: 'a conversation is referred to my department',
};

/** One row of the opportunity_event outbox, as the rules read it. */
export type OutboxEvent = {
  kind: string;
  actorUserId: string | null;
  departmentId: string;
  toStatus: string | null;
  detail: Record<string, unknown>;
};

const stringOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

/** Which reason an event gives, or null for changes nobody needs telling about (a draft saved, a decline). */
export const reasonOf = (event: OutboxEvent): NoticeReason | null => {
  switch (event.kind) {
    case 'assigned':
      return 'assigned';
    case 'note':
      return stringsOf(event.detail.mentions).length > 0 ? 'mentioned' : null;
    case 'draft-submitted':
      return 'clearance-requested';
    case 'review':
      return 'reviewed';
    case 'sla-due-soon':
      return 'sla-due-soon';
    case 'sla-overdue':
      return 'sla-overdue';
    case 'referred':
      // The press office is outside Parley; only a referral to another department has people to tell.
      return referredDepartmentOf(event) ? 'referred' : null;
    default:
      return event.kind === 'status' && event.toStatus === 'in-clearance' ? 'clearance-requested' : null;
  }
};

/** The department an event refers the conversation to, if it is a referral to another department. */
export const referredDepartmentOf = (event: OutboxEvent): string | null =>
  stringOf(event.detail.toDepartmentId);

export type Member = { userId: string; role: Role };

/** Who could hear about an event, as the fan-out loads them for it. */
export type Audience = {
  /** The opportunity's assignee now (or the one the event names). */
  assigneeId: string | null;
  /** The author of the draft a submission or review is about. */
  authorId: string | null;
  /** The event's department's members, enabled accounts only. */
  members: readonly Member[];
  /** For a referral, the members of the department it was referred to. */
  referredMembers: readonly Member[];
};

const withRoles = (members: readonly Member[], roles: readonly Role[]): string[] =>
  members.filter((m) => roles.includes(m.role)).map((m) => m.userId);

/** Who hears about an event for `reason`, before the actor is taken out. */
const candidates = (reason: NoticeReason, event: OutboxEvent, audience: Audience): string[] => {
  const assignee = stringOf(event.detail.assigneeId) ?? audience.assigneeId;
  const author = stringOf(event.detail.authorId) ?? audience.authorId;
  const managers = withRoles(audience.members, ['manager']);
  switch (reason) {
    case 'assigned':
      return assignee ? [assignee] : [];
    case 'mentioned': {
      // Only people who can read the department: a mention of anyone else names nobody Parley can tell.
      const members = new Set(audience.members.map((m) => m.userId));
      return stringsOf(event.detail.mentions).filter((id) => members.has(id));
    }
    case 'clearance-requested':
      return withRoles(audience.members, ['policy', 'comms']).filter((id) => id !== author);
    case 'reviewed':
      return author ? [author] : [];
    case 'sla-due-soon':
      // The assignee first; with nobody assigned, the managers, who decide who takes it.
      return assignee ? [assignee] : managers;
    case 'sla-overdue':
      return [...(assignee ? [assignee] : []), ...managers];
    case 'referred':
      return withRoles(audience.referredMembers, ['comms']);
  }
};

/** The people to tell about an event, each once, never the person who made the change. */
export const recipientsOf = (reason: NoticeReason, event: OutboxEvent, audience: Audience): string[] =>
  [...new Set(candidates(reason, event, audience))].filter((id) => id !== event.actorUserId);

/** One line saying what happened, for the notification list, the email subject and the webhook's text. */
export const describeNotice = (
  reason: NoticeReason,
  context: { actorName: string | null; title: string; departmentName: string },
): string => {
  const who = context.actorName ?? 'Parley';
  const what = `“${context.title}”`;
  switch (reason) {
    case 'assigned':
      return `${who} assigned ${what} to you`;
    case 'mentioned':
      return `${who} mentioned you in a note on ${what}`;
    case 'clearance-requested':
      return `${who} submitted a reply to ${what} for clearance`;
    case 'reviewed':
      return `${who} reviewed your draft reply to ${what}`;
    case 'sla-due-soon':
      return `The first response to ${what} is due soon (${context.departmentName})`;
    case 'sla-overdue':
      return `The first response to ${what} is overdue (${context.departmentName})`;
    case 'referred':
      return `${who} (${context.departmentName}) referred ${what} to your department`;
  }
};

/** The same line for a department's channel (a webhook), where "you" means nobody in particular. */
export const describeForChannel = (
  reason: NoticeReason,
  context: { actorName: string | null; title: string; departmentName: string; assigneeName: string | null },
): string => {
  const who = context.actorName ?? 'Parley';
  const what = `“${context.title}”`;
  switch (reason) {
    case 'assigned':
      return `${who} assigned ${what}${context.assigneeName ? ` to ${context.assigneeName}` : ''}`;
    case 'mentioned':
      return `${who} mentioned colleagues in a note on ${what}`;
    case 'reviewed':
      return `${who} reviewed a draft reply to ${what}`;
    default:
      return describeNotice(reason, context);
  }
};
