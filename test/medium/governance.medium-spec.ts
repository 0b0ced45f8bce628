import type { AuditPage, ConversationItem, ConversationPage } from '@parley/contracts';
import type { CaseBundle } from '@parley/domain';
import { TestApiClient, eventually, startFixtureServer } from '@parley/testing';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startParley, type Parley } from './harness';

const HOUR = 3_600_000;
const at = (hoursAgo: number) =>
  new Date(Math.floor((Date.now() - hoursAgo * HOUR) / 1000) * 1000).toUTCString();

/** A department blog post, a member of the public asking with their contact details, another, and the reply. */
const blog = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Education blog</title><link>https://educationhub.blog.gov.uk/</link>
<item><title>Exam results &amp; appeals: what to expect</title>
<link>https://educationhub.blog.gov.uk/2026/11/results/</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=202</guid><dc:creator>Education team</dc:creator>
<pubDate>${at(6)}</pubDate><description>Everything about results day.</description>
<wfw:commentRss>${base}/results/feed/</wfw:commentRss></item>
</channel></rss>`;
const comments = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments on: results</title>
<item><title>By: Priya Shah</title><link>https://educationhub.blog.gov.uk/2026/11/results/#comment-1</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=202#comment-1</guid><dc:creator>Priya Shah</dc:creator>
<pubDate>${at(5)}</pubDate><description>Can my son appeal a grade after results day? Email me at priya.shah@example.com or call 07700 900123. We live at SW1A 1AA, NI number QQ 12 34 56 C.</description></item>
<item><title>By: Tom Okafor</title><link>https://educationhub.blog.gov.uk/2026/11/results/#comment-2</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=202#comment-2</guid><dc:creator>Tom Okafor</dc:creator>
<pubDate>${at(4)}</pubDate><description>Same question as Priya Shah about the appeal.</description></item>
<item><title>By: DfE Press Office</title><link>https://educationhub.blog.gov.uk/2026/11/results/#comment-3</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=202#comment-3</guid><dc:creator>DfE Press Office</dc:creator>
<pubDate>${at(3)}</pubDate><description>Hi Priya Shah and Tom Okafor: yes, the school can ask for a review of the grade.</description></item>
</channel></rss>`;

const PUBLIC_DATA = [
  'Priya',
  'Shah',
  'Tom Okafor',
  'Okafor',
  'priya.shah@example.com',
  '07700 900123',
  'SW1A 1AA',
  'QQ 12 34 56 C',
  '#comment-1',
  '#comment-2',
];

