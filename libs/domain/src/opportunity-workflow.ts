/**
 * The life of an opportunity, as one table. Every change names an action; the table says from which statuses it
 * is allowed and where it leads. Nothing else moves an opportunity's status, so the table is the whole rule.
 */
export const OPPORTUNITY_STATUSES = [
  'new',
  'assigned',
  'drafting',
  'in-clearance',
  'approved',
  'responded',
  'declined',
  'referred',
  'retired',
] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const WORKFLOW_ACTIONS = [
  'assign',
  'unassign',
  'draft',
  'submit',
  'approve',
  'request-changes',
  'respond',
  'decline',
  'refer',
  'reopen',
  'retire',
  'revive',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type Transition = { action: WorkflowAction; from: OpportunityStatus; to: OpportunityStatus };

/** Work has not finished: the first-response clock runs, and the opportunity can still be declined. */
export const OPEN_STATUSES = [
  'new',
  'assigned',
  'drafting',
  'in-clearance',
  'approved',
] as const satisfies readonly OpportunityStatus[];

const rows = (action: WorkflowAction, from: readonly OpportunityStatus[], to: OpportunityStatus | 'same') =>
  from.map((f): Transition => ({ action, from: f, to: to === 'same' ? f : to }));

export const TRANSITIONS: readonly Transition[] = [
  // Handing work to someone keeps it where it is; only a new one becomes "assigned".
  ...rows('assign', ['new'], 'assigned'),
  ...rows('assign', ['assigned', 'drafting', 'in-clearance', 'approved'], 'same'),
  // Once a draft exists, hand it to someone else instead: unassigned drafts would have nobody to answer for them.
  ...rows('unassign', ['assigned'], 'new'),
  // Saving a draft; editing an approved draft sends it back to drafting, so it is cleared again.
  ...rows('draft', ['new', 'assigned', 'drafting', 'approved'], 'drafting'),
  ...rows('submit', ['drafting'], 'in-clearance'),
  ...rows('approve', ['in-clearance'], 'approved'),
  ...rows('request-changes', ['in-clearance'], 'drafting'),
  // A reply that needs clearance is posted once approved; a pointer or an answer already given can be recorded
  // before any draft. Never while a draft waits for clearance.
  ...rows('respond', ['new', 'assigned', 'drafting', 'approved'], 'responded'),
  ...rows('decline', ['new', 'assigned', 'drafting', 'in-clearance', 'approved'], 'declined'),
  // The press office or another department takes it; a reviewer may refer a draft that turned out to announce.
  ...rows('refer', ['new', 'assigned', 'drafting', 'in-clearance'], 'referred'),
  ...rows('reopen', ['declined', 'referred'], 'new'),
  // Only untouched work is retired when no rule supports it any more; work someone started stays.
  ...rows('retire', ['new', 'assigned'], 'retired'),
  ...rows('revive', ['retired'], 'new'),
];

/** Where `action` takes an opportunity in status `from`, or null when the table does not allow it. */
export const nextStatus = (from: OpportunityStatus, action: WorkflowAction): OpportunityStatus | null =>
  TRANSITIONS.find((t) => t.from === from && t.action === action)?.to ?? null;

/** The statuses `action` is allowed from. */
export const statusesAllowing = (action: WorkflowAction): OpportunityStatus[] =>
  TRANSITIONS.filter((t) => t.action === action).map((t) => t.from);

export const DECLINE_REASONS = [
  'out-of-remit',
  'already-answered',
  'not-appropriate',
  'abusive',
  'duplicate',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** The reasons in words, for people (the codes are for scripts and evaluation). */
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  'out-of-remit': 'Out of our remit',
  'already-answered': 'Already answered',
  'not-appropriate': 'Not appropriate for us to intervene',
  abusive: 'Abusive',
  duplicate: 'Duplicate',
  other: 'Other (say why in the note)',
};

export const STATUS_LABELS: Record<OpportunityStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  drafting: 'Drafting',
  'in-clearance': 'In clearance',
  approved: 'Approved',
  responded: 'Responded',
  declined: 'Declined',
  referred: 'Referred',
  retired: 'Retired',
};

const ACTION_WORDS: Record<WorkflowAction, string> = {
  assign: 'assigned',
  unassign: 'unassigned',
  draft: 'drafted',
  submit: 'submitted for clearance',
  approve: 'approved',
  'request-changes': 'sent back with changes requested',
  respond: 'marked as responded',
  decline: 'declined',
  refer: 'referred',
  reopen: 'reopened',
  retire: 'retired',
  revive: 'brought back',
};

/** Where an opportunity stands, as the end of "This conversation …". */
const STANDING: Record<OpportunityStatus, string> = {
  new: 'is new',
  assigned: 'is assigned',
  drafting: 'is being drafted',
  'in-clearance': 'is in clearance',
  approved: 'is approved',
  responded: 'has been answered',
  declined: 'was declined',
  referred: 'was referred',
  retired: 'was retired',
};

const listOf = (words: string[]): string =>
  words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** Why the table refuses, in words a person can act on. */
export const refusalOf = (from: OpportunityStatus, action: WorkflowAction): string => {
  const allowed = listOf(statusesAllowing(action).map((s) => STATUS_LABELS[s].toLowerCase()));
  const hint = from === 'declined' || from === 'referred' ? ' Reopen it first.' : '';
  return `This conversation ${STANDING[from]}, so it cannot be ${ACTION_WORDS[action]} (only one that is ${allowed} can).${hint}`;
};
