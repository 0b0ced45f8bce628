import type { OpportunityEventRow } from '@parley/db';
import { describe, expect, it } from 'vitest';
import { eventOf, peopleNamedIn } from './opportunity-mapper';

const SAM = '11111111-1111-4111-8111-111111111111';
const JO = '22222222-2222-4222-8222-222222222222';
const names = new Map([
  [SAM, 'Sam Jones'],
  [JO, 'Jo Patel'],
]);

const event = (
  kind: string,
  detail: Record<string, unknown> = {},
  more: Partial<OpportunityEventRow> = {},
) => ({
  id: '1',
  at: new Date('2026-12-01T10:00:00Z'),
  actorUserId: SAM,
  actorName: 'Sam Jones',
  kind,
  fromStatus: null,
  toStatus: null,
  detail,
  ...more,
});

describe('the timeline in words', () => {
  it.each([
    [event('assigned', { assigneeId: SAM }), 'Took it on'],
    [event('assigned', { assigneeId: JO }), 'Assigned it to Jo Patel'],
    [
      event('assigned', { assigneeId: '33333333-3333-4333-8333-333333333333' }),
      'Assigned it to someone no longer here',
    ],
    [event('declined', { reason: 'not-appropriate' }), 'Declined it: Not appropriate for us to intervene'],
    [event('referred', { to: 'press-office' }), 'Referred it to the press office'],
    [
      event('referred', { to: 'department', departmentName: 'HM Revenue and Customs' }),
      'Referred it to HM Revenue and Customs',
    ],
    [event('referred-in', { fromDepartmentName: 'DfE' }), 'Referred here by DfE'],
    [event('sla-overdue', {}, { actorUserId: null, actorName: null }), 'The first response is overdue'],
    [
      event('retired', { reason: 'rule "uc" is no longer enabled' }),
      'Retired: rule "uc" is no longer enabled',
    ],
    [event('review', { decision: 'approve' }), 'Approved the draft'],
    [event('review', { decision: 'request-changes' }), 'Asked for changes to the draft'],
    [event('engagement', { published: true }), 'Published the reply'],
    [event('engagement', { url: 'https://x.example/1' }), 'Recorded the reply'],
    // Kinds no module here knows yet read as words, with the status they led to.
    [event('draft-submitted'), 'Submitted the draft for clearance'],
    [
      event('reply-withdrawn', {}, { fromStatus: 'responded', toStatus: 'drafting' }),
      'Reply withdrawn (now drafting)',
    ],
    [event('engagement-matched'), 'Engagement matched'],
  ])('%#: %s', (row, summary) => {
    expect(eventOf(row, names).summary).toBe(summary);
  });

  it('names the people an event mentions, and Parley itself as no one', () => {
    const note = event('note', { text: 'over to you', mentions: [JO, SAM] });
    expect(peopleNamedIn([note, event('assigned', { assigneeId: JO })])).toEqual([JO, SAM]);
    expect(eventOf(note, names).people).toEqual([
      { id: JO, name: 'Jo Patel' },
      { id: SAM, name: 'Sam Jones' },
    ]);
    expect(eventOf(event('sla-due-soon', {}, { actorUserId: null }), names).actor).toBeNull();
  });
});
