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
  'follow-up-due',
  'alert-raised',
  'rule-names-person',
] as const;
export type NoticeReason = (typeof NOTICE_REASONS)[number];

/**
 * The reasons a person chooses email for on the notification preferences: an alert's email follows their alert
 * preferences instead (with quiet hours and a severity bar), so it is not a second switch here.
 */
export type EmailChoiceReason = Exclude<NoticeReason, 'alert-raised'>;
export const EMAIL_CHOICE_REASONS = NOTICE_REASONS.filter(
  (r): r is EmailChoiceReason => r !== 'alert-raised',
);

/**
 * The reasons a department's webhook can post. A rule that follows a named member of the public stays inside
 * Parley: its admins are told there (and by email), not in a shared channel.
 */
export const WEBHOOK_REASONS = NOTICE_REASONS.filter(
  (reason): reason is Exclude<NoticeReason, 'rule-names-person'> => reason !== 'rule-names-person',
);
export type WebhookReason = (typeof WEBHOOK_REASONS)[number];

/** The reasons in words a person chooses from ("email me when…"). */
export const NOTICE_LABELS: Record<NoticeReason, string> = {
  assigned: 'a conversation is assigned to me',
  mentioned: 'someone mentions me in a note',
  'clearance-requested': 'a draft needs clearance from me',
  reviewed: 'my draft is approved or sent back with changes',
  'sla-due-soon': 'a first response I am responsible for is nearly due',
  'sla-overdue': 'a first response I am responsible for is overdue',
  referred: 'a conversation is referred to my department',
  'follow-up-due': 'an engagement exercise in my department is due its policy-influence follow-up',
  'alert-raised': 'an alert is raised in my department',
  'rule-names-person': 'a listening rule in a department I run follows a named member of the public',
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

/** Kinds a drafting step may be recorded as; a move into clearance counts whatever its kind. */
const SUBMITTED = new Set(['draft-submitted', 'submitted', 'submitted-for-clearance']);
const REVIEWED = new Set(['review', 'reviewed', 'draft-reviewed', 'changes-requested']);

/**
 * Which reason an event gives, or null for changes nobody needs telling about (a draft saved, a decline). A
 * referral is told on the receiving side: the workflow appends `referred-in` to the opportunity it made in the
 * other department's inbox (a referral to the press office leaves Parley, so nobody there is told).
 */
export const reasonOf = (event: OutboxEvent): WebhookReason | null => {
  if (event.kind === 'assigned') return 'assigned';
  if (event.kind === 'note') return stringsOf(event.detail.mentions).length > 0 ? 'mentioned' : null;
  if (SUBMITTED.has(event.kind) || event.toStatus === 'in-clearance') return 'clearance-requested';
  if (REVIEWED.has(event.kind)) return 'reviewed';
  if (event.kind === 'sla-due-soon' || event.kind === 'sla-overdue') return event.kind;
  if (event.kind === 'referred-in') return 'referred';
  return null;
};

export type Member = { userId: string; role: Role };

/** Who could hear about an event, as the fan-out loads them for it. */
export type Audience = {
  /** The opportunity's assignee now (or the one the event names). */
  assigneeId: string | null;
  /** The event's department's members, enabled accounts only. */
  members: readonly Member[];
};

const withRoles = (members: readonly Member[], roles: readonly Role[]): string[] =>
  members.filter((m) => roles.includes(m.role)).map((m) => m.userId);

/** Who hears about an event for `reason`, before the actor is taken out. */
const candidates = (reason: NoticeReason, event: OutboxEvent, audience: Audience): string[] => {
  const assignee = stringOf(event.detail.assigneeId) ?? audience.assigneeId;
  // The draft's author when the event names one; else whoever the opportunity is assigned to, who drafts it.
  const author = stringOf(event.detail.authorId) ?? audience.assigneeId;
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
      // The receiving department's comms officers, whose inbox it has just reached.
      return withRoles(audience.members, ['comms']);
    case 'follow-up-due':
      // Those who record policy influence: the department's policy officials and managers.
      return withRoles(audience.members, ['policy', 'manager']);
    case 'alert-raised':
      // Everyone who can read the department; each person's alert preferences narrow it.
      return audience.members.map((m) => m.userId);
    case 'rule-names-person':
      // The department's admins, who answer for what it listens to.
      return withRoles(audience.members, ['admin']);
  }
};

/** The people to tell about an event, each once, never the person who made the change. */
export const recipientsOf = (reason: NoticeReason, event: OutboxEvent, audience: Audience): string[] =>
  [...new Set(candidates(reason, event, audience))].filter((id) => id !== event.actorUserId);

/** One line saying what happened, for the notification list, the email subject and the webhook's text. */
export type NoticeContext = {
  actorName: string | null;
  title: string;
  departmentName: string;
  /** For a referral, the department it came from. */
  fromDepartmentName?: string | null;
  /** For a review, what the reviewer decided (`approve`, `request-changes`). */
  decision?: string | null;
  /** For a follow-up, how many months after the exercise closed it is. */
  months?: number;
};

const reviewed = (decision: string | null | undefined): string =>
  decision === 'approve' ? 'approved' : decision === 'request-changes' ? 'asked for changes to' : 'reviewed';

export const describeNotice = (reason: NoticeReason, context: NoticeContext): string => {
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
      return `${who} ${reviewed(context.decision)} your draft reply to ${what}`;
    case 'sla-due-soon':
      return `The first response to ${what} is due soon (${context.departmentName})`;
    case 'sla-overdue':
      return `The first response to ${what} is overdue (${context.departmentName})`;
    case 'referred':
      return `${who}${context.fromDepartmentName ? ` (${context.fromDepartmentName})` : ''} referred ${what} to ${context.departmentName}`;
    case 'follow-up-due':
      return `The ${context.months ?? 3}-month follow-up of ${what} is due: record what it changed in policy (${context.departmentName})`;
    case 'alert-raised':
      return `Alert in ${context.departmentName}: ${context.title}`;
    case 'rule-names-person':
      return `${who} saved the listening rule ${what}, which follows a named member of the public: check its justification (${context.departmentName})`;
  }
};

/** The same line for a department's channel (a webhook), where "you" means nobody in particular. */
export const describeForChannel = (
  reason: NoticeReason,
  context: NoticeContext & { assigneeName: string | null },
): string => {
  const who = context.actorName ?? 'Parley';
  const what = `“${context.title}”`;
  switch (reason) {
    case 'assigned':
      return `${who} assigned ${what}${context.assigneeName ? ` to ${context.assigneeName}` : ''}`;
    case 'mentioned':
      return `${who} mentioned colleagues in a note on ${what}`;
    case 'reviewed':
      return `${who} ${reviewed(context.decision)} a draft reply to ${what}`;
    default:
      return describeNotice(reason, context);
  }
};
