import { describe, expect, it } from 'vitest';
import {
  OPPORTUNITY_STATUSES,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  nextStatus,
  refusalOf,
  type OpportunityStatus,
  type WorkflowAction,
} from './opportunity-workflow';

/** Written out by hand, action by action: every pair not listed here must be refused. */
const ALLOWED: Record<WorkflowAction, Partial<Record<OpportunityStatus, OpportunityStatus>>> = {
  assign: {
    new: 'assigned',
    assigned: 'assigned',
    drafting: 'drafting',
    'in-clearance': 'in-clearance',
    approved: 'approved',
  },
  unassign: { assigned: 'new' },
  draft: { new: 'drafting', assigned: 'drafting', drafting: 'drafting', approved: 'drafting' },
  submit: { drafting: 'in-clearance' },
  approve: { 'in-clearance': 'approved' },
  'request-changes': { 'in-clearance': 'drafting' },
  respond: { new: 'responded', assigned: 'responded', drafting: 'responded', approved: 'responded' },
  decline: {
    new: 'declined',
    assigned: 'declined',
    drafting: 'declined',
    'in-clearance': 'declined',
    approved: 'declined',
  },
  refer: { new: 'referred', assigned: 'referred', drafting: 'referred', 'in-clearance': 'referred' },
  reopen: { declined: 'new', referred: 'new' },
  retire: { new: 'retired', assigned: 'retired' },
  revive: { retired: 'new' },
};

const cases = WORKFLOW_ACTIONS.flatMap((action) =>
  OPPORTUNITY_STATUSES.map((from) => ({ action, from, to: ALLOWED[action][from] ?? null })),
);

describe('the opportunity transition table', () => {
  it.each(cases.filter((c) => c.to))('$action from $from leads to $to', ({ action, from, to }) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each(cases.filter((c) => !c.to))('$action from $from is refused', ({ action, from }) => {
    expect(nextStatus(from, action)).toBeNull();
  });

  it('has one row per action and status', () => {
    const keys = TRANSITIONS.map((t) => `${t.action}/${t.from}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves nothing a dead end but responded: every other status has a way out', () => {
    const stuck = OPPORTUNITY_STATUSES.filter((s) => !TRANSITIONS.some((t) => t.from === s));
    expect(stuck).toEqual(['responded']);
  });

  it.each([
    [
      'declined',
      'assign',
      'This conversation was declined, so it cannot be assigned (only one that is new, assigned, drafting, in clearance or approved can). Reopen it first.',
    ],
    [
      'in-clearance',
      'respond',
      'This conversation is in clearance, so it cannot be marked as responded (only one that is new, assigned, drafting or approved can).',
    ],
    [
      'responded',
      'reopen',
      'This conversation has been answered, so it cannot be reopened (only one that is declined or referred can).',
    ],
  ] as const)('says why %s cannot be %s', (from, action, message) => {
    expect(refusalOf(from, action)).toBe(message);
  });
});
