import { describe, expect, it } from 'vitest';
import {
  carryOverrides,
  approvalState,
  approvalsNeeded,
  clearanceReasons,
  reviewRefusal,
  type ReviewRecord,
} from './clearance';

const view = { kind: 'view', start: 0, end: 10 };
const announcement = { kind: 'announcement', start: 20, end: 40 };
const promise = { kind: 'promise', start: 50, end: 60 };

describe('clearanceReasons', () => {
  it.each([
    {
      name: 'a pointer with no findings',
      route: 'pointer',
      findings: [],
      overrides: [],
      election: false,
      expected: [],
    },
    {
      name: 'the clearance route',
      route: 'clearance',
      findings: [],
      overrides: [],
      election: false,
      expected: ['route'],
    },
    {
      name: 'a view finding',
      route: 'public-info',
      findings: [view],
      overrides: [],
      election: false,
      expected: ['view'],
    },
    {
      name: 'an announcement finding',
      route: 'pointer',
      findings: [announcement],
      overrides: [],
      election: false,
      expected: ['announcement'],
    },
    {
      name: 'a view set aside with a reason',
      route: 'pointer',
      findings: [view],
      overrides: [view],
      election: false,
      expected: [],
    },
    {
      name: 'an override of another span does not count',
      route: 'pointer',
      findings: [view],
      overrides: [{ ...view, start: 1 }],
      election: false,
      expected: ['view'],
    },
    {
      name: 'other kinds do not need clearance',
      route: 'pointer',
      findings: [promise],
      overrides: [],
      election: false,
      expected: [],
    },
    {
      name: 'an election period',
      route: 'pointer',
      findings: [],
      overrides: [],
      election: true,
      expected: ['election-period'],
    },
    {
      name: 'everything at once, in a fixed order',
      route: 'clearance',
      findings: [announcement, view],
      overrides: [],
      election: true,
      expected: ['route', 'view', 'announcement', 'election-period'],
    },
  ] as const)('$name', ({ route, findings, overrides, election, expected }) => {
    expect(clearanceReasons({ route, findings, overrides, electionPeriod: election })).toEqual(expected);
  });
});

describe('approvalsNeeded', () => {
  it.each([
    { election: false, expected: ['policy', 'comms'] },
    { election: true, expected: ['policy', 'comms', 'manager'] },
  ])('election period $election', ({ election, expected }) => {
    expect(approvalsNeeded(election)).toEqual(expected);
  });
});

const approve = (reviewerId: string, role: ReviewRecord['role']): ReviewRecord => ({
  reviewerId,
  role,
  decision: 'approve',
});

describe('approvalState', () => {
  it.each([
    { name: 'no reviews yet', needed: ['policy', 'comms'], reviews: [], missing: ['policy', 'comms'] },
    {
      name: 'policy alone',
      needed: ['policy', 'comms'],
      reviews: [approve('p', 'policy')],
      missing: ['comms'],
    },
    {
      name: 'policy and comms complete it',
      needed: ['policy', 'comms'],
      reviews: [approve('p', 'policy'), approve('c', 'comms')],
      missing: [],
    },
    {
      name: 'two comms approvals do not make a policy one',
      needed: ['policy', 'comms'],
      reviews: [approve('c1', 'comms'), approve('c2', 'comms')],
      missing: ['policy'],
    },
    {
      name: 'one reviewer approving as both roles counts once',
      needed: ['policy', 'comms'],
      reviews: [approve('x', 'policy'), approve('x', 'comms')],
      missing: ['policy'],
    },
    {
      name: 'the author’s approval never counts',
      needed: ['policy', 'comms'],
      reviews: [approve('author', 'comms'), approve('p', 'policy')],
      missing: ['comms'],
    },
    {
      name: 'a later request for changes replaces an approval',
      needed: ['policy', 'comms'],
      reviews: [
        approve('p', 'policy'),
        approve('c', 'comms'),
        { reviewerId: 'p', role: 'policy', decision: 'request-changes' },
      ],
      missing: ['policy'],
    },
    {
      name: 'an election period needs a manager too',
      needed: ['policy', 'comms', 'manager'],
      reviews: [approve('p', 'policy'), approve('c', 'comms')],
      missing: ['manager'],
    },
    {
      name: 'with the manager it is complete',
      needed: ['policy', 'comms', 'manager'],
      reviews: [approve('p', 'policy'), approve('m', 'manager'), approve('c', 'comms')],
      missing: [],
    },
  ] as const)('$name', ({ needed, reviews, missing }) => {
    const state = approvalState(needed, reviews, ['author']);
    expect(state.missing).toEqual(missing);
    expect(state.complete).toBe(missing.length === 0);
  });
});

describe('reviewRefusal', () => {
  const attempt = { reviewerId: 'r', authors: ['a'], inClearance: true, decision: 'approve' } as const;
  it.each([
    { name: 'a policy official', role: 'policy', extra: {}, refused: null },
    { name: 'a comms officer', role: 'comms', extra: {}, refused: null },
    { name: 'a manager', role: 'manager', extra: {}, refused: null },
    {
      name: 'a viewer',
      role: 'viewer',
      extra: {},
      refused: /Only policy officials, comms officers and managers/,
    },
    { name: 'a department admin', role: 'admin', extra: {}, refused: /Only policy officials/ },
    { name: 'no member of the department', role: null, extra: {}, refused: /Only policy officials/ },
    {
      name: 'the author approving',
      role: 'comms',
      extra: { reviewerId: 'a' },
      refused: /You wrote this draft, so you cannot approve it/,
    },
    {
      name: 'the author requesting changes',
      role: 'policy',
      extra: { reviewerId: 'a', decision: 'request-changes' },
      refused: /change it yourself/,
    },
    {
      name: 'a draft not submitted',
      role: 'policy',
      extra: { inClearance: false },
      refused: /has to be submitted first/,
    },
  ] as const)('$name', ({ role, extra, refused }) => {
    const message = reviewRefusal({ ...attempt, role, ...extra });
    if (refused === null) expect(message).toBeNull();
    else expect(message).toMatch(refused);
  });
});

describe('carryOverrides', () => {
  const override = { kind: 'view', start: 0, end: 8, text: 'we think', reason: 'quoting the minister' };
  it.each([
    {
      name: 'the same finding moved along',
      findings: [{ kind: 'view', start: 6, end: 14, text: 'we think' }],
      expected: [{ ...override, start: 6, end: 14 }],
    },
    {
      name: 'its text changed',
      findings: [{ kind: 'view', start: 0, end: 9, text: 'we belive' }],
      expected: [],
    },
    {
      name: 'another kind on the same text',
      findings: [{ kind: 'promise', start: 0, end: 8, text: 'we think' }],
      expected: [],
    },
    { name: 'the finding is gone', findings: [], expected: [] },
  ])('$name', ({ findings, expected }) => {
    expect(carryOverrides([override], findings)).toEqual(expected);
  });
});