describe('governance: the audit log and the FOI case bundle', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let conversation: ConversationItem;
  const clients: Record<string, TestApiClient> = {};

  const person = async (key: string, name: string, memberships: { department: string; role: string }[]) => {
    const email = `${key}@example.gov.uk`;
    const created = await parley.admin.request('POST', '/api/users', {
      email,
      name,
      password: `${key}-long-password`,
      memberships,
    });
    expect(created.status).toBe(201);
    clients[key] = new TestApiClient(parley.baseUrl);
    expect(await clients[key].login(email, `${key}-long-password`)).toBe(200);
  };

  const download = async (client: TestApiClient, path: string) => {
    const response = await client.download(path);
    expect(response.status, strFromU8(response.bytes)).toBe(200);
    const files = unzipSync(new Uint8Array(response.bytes));
    return {
      response,
      names: Object.keys(files).sort(),
      text: (name: string) => strFromU8(files[name]),
      all: () =>
        Object.values(files)
          .map((file) => strFromU8(file))
          .join('\n'),
    };
  };

  beforeAll(async () => {
    server = await startFixtureServer({
      '/blog.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(blog(server.url('')));
      },
      '/results/feed/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(comments);
      },
    });
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          accounts: [
            { platform: 'web', handle: 'Education team', site: 'educationhub.blog.gov.uk' },
            { platform: 'web', handle: 'DfE Press Office', site: 'educationhub.blog.gov.uk' },
          ],
          rules: [{ key: 'appeals', name: 'Grade appeals', query: 'appeal' }],
        },
        {
          key: 'dwp',
          name: 'Department for Work and Pensions',
          rules: [{ key: 'uc', name: 'Universal Credit', query: '"universal credit"' }],
        },
      ],
      sources: [
        { key: 'edu-blog', type: 'feed', url: server.url('/blog.xml'), interval: '1h', department: 'dfe' },
      ],
    });
    expect(applied.status).toBe(200);
    await person('dfe-manager', '=HYPERLINK("http://evil.example","Manager")', [
      { department: 'dfe', role: 'manager' },
    ]);
    await person('dfe-viewer', 'Dee Viewer', [{ department: 'dfe', role: 'viewer' }]);
    await person('dwp-manager', 'Wynn Manager', [{ department: 'dwp', role: 'manager' }]);
    [conversation] = await eventually(async () => {
      const { body } = await parley.admin.get<ConversationPage>('/api/conversations?department=dfe');
      return body.items[0]?.engagement && body.items[0].postCount === 4 ? body.items : false;
    });
    // A change the manager makes in their own department, so the log has an actor whose name looks like a formula.
    const saved = await clients['dfe-manager'].request('PUT', '/api/rules/dfe/appeals', {
      name: 'Grade appeals',
      query: 'appeal OR appeals',
      enabled: true,
      reason: 'catch the plural',
      expectedVersion: 1,
    });
    expect(saved.status).toBe(200);
    // The change re-tags the conversation: from then on version 2 of the rule is what tags it.
    await eventually(async () => {
      const { rows } = await parley.db.query(`SELECT rules FROM opportunity WHERE conversation_id = $1`, [
        conversation.id,
      ]);
      return (rows[0]?.rules as { version: number }[] | undefined)?.[0]?.version === 2;
    });
    [conversation] = (
      await parley.admin.get<ConversationPage>('/api/conversations?department=dfe')
    ).body.items;
    await workOnTheCase();
  });

  /** The manager takes the case, notes a phone call, refers it to the press office and records what came back. */
  const workOnTheCase = async () => {
    const manager = clients['dfe-manager'];
    const id = conversation.tags[0].opportunityId;
    const version = async () =>
      (await manager.get<{ version: number }>(`/api/opportunities/${id}`)).body.version;
    const post = async (path: string, body: object) => {
      const response = await manager.request('POST', `/api/opportunities/${id}/${path}`, body);
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    };
    await post('assign', { expectedVersion: await version(), assigneeId: 'me' });
    await post('notes', { text: 'Priya Shah phoned on 07700 900123 about the appeal.' });
    await post('refer', {
      expectedVersion: await version(),
      to: 'press-office',
      note: 'Results day is news',
    });
    await post('referral-outcome', {
      expectedVersion: await version(),
      outcome: 'Press office: answer it as is',
    });
  };

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  const bundlePath = (query = '') => `/api/conversations/${conversation.id}/bundle?department=dfe${query}`;

  it('bundles the thread, the rule version that tagged it, the triage, engagements and the audit trail', async () => {
    const bundle = await download(parley.admin, bundlePath());
    expect(bundle.response.headers.get('content-type')).toBe('application/zip');
    expect(bundle.response.headers.get('content-disposition')).toBe(
      `attachment; filename="parley-case-${conversation.id}-dfe.zip"`,
    );
    expect(bundle.names).toEqual(
      expect.arrayContaining([
        'audit.csv',
        'audit.json',
        'bundle.json',
        'engagements.csv',
        'engagements.json',
        'rule-versions.csv',
        'rule-versions.json',
        'summary.html',
        'thread.csv',
        'thread.json',
        'timeline.csv',
        'timeline.json',
        'triage.json',
      ]),
    );
    const whole = JSON.parse(bundle.text('bundle.json')) as CaseBundle;
    expect(whole).toMatchObject({
      redacted: false,
      department: { key: 'dfe' },
      generatedBy: { email: ADMIN.email },
    });
    expect(whole.thread.map((p) => [p.author.name, p.byDepartment])).toEqual([
      ['Education team', 'dfe'],
      ['Priya Shah', null],
      ['Tom Okafor', null],
      ['DfE Press Office', 'dfe'],
    ]);
    expect(whole.thread[1].text).toContain('priya.shah@example.com');
    // The version of the rule that tagged it last, with who changed it and why.
    expect(whole.ruleVersions).toEqual([
      expect.objectContaining({
        key: 'appeals',
        version: 2,
        queryBefore: 'appeal',
        query: 'appeal OR appeals',
        changedBy: '=HYPERLINK("http://evil.example","Manager")',
        reason: 'catch the plural',
      }),
    ]);
    expect(JSON.parse(bundle.text('triage.json'))).toMatchObject({
      score: conversation.tags[0].score,
      route: conversation.tags[0].route,
      routeReason: conversation.tags[0].routeReason,
      signals: expect.arrayContaining([expect.objectContaining({ kind: 'own-thread' })]),
    });
    // The department's blog post and its reply, detected as the department taking part.
    expect(whole.engagements.map((e) => [e.kind, e.post_id])).toEqual([
      ['detected', Number(whole.thread[0].id)],
      ['detected', Number(whole.thread[3].id)],
    ]);
    expect(whole.audit.map((a) => a.action)).toContain('conversation.bundle');
    expect(bundle.text('thread.csv').split('\r\n')[0]).toBe(
      '"Post id","Published (UTC)","Author","Handle","Profile","By the department","Text","Link","In reply to"',
    );
    expect(bundle.text('thread.csv')).toContain('"Priya Shah"');
    const html = bundle.text('summary.html');
    expect(html).toContain('<h1>Exam results &amp; appeals: what to expect</h1>');
    expect(html).not.toContain('<script');
    expect(html).toContain('Department for Education');
  });

  it('bundles every change to the case, with when and who, and its audit trail', async () => {
    const bundle = await download(parley.admin, bundlePath());
    const whole = JSON.parse(bundle.text('bundle.json')) as CaseBundle;
    const manager = '=HYPERLINK("http://evil.example","Manager")';
    expect(whole.timeline.map((e) => [e.kind, e.actor, e.toStatus])).toEqual([
      ['assigned', manager, 'assigned'],
      ['note', manager, null],
      ['referred', manager, 'referred'],
      ['referral-outcome', manager, null],
    ]);
    expect(whole.timeline[1].detail).toMatchObject({ text: expect.stringContaining('07700 900123') });
    expect(whole.triage).toMatchObject({ status: 'referred', assignee: manager });
    expect(whole.audit.map((a) => a.action)).toEqual([
      'opportunity.assign',
      'opportunity.note',
      'opportunity.refer',
      'opportunity.referral-outcome',
      'conversation.bundle',
      'conversation.bundle',
    ]);
    expect(whole.audit[0]).toMatchObject({
      actor: 'dfe-manager@example.gov.uk',
      description: 'Assigned a conversation',
    });
    const timelineCsv = bundle.text('timeline.csv').split('\r\n');
    expect(timelineCsv[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Manager"")","assigned"`);
    expect(bundle.text('summary.html')).toContain('Results day is news');
  });

  it('replaces the public’s names, handles, links and personal data, and keeps the department’s posts and staff', async () => {
    const bundle = await download(clients['dfe-viewer'], bundlePath('&redact=public'));
    expect(bundle.response.headers.get('content-disposition')).toContain('-redacted.zip');
    const everything = bundle.all();
    for (const value of PUBLIC_DATA)
      expect(everything, `the bundle still holds ${value}`).not.toContain(value);
    const whole = JSON.parse(bundle.text('bundle.json')) as CaseBundle;
    expect(whole.redacted).toBe(true);
    expect(whole.thread.map((p) => p.author.name)).toEqual([
      'Education team',
      'Member of the public 1',
      'Member of the public 2',
      'DfE Press Office',
    ]);
    expect(whole.thread[1].text).toBe(
      'Can my son appeal a grade after results day? Email me at [email address removed] or call ' +
        '[phone number removed]. We live at [postcode removed], NI number [National Insurance number removed].',
    );
    expect(whole.thread[3]).toMatchObject({
      url: 'https://educationhub.blog.gov.uk/2026/11/results/#comment-3',
      text: 'Hi Member of the public 1 and Member of the public 2: yes, the school can ask for a review of the grade.',
    });
    expect(whole.generatedBy.name).toBe('Dee Viewer');
    expect(bundle.text('summary.html')).toContain('Member of the public 1');
  });

  it('audits each download in the department, and refuses a department the caller cannot see', async () => {
    const { body } = await clients['dfe-manager'].get<AuditPage>(
      '/api/audit?department=dfe&action=conversation',
    );
    expect(body.items.map((e) => [e.action, e.actor.label, e.department, e.description])).toEqual([
      ['conversation.bundle', 'dfe-viewer@example.gov.uk', 'dfe', 'Downloaded an FOI case bundle'],
      ['conversation.bundle', ADMIN.email, 'dfe', 'Downloaded an FOI case bundle'],
      ['conversation.bundle', ADMIN.email, 'dfe', 'Downloaded an FOI case bundle'],
    ]);
    expect(body.items[0].after).toEqual({ opportunityId: expect.any(String), redact: 'public' });
    expect((await clients['dwp-manager'].download(bundlePath())).status).toBe(404);
    expect(
      (await parley.admin.download(`/api/conversations/${conversation.id}/bundle?department=dwp`)).status,
    ).toBe(404);
    expect((await parley.admin.get(`/api/conversations/${conversation.id}/bundle`)).status).toBe(400);
  });

  it('shows a department’s managers their department’s events only, filtered and paged', async () => {
    const manager = clients['dfe-manager'];
    const all = (await manager.get<AuditPage>('/api/audit?limit=200')).body.items;
    expect(all.length).toBeGreaterThan(3);
    expect(new Set(all.map((e) => e.department))).toEqual(new Set(['dfe']));
    expect(all.map((e) => e.action)).toEqual(
      expect.arrayContaining(['department.create', 'rule.create', 'rule.update', 'source.create']),
    );
    const byManager = (await manager.get<AuditPage>('/api/audit?actor=dfe-manager')).body.items;
    expect(byManager.map((e) => e.action)).toEqual([
      'opportunity.referral-outcome',
      'opportunity.refer',
      'opportunity.note',
      'opportunity.assign',
      'rule.update',
    ]);
    expect(byManager[4].actor.name).toBe('=HYPERLINK("http://evil.example","Manager")');
    const rules = (await manager.get<AuditPage>('/api/audit?department=dfe&action=rule')).body.items;
    expect(rules.map((e) => e.action)).toEqual(['rule.update', 'rule.create']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await manager.get<AuditPage>(`/api/audit?from=${tomorrow}`)).body.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await manager.get<AuditPage>(`/api/audit?to=${today}&limit=200`)).body.items).toHaveLength(
      all.length,
    );

    const first = (await manager.get<AuditPage>('/api/audit?limit=2')).body;
    const second = (await manager.get<AuditPage>(`/api/audit?limit=2&cursor=${first.nextCursor}`)).body;
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));

    const other = (await clients['dwp-manager'].get<AuditPage>('/api/audit?limit=200')).body.items;
    expect(other.every((e) => e.department === 'dwp')).toBe(true);
    expect((await clients['dwp-manager'].get('/api/audit?department=dfe')).status).toBe(404);
    expect((await clients['dfe-viewer'].get('/api/audit?department=dfe')).status).toBe(403);
    const everyone = (await parley.admin.get<AuditPage>('/api/audit?action=auth.login')).body.items;
    expect(everyone.length).toBeGreaterThanOrEqual(4);
    expect(everyone.every((e) => e.department === null)).toBe(true);
    expect((await manager.get('/api/audit?from=yesterday')).status).toBe(400);
  });

  it('exports the same filters as CSV a spreadsheet cannot run', async () => {
    const response = await clients['dfe-manager'].request('GET', '/api/audit.csv?action=rule');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="parley-audit.csv"');
    const lines = (response.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"When (UTC)","Who","Email","What","Action","Department","Entity","Entity id","Before","After"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `"'=HYPERLINK(""http://evil.example"",""Manager"")","dfe-manager@example.gov.uk"`,
    );
    expect(lines[1]).toContain('"Changed a listening rule","rule.update","dfe"');
    expect(lines[2]).toContain('"Added a listening rule","rule.create","dfe"');
    const exports = (await parley.admin.get<AuditPage>('/api/audit?action=audit.export')).body.items;
    expect(exports.map((e) => [e.actor.label, e.department])).toEqual([['dfe-manager@example.gov.uk', null]]);
  });
});
