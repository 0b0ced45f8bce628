import { describe, expect, it } from 'vitest';
import { publicPseudonyms, redactCaseBundle, type BundlePost, type CaseBundle } from './case-bundle';

const post = (
  id: string,
  name: string,
  handle: string | null,
  byDepartment: string | null,
  text: string,
): BundlePost => ({
  id,
  url: `https://social.example/@${handle ?? name}/${id}`,
  platform: 'mastodon',
  author: { name, handle, profileUrl: `https://social.example/@${handle ?? name}` },
  byDepartment,
  publishedAt: '2026-12-01T10:00:00.000Z',
  text,
  inReplyTo: null,
});

const bundle = (): CaseBundle => ({
  generatedAt: '2026-12-01T12:00:00.000Z',
  generatedBy: { name: 'Casey Comms', email: 'casey@dfe.example.gov.uk' },
  redacted: false,
  department: { key: 'dfe', name: 'Department for Education' },
  conversation: {
    id: '7',
    title: 'Priya asks about appeals',
    url: 'https://social.example/@priya/1',
    source: 'instance',
    platform: 'mastodon',
    postCount: 3,
    participantCount: 3,
    startedAt: null,
    lastActivityAt: null,
  },
  thread: [
    post('1', 'Priya Shah', 'priya@social.example', null, 'Can I appeal? Call 07700 900123'),
    post('2', 'Sam', 'sam', null, '@priya@social.example same here'),
    post('3', 'DfE', 'dfe', 'dfe', 'Hi @priya@social.example and @sam: ask the school.'),
    post('4', 'Priya Shah', 'priya@social.example', null, 'Thanks!'),
  ],
  triage: {
    opportunityId: 'o1',
    score: 60,
    route: 'pointer',
    routeReason: 'a question Priya asked',
    signals: [{ kind: 'question', detail: 'Can I appeal? Call 07700 900123', weight: 25 }],
    resources: [],
    status: 'responded',
    assignee: 'Casey Comms',
    declineReason: null,
    taggedAt: '2026-12-01T10:05:00.000Z',
    firstResponseAt: null,
    retiredAt: null,
    retiredReason: null,
  },
  ruleVersions: [],
  timeline: [
    {
      at: '2026-12-01T11:00:00.000Z',
      kind: 'note',
      fromStatus: null,
      toStatus: null,
      actor: 'Casey Comms',
      detail: { text: 'Sam emailed sam@example.com' },
    },
  ],
  engagements: [{ kind: 'reply', url: 'https://social.example/@dfe/3' }],
  records: { 'draft-versions': [{ text: 'Hi Priya Shah', saved_by_name: 'Casey Comms' }] },
  audit: [
    {
      at: '2026-12-01T11:00:00.000Z',
      actor: 'casey@dfe.example.gov.uk',
      actorName: 'Casey Comms',
      action: 'opportunity.note',
      description: 'Added a note',
      entityType: 'opportunity',
      entityId: 'o1',
      before: null,
      after: { text: 'Sam emailed sam@example.com' },
    },
  ],
});

describe('redacting a case bundle for the public', () => {
  it('numbers the members of the public in the order they first post, once each', () => {
    expect([...publicPseudonyms(bundle().thread).values()].map((p) => p.replacement)).toEqual([
      'Member of the public 1',
      'Member of the public 2',
    ]);
  });

  it('replaces their names, handles, links and personal data everywhere, and keeps the department and staff', () => {
    const redacted = redactCaseBundle(bundle());
    expect(redacted.redacted).toBe(true);
    expect(redacted.thread.map((p) => [p.author.name, p.author.handle, p.url])).toEqual([
      ['Member of the public 1', null, null],
      ['Member of the public 2', null, null],
      ['DfE', 'dfe', 'https://social.example/@dfe/3'],
      ['Member of the public 1', null, null],
    ]);
    expect(redacted.thread.map((p) => p.text)).toEqual([
      'Can I appeal? Call [phone number removed]',
      'Member of the public 1 same here',
      'Hi Member of the public 1 and Member of the public 2: ask the school.',
      'Thanks!',
    ]);
    expect(redacted.conversation).toMatchObject({
      title: 'Member of the public 1 asks about appeals',
      url: null,
    });
    expect(redacted.triage.routeReason).toBe('a question Member of the public 1 asked');
    expect(redacted.triage.signals[0].detail).toBe('Can I appeal? Call [phone number removed]');
    expect(redacted.timeline[0]).toMatchObject({
      actor: 'Casey Comms',
      detail: { text: 'Member of the public 2 emailed [email address removed]' },
    });
    expect(redacted.records['draft-versions'][0]).toEqual({
      text: 'Hi Member of the public 1',
      saved_by_name: 'Casey Comms',
    });
    expect(redacted.audit[0]).toMatchObject({
      actorName: 'Casey Comms',
      after: { text: 'Member of the public 2 emailed [email address removed]' },
    });
    expect(redacted.generatedBy.name).toBe('Casey Comms');
    expect(redacted.engagements).toEqual([{ kind: 'reply', url: 'https://social.example/@dfe/3' }]);
  });
});
