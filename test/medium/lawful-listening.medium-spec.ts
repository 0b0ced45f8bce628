import type {
  ApplyResult,
  AuthorViewReport,
  ConversationDetail,
  NotificationPage,
  Rule,
  RuleSaved,
  RuleVersion,
} from '@parley/contracts';
import { TestApiClient } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';
import { seedConversation } from './inbox-seed';

type Problems = { message: string; problems: { path: string; message: string }[] };

/** Topic, not person: lawful bases on rules, rules that follow a person, and per-author view warnings. */
describe('lawful listening', () => {
  let parley: Api;
  let comms: TestApiClient;
  let manager: TestApiClient;
  let dwpAdmin: TestApiClient;
  const aliceConversations: string[] = [];

  const member = async (email: string, role: string, department = 'dwp') => {
    const created = await parley.admin.request('POST', '/api/users', {
      email,
      name: email.split('@')[0],
      password: `${email}-password`,
      memberships: [{ department, role }],
    });
    expect(created.status).toBe(201);
    const client = new TestApiClient(parley.baseUrl);
    expect(await client.login(email, `${email}-password`)).toBe(200);
    return client;
  };

  /** A conversation of `department` whose posts are by these authors (handles), in order. */
  const conversationBy = async (department: string, title: string, handles: string[]) => {
    const { conversationId } = await seedConversation(parley.db, {
      source: 'forum',
      department,
      title,
      posts: handles.map((h) => `${title}: a post by ${h}`),
    });
    await parley.db.query(
      `UPDATE post SET author_handle = h.handle, author_name = initcap(h.handle)
       FROM unnest($2::text[]) WITH ORDINALITY AS h(handle, n)
       WHERE post.conversation_id = $1 AND post.external_id = $1 || '-' || h.n`,
      [conversationId, handles],
    );
    return conversationId;
  };

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dwp',
          name: 'Department for Work and Pensions',
          aliases: ['DWP'],
          accounts: [{ platform: 'mastodon', handle: 'dwp@social.gov.uk' }],
          rules: [
            { key: 'pensions', name: 'Pensions', query: 'pension', purpose: 'Answer pension questions' },
          ],
        },
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'loans', name: 'Loans', query: 'loan' }],
        },
      ],
      peers: [{ name: 'Citizens Advice', handles: ['citizensadvice'] }],
      sources: [{ key: 'forum', type: 'feed', url: 'sample:travel-forum', interval: '1h', enabled: false }],
      lawfulListening: { authorViewWarningAt: 2, authorViewReasonAt: 3, authorViewWindowDays: 7 },
    });
    expect(applied.status).toBe(200);
    comms = await member('comms@dwp.example.gov.uk', 'comms');
    manager = await member('manager@dwp.example.gov.uk', 'manager');
    dwpAdmin = await member('admin@dwp.example.gov.uk', 'admin');
    for (const title of ['Pension age', 'Pension credit', 'Pension forecast', 'Pension transfer']) {
      // Alice in each; the department's own account and a peer organisation in the first.
      aliceConversations.push(
        await conversationBy('dwp', title, [
          'alice',
          'dwp@social.gov.uk',
          'citizensadvice',
          `${title}-reader`,
        ]),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await parley?.close();
  });

  describe('a lawful basis for every rule, once the workspace requires it', () => {
    it('refuses to turn the requirement on while an enabled rule has none, naming the rule and the field', async () => {
      const refused = await parley.admin.request('PUT', '/api/workspace', {
        lawfulListening: { requireLawfulBasis: true },
      });
      expect(refused.status).toBe(400);
      const problems = (refused.body as Problems).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: 'lawfulListening.requireLawfulBasis',
            message: expect.stringMatching(/rule "dwp\/pensions" cannot be enabled without a lawfulBasis/),
          }),
          expect.objectContaining({
            message: expect.stringMatching(/rule "dfe\/loans" cannot be enabled without a purpose/),
          }),
        ]),
      );
      const { rows } = await parley.db.query(`SELECT count(*)::int AS n FROM workspace_setting`);
      expect(rows[0].n).toBe(1);
      const stored = await parley.admin.get<{ lawfulListening: { requireLawfulBasis: boolean } }>(
        '/api/workspace',
      );
      expect(stored.body.lawfulListening.requireLawfulBasis).toBe(false);
    });

    it('turns it on in the document that gives the rules their bases, and keeps the basis with the version', async () => {
      const applied = await parley.admin.request('PUT', '/api/workspace', {
        departments: [
          {
            key: 'dwp',
            name: 'Department for Work and Pensions',
            rules: [
              {
                key: 'pensions',
                name: 'Pensions',
                query: 'pension',
                purpose: 'Answer pension questions',
                lawfulBasis: 'public-task',
              },
            ],
          },
          {
            key: 'dfe',
            name: 'Department for Education',
            rules: [{ key: 'loans', name: 'Loans', query: 'loan', enabled: false }],
          },
        ],
        lawfulListening: { requireLawfulBasis: true },
      });
      expect(applied.status).toBe(200);
      expect((applied.body as ApplyResult).settings.updated).toEqual(['lawfulListening']);
      const versions = await parley.admin.get<RuleVersion[]>('/api/rules/dwp/pensions/versions');
      expect(versions.body[0]).toMatchObject({
        purpose: 'Answer pension questions',
        lawfulBasis: 'public-task',
        namedPeople: [],
      });
      const exported = await parley.admin.get<{ lawfulListening: object }>('/api/workspace');
      expect(exported.body.lawfulListening).toMatchObject({
        requireLawfulBasis: true,
        authorViewReasonAt: 3,
      });
      // The export applies back unchanged.
      const again = await parley.admin.request('PUT', '/api/workspace', exported.body);
      expect((again.body as ApplyResult).changes).toEqual([]);
    });

    it('refuses to enable a rule without a basis through the rules api, and saves it disabled', async () => {
      const refused = await manager.request('PUT', '/api/rules/dwp/carers', {
        name: 'Carers',
        query: 'carer allowance',
        purpose: 'Answer carers',
        reason: 'new rule',
      });
      expect(refused.status).toBe(400);
      expect((refused.body as Problems).message).toMatch(/dwp\/carers.*lawfulBasis/);
      expect((refused.body as Problems).problems).toEqual([expect.objectContaining({ path: 'lawfulBasis' })]);
      const { rows } = await parley.db.query(
        `SELECT count(*)::int AS n FROM listening_rule WHERE key = 'carers'`,
      );
      expect(rows[0].n).toBe(0);
      const off = await manager.request('PUT', '/api/rules/dwp/carers', {
        name: 'Carers',
        query: 'carer allowance',
        enabled: false,
        reason: 'drafting it',
      });
      expect(off.status).toBe(200);
      const on = await manager.request('PUT', '/api/rules/dwp/carers', {
        name: 'Carers',
        query: 'carer allowance',
        purpose: 'Answer carers',
        lawfulBasis: 'public-task',
        reason: 'ready',
        expectedVersion: 1,
      });
      expect(on.status).toBe(200);
      expect((on.body as RuleSaved).rule).toMatchObject({ enabled: true, lawfulBasis: 'public-task' });
    });

    it('refuses an unknown basis with the choices', async () => {
      const refused = await manager.request('PUT', '/api/rules/dwp/carers', {
        name: 'Carers',
        query: 'carer',
        lawfulBasis: 'because',
        reason: 'x',
        expectedVersion: 2,
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toMatch(/public-task, legitimate-interests/);
    });
  });

  describe('a rule that follows a named person', () => {
    it('asks for a justification for a member of the public, not for an organisation the workspace knows', async () => {
      const organisation = await manager.request('PUT', '/api/rules/dwp/partners', {
        name: 'Partners',
        query: 'pension (author:citizensadvice OR author:dwp OR author:@DWP@social.gov.uk)',
        purpose: 'What advice agencies say',
        lawfulBasis: 'public-task',
        reason: 'new',
      });
      expect(organisation.status).toBe(200);
      expect((organisation.body as RuleSaved).rule.namedPeople).toEqual([]);

      const person = await manager.request('PUT', '/api/rules/dwp/one-person', {
        name: 'One person',
        query: 'pension author:@Alice',
        purpose: 'Follow up a complaint',
        lawfulBasis: 'public-task',
        reason: 'new',
      });
      expect(person.status).toBe(400);
      expect((person.body as Problems).problems).toEqual([
        expect.objectContaining({
          path: 'justification',
          message: expect.stringMatching(/"dwp\/one-person" follows author:alice.*member of the public/),
        }),
      ]);
    });

    it('records the justification with the version, marks the rule and tells the department’s admins', async () => {
      const saved = await manager.request('PUT', '/api/rules/dwp/one-person', {
        name: 'One person',
        query: 'pension author:@Alice -author:bob',
        purpose: 'Follow up a complaint',
        lawfulBasis: 'public-task',
        justification: 'Alice complained publicly about a missed payment; we reply to her threads only.',
        reason: 'new',
      });
      expect(saved.status).toBe(200);
      expect((saved.body as RuleSaved).rule).toMatchObject({ namedPeople: ['alice'] });
      const listed = await comms.get<Rule[]>('/api/rules?department=dwp');
      expect(listed.body.find((r) => r.key === 'one-person')?.namedPeople).toEqual(['alice']);
      const versions = await manager.get<RuleVersion[]>('/api/rules/dwp/one-person/versions');
      expect(versions.body[0]).toMatchObject({
        namedPeople: ['alice'],
        justification: 'Alice complained publicly about a missed payment; we reply to her threads only.',
      });

      const told = await dwpAdmin.get<NotificationPage>('/api/notifications');
      expect(told.body.items).toEqual([
        expect.objectContaining({
          reason: 'rule-names-person',
          department: 'dwp',
          rule: 'one-person',
          text: expect.stringMatching(/“One person”, which follows a named member of the public/),
        }),
      ]);
      // Not the manager who saved it, nor a comms officer.
      expect((await manager.get<NotificationPage>('/api/notifications')).body.items).toEqual([]);
      expect((await comms.get<NotificationPage>('/api/notifications')).body.items).toEqual([]);

      const { rows } = await parley.db.query(
        `SELECT a.after FROM audit_event a JOIN listening_rule r ON r.id::text = a.entity_id
         WHERE a.action = 'rule.names-person' AND r.key = 'one-person'`,
      );
      expect(rows).toEqual([{ after: expect.objectContaining({ namedPeople: ['alice'], told: 1 }) }]);
    });

    it('does not tell the admins again when the rule changes but follows nobody new', async () => {
      const saved = await manager.request('PUT', '/api/rules/dwp/one-person', {
        name: 'One person (renamed)',
        query: 'pension author:alice',
        purpose: 'Follow up a complaint',
        lawfulBasis: 'public-task',
        justification: 'Alice complained publicly about a missed payment; we reply to her threads only.',
        reason: 'rename',
        expectedVersion: 1,
      });
      expect(saved.status).toBe(200);
      expect((await dwpAdmin.get<NotificationPage>('/api/notifications')).body.items).toHaveLength(1);
    });

    it('asks for the justification through the workspace document too', async () => {
      const refused = await parley.admin.request('PUT', '/api/workspace', {
        departments: [
          {
            key: 'dfe',
            name: 'Department for Education',
            rules: [{ key: 'student', name: 'One student', query: 'loan author:bob', enabled: false }],
          },
        ],
      });
      expect(refused.status).toBe(400);
      expect((refused.body as Problems).problems).toEqual([
        expect.objectContaining({
          path: 'departments[0].rules[0].justification',
          message: expect.stringMatching(/"dfe\/student" follows author:bob/),
        }),
      ]);
    });
  });

  describe('per-author view warnings', () => {
    const open = (client: TestApiClient, id: string) =>
      client.get<ConversationDetail>(`/api/conversations/${id}`);

    it('counts distinct conversations, warns from the threshold and withholds past the reason threshold', async () => {
      const [first, second, third] = aliceConversations;
      const once = await open(comms, first);
      expect(once.status).toBe(200);
      expect(once.body.authorViews).toEqual([]);
      // Opening the same conversation again is the same topic, not a second view of Alice.
      expect((await open(comms, first)).body.authorViews).toEqual([]);

      const warned = await open(comms, second);
      expect(warned.body.authorViews).toEqual([
        expect.objectContaining({
          author: 'web:alice',
          handle: 'alice',
          views: 2,
          windowDays: 7,
          state: 'warning',
          warning: expect.stringMatching(/directed surveillance.*RIPA.*Home Office Covert Surveillance/s),
        }),
      ]);
      // The department's account and the peer organisation are not members of the public.
      expect(warned.body.authorViews.map((n) => n.author)).not.toContain('web:citizensadvice');
      expect(warned.body.posts.every((p) => p.withheld === null)).toBe(true);

      await parley.db.query(`UPDATE opportunity SET signals = $2::jsonb WHERE conversation_id = $1`, [
        third,
        JSON.stringify([
          { kind: 'question', detail: 'Asks: “Pension forecast: a post by alice”', weight: 10 },
        ]),
      ]);
      const withheld = await open(comms, third);
      expect(withheld.body.authorViews).toEqual([
        expect.objectContaining({ author: 'web:alice', views: 3, state: 'reason-required' }),
      ]);
      const alicePost = withheld.body.posts.find((p) => p.author.handle === 'alice');
      expect(alicePost).toMatchObject({ withheld: 'web:alice', text: '' });
      // Only Alice's posts are withheld; the rest of the thread shows.
      const others = withheld.body.posts.filter((p) => p.author.handle !== 'alice');
      expect(others.every((p) => p.withheld === null && p.text !== '')).toBe(true);
      // Nor does the tag's evidence quote her post while it is withheld.
      expect(withheld.body.tags[0].signals.find((x) => x.kind === 'question')).toEqual({
        kind: 'question',
        detail: expect.stringMatching(/^Evidence hidden: it quotes a post by someone/),
      });

      // Another person's views are their own.
      expect((await open(manager, third)).body.authorViews).toEqual([]);
    });

    it('shows the posts again once a reason is recorded, and audits it', async () => {
      const third = aliceConversations[2];
      const short = await comms.request('POST', `/api/conversations/${third}/author-views/reason`, {
        author: 'web:alice',
        reason: 'work',
      });
      expect(short.status).toBe(400);
      const stranger = await comms.request('POST', `/api/conversations/${third}/author-views/reason`, {
        author: 'web:nobody',
        reason: 'answering her complaint about pension credit',
      });
      expect(stranger.status).toBe(404);
      const recorded = await comms.request('POST', `/api/conversations/${third}/author-views/reason`, {
        author: 'web:alice',
        reason: 'Answering her complaint about pension credit, case 1234',
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ author: 'web:alice', views: 3 });

      const shown = await open(comms, third);
      expect(shown.body.authorViews).toEqual([expect.objectContaining({ state: 'reason-given' })]);
      expect(shown.body.posts.find((p) => p.author.handle === 'alice')).toMatchObject({ withheld: null });
      expect(shown.body.tags[0].signals.find((x) => x.kind === 'question')?.detail).toBe(
        'Asks: “Pension forecast: a post by alice”',
      );
      expect((await open(comms, aliceConversations[3])).body.authorViews[0]).toMatchObject({
        views: 4,
        state: 'reason-given',
      });

      const { rows } = await parley.db.query(
        `SELECT action, after FROM audit_event WHERE action IN ('conversation.author-views', 'author-view.reason')
         ORDER BY id`,
      );
      expect(rows.map((r) => r.action)).toEqual([
        'conversation.author-views',
        'conversation.author-views',
        'author-view.reason',
        'conversation.author-views',
      ]);
      expect(rows[1].after).toMatchObject({
        department: 'dwp',
        authors: [{ author: 'web:alice', views: 3, state: 'reason-required' }],
      });
      expect(rows[2].after).toMatchObject({
        author: 'web:alice',
        reason: expect.stringMatching(/case 1234/),
      });
    });

    it('counts views only inside the window', async () => {
      await parley.db.query(
        `UPDATE author_view SET last_viewed_at = now() - interval '8 days'
        WHERE author_key = 'web:alice' AND conversation_id = $1`,
        [aliceConversations[0]],
      );
      await parley.db.query(`UPDATE author_view_reason SET recorded_at = now() - interval '8 days'`);
      const again = await open(comms, aliceConversations[1]);
      // Conversations 2–4 are in the window; the first has fallen out of it, and so has the reason.
      expect(again.body.authorViews[0]).toMatchObject({ views: 3, state: 'reason-required' });
    });

    it('does not show another department’s conversation, nor take a reason for it', async () => {
      const dfe = await conversationBy('dfe', 'Loan forgiveness', ['alice']);
      expect((await open(comms, dfe)).status).toBe(404);
      const reason = await comms.request('POST', `/api/conversations/${dfe}/author-views/reason`, {
        author: 'web:alice',
        reason: 'Answering her complaint about pension credit',
      });
      expect(reason.status).toBe(404);
      const { rows } = await parley.db.query(
        `SELECT count(*)::int AS n FROM author_view WHERE conversation_id = $1`,
        [dfe],
      );
      expect(rows[0].n).toBe(0);
    });

    it('reports the counts to workspace administrators, as JSON and CSV, and to nobody else', async () => {
      const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const to = new Date(Date.now() + 60_000).toISOString();
      const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
      const report = await parley.admin.get<AuthorViewReport>(`/api/reports/author-views?${query}`);
      expect(report.status).toBe(200);
      const alice = report.body.rows.find(
        (r) => r.user.email === 'comms@dwp.example.gov.uk' && r.author.key === 'web:alice',
      );
      expect(alice).toMatchObject({
        conversations: 4,
        // The first conversation twice, the second and third twice each, the fourth once.
        openings: 7,
        reached: 'reason-required',
        reasons: 1,
      });
      expect(report.body.settings).toEqual({
        authorViewWarningAt: 2,
        authorViewReasonAt: 3,
        authorViewWindowDays: 7,
      });

      const csv = await parley.admin.request('GET', `/api/reports/author-views?${query}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      expect(String(csv.body)).toMatch(/"Person","Email","Member of the public"/);
      expect(String(csv.body)).toMatch(/"comms@dwp.example.gov.uk","alice",.*"4","7"/);

      expect((await dwpAdmin.get(`/api/reports/author-views?${query}`)).status).toBe(403);
      const bad = await parley.admin.get<Problems>('/api/reports/author-views?from=tomorrow&to=2026-01-01');
      expect(bad.status).toBe(400);
    });
  });
});
