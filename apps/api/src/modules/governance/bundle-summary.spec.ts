import type { CaseBundle } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { bundleSummaryHtml } from './bundle-summary';

const hostile = '<img src=x onerror=alert(1)>"\'&';
const bundle: CaseBundle = {
  generatedAt: '2026-12-01T12:00:00.000Z',
  generatedBy: { name: hostile, email: 'a@example.gov.uk' },
  redacted: true,
  department: { key: 'dfe', name: 'Department for Education' },
  conversation: {
    id: '1',
    title: hostile,
    url: 'javascript:alert(1)',
    source: 'forum',
    platform: 'web',
    postCount: 1,
    participantCount: 1,
    startedAt: null,
    lastActivityAt: null,
  },
  thread: [
    {
      id: '1',
      url: 'https://forum.example.org/t/1',
      platform: 'web',
      author: { name: hostile, handle: null, profileUrl: null },
      byDepartment: null,
      publishedAt: '2026-12-01T11:00:00.000Z',
      text: `${hostile}\nsecond line`,
      inReplyTo: null,
    },
  ],
  triage: {
    opportunityId: 'o1',
    score: 50,
    route: 'pointer',
    routeReason: hostile,
    signals: [{ kind: 'question', detail: hostile, weight: 25 }],
    resources: [],
    status: 'new',
    assignee: null,
    declineReason: null,
    taggedAt: '2026-12-01T11:30:00.000Z',
    firstResponseAt: null,
    retiredAt: null,
    retiredReason: null,
  },
  ruleVersions: [],
  timeline: [
    {
      at: '2026-12-01T11:40:00.000Z',
      kind: 'note',
      fromStatus: null,
      toStatus: null,
      actor: hostile,
      detail: { text: hostile },
    },
  ],
  engagements: [],
  records: { drafts: [{ text: hostile }] },
  audit: [],
};

describe('the bundle summary page', () => {
  const html = bundleSummaryHtml(bundle);

  it('escapes every value, so nothing anyone wrote becomes markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(html).not.toContain('href="javascript:');
  });

  it('is self-contained: no scripts and nothing fetched from elsewhere', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b/i);
    expect(html).toContain('@media print');
  });

  it('says when the public’s personal data was removed, and keeps line breaks', () => {
    expect(html).toContain('members of the public’s personal data removed');
    expect(html).toContain('<br>second line');
  });
});
