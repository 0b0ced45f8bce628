import { describe, expect, it } from 'vitest';
import { describeNotice, recipientsOf, reasonOf, type Audience, type OutboxEvent } from './notifications';

const members: Audience['members'] = [
  { userId: 'ann-manager', role: 'manager' },
  { userId: 'bob-comms', role: 'comms' },
  { userId: 'cat-comms', role: 'comms' },
  { userId: 'dan-policy', role: 'policy' },
  { userId: 'eve-viewer', role: 'viewer' },
  { userId: 'fay-admin', role: 'admin' },
];
const audience: Audience = { assigneeId: 'bob-comms', members };

const event = (kind: string, detail: Record<string, unknown> = {}, actor = 'zed-actor'): OutboxEvent => ({
  kind,
  actorUserId: actor,
  departmentId: 'home',
  toStatus: null,
  detail,
});

describe('who hears about an event', () => {
  it.each([
    ['assigned to someone: the assignee', event('assigned', { assigneeId: 'cat-comms' }), ['cat-comms']],
    ['taken by the assignee: nobody', event('assigned', { assigneeId: 'bob-comms' }, 'bob-comms'), []],
    [
      'a note with mentions: those mentioned who are members',
      event('note', { mentions: ['dan-policy', 'outsider', 'eve-viewer'] }),
      ['dan-policy', 'eve-viewer'],
    ],
    [
      'submitted for clearance: policy and comms members but the author',
      event('draft-submitted', { authorId: 'cat-comms' }, 'cat-comms'),
      ['bob-comms', 'dan-policy'],
    ],
    ['reviewed: the author', event('review', { authorId: 'cat-comms' }, 'dan-policy'), ['cat-comms']],
    ['reviewed, no author named: the assignee', event('review', {}, 'dan-policy'), ['bob-comms']],
    ['due soon: the assignee', event('sla-due-soon', {}, null as unknown as string), ['bob-comms']],
    [
      'overdue: the assignee and the managers',
      event('sla-overdue', {}, null as unknown as string),
      ['bob-comms', 'ann-manager'],
    ],
    [
      'referred in from another department: its comms members',
      event('referred-in', { fromDepartmentName: 'Elsewhere' }, 'someone-elsewhere'),
      ['bob-comms', 'cat-comms'],
    ],
  ])('%s', (_what, outboxEvent, expected) => {
    const reason = reasonOf(outboxEvent);
    expect(reason).not.toBeNull();
    expect(recipientsOf(reason!, outboxEvent, audience)).toEqual(expected);
  });

  it('sends a due-soon with nobody assigned to the managers', () => {
    const due = event('sla-due-soon', {}, null as unknown as string);
    expect(recipientsOf('sla-due-soon', due, { ...audience, assigneeId: null })).toEqual(['ann-manager']);
  });

  it.each([
    ['a note without mentions', event('note', { text: 'checked with policy' })],
    ['a draft saved', event('draft-saved')],
    ['a referral, on the referring side', event('referred', { to: 'press-office' })],
    ['a decline', event('status', { reason: 'duplicate' })],
  ])('tells nobody about %s', (_what, outboxEvent) => {
    expect(reasonOf(outboxEvent)).toBeNull();
  });

  it('tells a department’s admins, not the person who saved it, about a rule that follows a person', () => {
    const saved = event('rule-names-person', {}, 'fay-admin');
    expect(recipientsOf('rule-names-person', saved, { assigneeId: null, members })).toEqual([]);
    const byManager = event('rule-names-person', {}, 'ann-manager');
    expect(recipientsOf('rule-names-person', byManager, { assigneeId: null, members })).toEqual([
      'fay-admin',
    ]);
  });

  it('reads a move into clearance as a clearance request', () => {
    expect(reasonOf({ ...event('status'), toStatus: 'in-clearance' })).toBe('clearance-requested');
  });
});

describe('what a notification says', () => {
  const context = { actorName: 'Dana', title: 'Loans', departmentName: 'Department for Education' };
  it.each([
    ['approve', 'Dana approved your draft reply to “Loans”'],
    ['request-changes', 'Dana asked for changes to your draft reply to “Loans”'],
    [null, 'Dana reviewed your draft reply to “Loans”'],
  ])('a review decided %s', (decision, text) => {
    expect(describeNotice('reviewed', { ...context, decision })).toBe(text);
  });

  it('names where a referral came from and the department it reached', () => {
    expect(describeNotice('referred', { ...context, fromDepartmentName: 'DWP' })).toBe(
      'Dana (DWP) referred “Loans” to Department for Education',
    );
  });

  it('says Parley made a change nobody made (an SLA warning)', () => {
    expect(describeNotice('sla-overdue', { ...context, actorName: null })).toBe(
      'The first response to “Loans” is overdue (Department for Education)',
    );
  });
});
