import type { Role } from './roles';
import type { Route } from './route';

/**
 * Clearance of a draft reply, as pure rules: when a draft needs it, who may review, and when the approvals are
 * complete. The api stores drafts and reviews; these functions decide.
 */

/** The roles whose approval clears a draft: policy and comms always, a manager too during an election period. */
export const REVIEW_ROLES = ['policy', 'comms', 'manager'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

export const REVIEW_DECISIONS = ['approve', 'request-changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const CLEARANCE_REASONS = ['route', 'view', 'announcement', 'election-period'] as const;
export type ClearanceReason = (typeof CLEARANCE_REASONS)[number];

/** Why clearance is needed, in words a comms officer reads beside the draft. */
export const CLEARANCE_REASON_TEXT: Record<ClearanceReason, string> = {
  route: 'Parley suggested getting clearance first for this conversation.',
  view: 'The draft gives a view on policy that is contested, which policy officials must agree to.',
  announcement:
    'The draft reads like an announcement; announcing is the press office’s role, so it must be checked.',
  'election-period': 'An election period is active: every post needs a manager’s approval as well.',
};

/** A finding as clearance sees it: its kind and the span of text it covers. */
export type FindingSpan = { kind: string; start: number; end: number };

/** An override names the finding it sets aside by kind and span. */
export const isOverridden = (finding: FindingSpan, overrides: readonly FindingSpan[]): boolean =>
  overrides.some((o) => o.kind === finding.kind && o.start === finding.start && o.end === finding.end);

export type ClearanceInput = {
  route: Route;
  /** The findings of the latest version. */
  findings: readonly FindingSpan[];
  /** The findings of the latest version someone has set aside, with a reason. */
  overrides: readonly FindingSpan[];
  electionPeriod: boolean;
};

/** Findings that send a draft to clearance unless someone sets them aside with a reason. */
const CLEARANCE_KINDS: readonly ClearanceReason[] = ['view', 'announcement'];

/** Every reason the draft needs clearance, in a fixed order; none means it can be posted as it is. */
export const clearanceReasons = ({
  route,
  findings,
  overrides,
  electionPeriod,
}: ClearanceInput): ClearanceReason[] => {
  const open = findings.filter((f) => !isOverridden(f, overrides)).map((f) => f.kind);
  return CLEARANCE_REASONS.filter((reason) => {
    if (reason === 'route') return route === 'clearance';
    if (reason === 'election-period') return electionPeriod;
    return CLEARANCE_KINDS.includes(reason) && open.includes(reason);
  });
};

/** Whose approval clears a draft. */
export const approvalsNeeded = (electionPeriod: boolean): ReviewRole[] =>
  electionPeriod ? ['policy', 'comms', 'manager'] : ['policy', 'comms'];

export type ReviewRecord = { reviewerId: string; role: ReviewRole; decision: ReviewDecision };

export type ApprovalState = {
  /** Each needed role that an approval fills, with who approved. */
  given: { role: ReviewRole; reviewerId: string }[];
  missing: ReviewRole[];
  complete: boolean;
};

/**
 * Which needed roles the reviews of this clearance fill. Reviews come oldest first and only a reviewer's latest
 * decision counts, so a reviewer fills one role at most (someone who approves "as" two roles counts once), and
 * an author's approval never counts.
 */
export const approvalState = (
  needed: readonly ReviewRole[],
  reviews: readonly ReviewRecord[],
  authors: readonly string[],
): ApprovalState => {
  const latest = new Map(reviews.map((r) => [r.reviewerId, r]));
  const approvals = [...latest.values()].filter(
    (r) => r.decision === 'approve' && !authors.includes(r.reviewerId),
  );
  const given = needed.flatMap((role) => {
    const approval = approvals.find((a) => a.role === role);
    return approval ? [{ role, reviewerId: approval.reviewerId }] : [];
  });
  const missing = needed.filter((role) => !given.some((g) => g.role === role));
  return { given, missing, complete: missing.length === 0 };
};

export type ReviewAttempt = {
  reviewerId: string;
  /** The reviewer's role in the draft's department; null when they are no member of it. */
  role: Role | null;
  decision: ReviewDecision;
  authors: readonly string[];
  /** Whether the draft is waiting for clearance now. */
  inClearance: boolean;
};

const isReviewRole = (role: Role | null): role is ReviewRole =>
  role !== null && (REVIEW_ROLES as readonly string[]).includes(role);

/** Why this review cannot be made, in plain words, or null when it can. */
export const reviewRefusal = ({ reviewerId, role, decision, authors, inClearance }: ReviewAttempt) => {
  if (!isReviewRole(role)) {
    return 'Only policy officials, comms officers and managers of the department review drafts.';
  }
  if (authors.includes(reviewerId)) {
    return decision === 'approve'
      ? 'You wrote this draft, so you cannot approve it: a policy official and a comms officer who did not write it need to.'
      : 'You wrote this draft: change it yourself rather than requesting changes.';
  }
  if (!inClearance) return 'This draft is not waiting for clearance: it has to be submitted first.';
  return null;
};

/**
 * A new version keeps the overrides of findings whose text it did not change: someone who set aside "we think"
 * for a reason need not give it again for a version that only fixed a typo elsewhere. Each carried override
 * moves to where its finding now is.
 */
export const carryOverrides = <O extends FindingSpan & { text: string }>(
  previous: readonly O[],
  findings: readonly (FindingSpan & { text: string })[],
): O[] =>
  findings.flatMap((finding) => {
    const override = previous.find((o) => o.kind === finding.kind && o.text === finding.text);
    return override ? [{ ...override, start: finding.start, end: finding.end }] : [];
  });
