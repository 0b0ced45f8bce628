import type {
  Alert,
  AlertList,
  AlertMute,
  AlertMuteList,
  AlertPreferences,
  AlertSeries,
  ResistCase,
  ResistCaseList,
  WorkspaceDocument,
} from '@parley/contracts';
import type { TestApiClient } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlert, makePerson } from './alert-fixtures';
import { startApi, type Api } from './harness';

type Problems = { message: string; problems: { path: string; message: string }[] };

describe('alerts: reading and handling them, mutes, RESIST cases, preferences and the workspace document', () => {
  let parley: Api;
  const people: Record<string, TestApiClient> = {};
  const ids: Record<string, string> = {};

  const auditCount = async (entityType: string, entityId: string) =>
    Number(
      (
        await parley.db.query(
          `SELECT count(*) AS n FROM audit_event WHERE entity_type = $1 AND entity_id = $2`,
          [entityType, entityId],
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'home',
          name: 'Home Department',
          rules: [{ key: 'ferries', name: 'Ferries', query: 'ferry' }],
        },
        {
          key: 'away',
          name: 'Away Department',
          rules: [{ key: 'pensions', name: 'Pensions', query: 'pension' }],
        },
      ],
      sources: [{ key: 'forum', type: 'feed', url: 'http://127.0.0.1:9/forum.xml', interval: '1h' }],
    });
    expect(applied.status).toBe(200);
    for (const [key, department, role] of [
      ['viewer', 'home', 'viewer'],
      ['comms', 'home', 'comms'],
      ['comms2', 'home', 'comms'],
      ['manager', 'home', 'manager'],
      ['awaycomms', 'away', 'comms'],
    ] as const) {
      const person = await makePerson(parley.admin, parley.baseUrl, key, [{ department, role }]);
      people[key] = person.client;
      ids[key] = person.user.id;
    }
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('lists only the departments the caller may read, newest first, a page at a time, with the open badge', async () => {
    const now = Date.now();
    const home = [];
    for (let i = 0; i < 3; i++)
      home.push(await insertAlert(parley.db, 'home', { startedAt: new Date(now - (i + 1) * 3_600_000) }));
    const closed = await insertAlert(parley.db, 'home', {
      status: 'closed',
      startedAt: new Date(now - 5 * 3_600_000),
    });
    const away = await insertAlert(parley.db, 'away', { kind: 'partner', label: 'Tesco' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: AlertList } = await people.viewer.get<AlertList>(
        `/api/alerts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.openCount).toBe(3);
      seen.push(...page.body.items.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...home, closed]);

    const open = await people.viewer.get<AlertList>('/api/alerts?department=home&status=open');
    expect(open.body.items.map((a) => a.id)).toEqual(home);
    const first = open.body.items[0];
    expect(first).toMatchObject({
      department: 'home',
      kind: 'spike',
      severity: 3,
      status: 'open',
      measure: { observed: 40, expected: 10, threshold: 20, unit: 'mentions per hour' },
      explanation: { terms: [{ term: 'boycott' }, { term: 'protest' }] },
      assignee: null,
      caseId: null,
      postsQuery: { department: 'home' },
    });

    expect((await people.viewer.get(`/api/alerts/${away}`)).status).toBe(404);
    expect((await people.viewer.get(`/api/alerts/${away}/series`)).status).toBe(404);
    expect((await people.viewer.get('/api/alerts?department=away')).status).toBe(404);
    expect((await people.awaycomms.get<AlertList>('/api/alerts')).body.items.map((a) => a.id)).toEqual([
      away,
    ]);

    const bad = await people.viewer.get<Problems>('/api/alerts?cursor=not-a-cursor&status=sleeping');
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p) => p.path)).toEqual(['status']);
    const badCursor = await people.viewer.get<Problems>('/api/alerts?cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.message).toMatch(/cursor/);

    const series = await people.viewer.get<AlertSeries>(`/api/alerts/${home[0]}/series`);
    expect(series.status).toBe(200);
    expect(series.body.unit).toBe('mentions per hour');
    expect(series.body.points.map((p) => p.observed)).toEqual([40, 39, 38]);
  });

  it('acknowledges, assigns, snoozes, closes and reopens, refusing what the status does not allow, auditing each', async () => {
    const id = await insertAlert(parley.db, 'home', { label: 'Harbours' });
    const act = (who: string, body: unknown) =>
      people[who].request('POST', `/api/alerts/${id}/actions`, body);

    expect((await act('viewer', { action: 'acknowledge' })).status).toBe(403);
    expect((await act('awaycomms', { action: 'acknowledge' })).status).toBe(404);

    const acknowledged = await act('comms', { action: 'acknowledge' });
    expect(acknowledged.status).toBe(200);
    expect((acknowledged.body as Alert).status).toBe('acknowledged');
    const again = await act('comms2', { action: 'acknowledge' });
    expect(again.status).toBe(409);
    expect((again.body as Problems).message).toBe('This alert is already acknowledged.');

    const stranger = await act('comms', { action: 'assign', userId: ids.awaycomms });
    expect(stranger.status).toBe(400);
    expect((stranger.body as Problems).message).toBe('Assign the alert to a member of Home Department.');
    const assigned = await act('comms', { action: 'assign', userId: ids.comms2 });
    expect((assigned.body as Alert).assignee).toEqual({ id: ids.comms2, name: 'Person comms2' });

    const past = await act('comms', { action: 'snooze', until: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect((past.body as Problems).message).toMatch(/future/);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await act('comms', { action: 'snooze', until });
    expect(snoozed.body).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    const list = await people.viewer.get<AlertList>('/api/alerts?department=home&status=snoozed');
    expect(list.body.items.map((a) => a.id)).toEqual([id]);

    expect((await act('comms', { action: 'close' })).status).toBe(400);
    const closed = await act('comms', {
      action: 'close',
      outcome: 'A local story; the council answered it.',
    });
    expect(closed.body).toMatchObject({
      status: 'closed',
      outcome: 'A local story; the council answered it.',
    });
    expect((await act('comms', { action: 'close', outcome: 'Again' })).status).toBe(409);

    await parley.db.query(`UPDATE alert SET delivered_at = now() WHERE id = $1`, [id]);
    const reopened = await act('manager', { action: 'reopen' });
    expect(reopened.body).toMatchObject({ status: 'open', outcome: null, closedAt: null });
    // Reopened, it may be delivered again.
    const { rows } = await parley.db.query(`SELECT delivered_at FROM alert WHERE id = $1`, [id]);
    expect(rows[0].delivered_at).toBeNull();
    expect((await act('comms', { action: 'reopen' })).status).toBe(409);

    const audited = await parley.db.query<{ action: string; department: string }>(
      `SELECT a.action, d.key AS department FROM audit_event a JOIN department d ON d.id = a.department_id
       WHERE a.entity_type = 'alert' AND a.entity_id = $1 ORDER BY a.id`,
      [id],
    );
    expect(audited.rows).toEqual(
      ['acknowledge', 'assign', 'snooze', 'close', 'reopen'].map((a) => ({
        action: `alert.${a}`,
        department: 'home',
      })),
    );
  });

  it('mutes a rule or source of the department for a time, for those who edit its rules', async () => {
    const rules = await parley.db.query<{ key: string; id: string }>(`SELECT key, id FROM listening_rule`);
    const rule = (key: string) => rules.rows.find((r) => r.key === key)?.id as string;
    const source = (await parley.db.query(`SELECT id FROM source WHERE key = 'forum'`)).rows[0].id as string;
    const until = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const mute = (who: string, target: { type: string; id: string }, when = until) =>
      people[who].request('POST', '/api/alert-mutes', {
        department: 'home',
        target,
        until: when,
        reason: 'Known campaign',
      });

    expect((await mute('comms', { type: 'rule', id: rule('ferries') })).status).toBe(403);
    const foreign = await mute('manager', { type: 'rule', id: rule('pensions') });
    expect(foreign.status).toBe(400);
    expect((foreign.body as Problems).message).toBe('Home Department has no such rule to mute.');
    const tooLong = await mute(
      'manager',
      { type: 'rule', id: rule('ferries') },
      new Date(Date.now() + 200 * 86_400_000).toISOString(),
    );
    expect(tooLong.status).toBe(400);

    const made = await mute('manager', { type: 'rule', id: rule('ferries') });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      department: 'home',
      target: { type: 'rule', id: rule('ferries'), label: 'Ferries' },
      until,
      reason: 'Known campaign',
      createdBy: 'Person manager',
    });
    const shared = await mute('manager', { type: 'source', id: source });
    expect((shared.body as AlertMute).target.label).toBe('forum');

    const listed = await people.viewer.get<AlertMuteList>('/api/alert-mutes?department=home');
    expect(listed.body.items.map((m) => m.target.label).sort()).toEqual(['Ferries', 'forum']);
    expect((await people.awaycomms.get<AlertMuteList>('/api/alert-mutes')).body.items).toEqual([]);

    const id = (made.body as AlertMute).id;
    expect((await people.comms.request('DELETE', `/api/alert-mutes/${id}`)).status).toBe(403);
    expect((await people.manager.request('DELETE', `/api/alert-mutes/${id}`)).status).toBe(204);
    expect((await people.viewer.get<AlertMuteList>('/api/alert-mutes')).body.items).toHaveLength(1);
    expect(await auditCount('alert_mute', id)).toBe(2);
  });

  it('opens one RESIST case per alert, prefilled from its explanation, linked only to its own department', async () => {
    const conversation = await parley.db.query<{ id: string }>(
      `INSERT INTO conversation (source_id, root_external_id) SELECT id, 'case-1' FROM source WHERE key = 'forum'
       RETURNING id::text`,
    );
    const conversationId = conversation.rows[0].id;
    await parley.db.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason)
       SELECT $1, id, 50, 'public-info', 'a question' FROM department WHERE key = 'home'`,
      [conversationId],
    );
    const alert = await insertAlert(parley.db, 'home', {
      kind: 'partner',
      label: 'Tesco',
      terms: ['boycott', 'tesco'],
      // The second is another department's conversation: not linked.
      conversationIds: [conversationId, '999999'],
    });

    expect((await people.viewer.request('POST', `/api/alerts/${alert}/case`)).status).toBe(403);
    const opened = await people.comms.request('POST', `/api/alerts/${alert}/case`);
    expect(opened.status).toBe(201);
    const created = opened.body as ResistCase;
    expect(created).toMatchObject({
      alertId: alert,
      department: 'home',
      status: 'open',
      title: 'Posts naming Tesco with boycott or protest language are 4 times the usual rate',
      conversationIds: [conversationId],
      createdBy: 'Person comms',
    });
    expect(created.recognise).toContain('Terms rising against the baseline: boycott, tesco.');
    expect(created.recognise).toContain('Delivery partners named: Tesco.');
    expect(created.earlyWarning).toContain('Forum (web, 20 posts)');
    expect(created.situationalInsight).toContain('Observed 40 mentions per hour against 10 expected');

    const twice = await people.comms2.request('POST', `/api/alerts/${alert}/case`);
    expect(twice.status).toBe(200);
    expect((twice.body as ResistCase).id).toBe(created.id);
    expect((await people.viewer.get<Alert>(`/api/alerts/${alert}`)).body.caseId).toBe(created.id);

    const objective = async (department: string) =>
      (
        await parley.db.query(
          `INSERT INTO objective (department_id, description, audience, metric, starts_at, ends_at)
           SELECT id, 'Trust in the policy', 'Shoppers', 'net sentiment', now(), now() + interval '90 days'
           FROM department WHERE key = $1 RETURNING id::text`,
          [department],
        )
      ).rows[0].id as string;
    const ours = await objective('home');
    const theirs = await objective('away');
    const path = `/api/cases/${created.id}`;
    const refused = await people.comms.request('PATCH', path, {
      objectiveIds: [ours, theirs],
      conversationIds: ['999999'],
    });
    expect(refused.status).toBe(400);
    expect((refused.body as Problems).problems).toEqual([
      { path: 'conversationIds', message: "conversation 999999 is not one of this department's" },
      { path: 'objectiveIds', message: `objective ${theirs} is not one of this department's` },
    ]);
    const badImpact = await people.comms.request('PATCH', path, { impactSeverity: 9 });
    expect(badImpact.status).toBe(400);
    expect((await people.comms.request('PATCH', path, {})).status).toBe(400);

    const worked = await people.comms.request('PATCH', path, {
      objectiveIds: [ours],
      impactLikelihood: 4,
      impactSeverity: 3,
      strategicCommunication: 'Correct the claim with the facts, through the partner.',
    });
    expect(worked.status).toBe(200);
    expect(worked.body).toMatchObject({ objectiveIds: [ours], impactLikelihood: 4, title: created.title });
    const closed = await people.comms.request('PATCH', path, {
      status: 'closed',
      trackOutcomes: 'It passed in two days.',
    });
    expect(closed.body).toMatchObject({ status: 'closed', trackOutcomes: 'It passed in two days.' });

    expect(
      (await people.viewer.get<ResistCaseList>('/api/cases?department=home')).body.items.map((c) => c.id),
    ).toEqual([created.id]);
    expect((await people.awaycomms.get(path)).status).toBe(404);
    expect((await people.awaycomms.request('PATCH', path, { title: 'Mine' })).status).toBe(404);
    const actions = await parley.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'resist_case' AND entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual([
      'resist-case.create',
      'resist-case.update',
      'resist-case.close',
    ]);
  });

  it('keeps each person’s own alert delivery, with defaults until they choose', async () => {
    const defaults = await people.viewer.get<AlertPreferences>('/api/me/alert-preferences');
    expect(defaults.body).toEqual({ email: true, inApp: true, minSeverity: 1, quietHours: null });
    const bad = await people.viewer.request('PUT', '/api/me/alert-preferences', {
      email: true,
      inApp: true,
      minSeverity: 1,
      quietHours: { from: '25:00', to: '07:00' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problems).problems[0].message).toBe('quiet hours start at a time like 22:00');
    const chosen = { email: false, inApp: true, minSeverity: 3, quietHours: { from: '22:00', to: '07:00' } };
    expect((await people.viewer.request('PUT', '/api/me/alert-preferences', chosen)).body).toEqual(chosen);
    expect((await people.viewer.get('/api/me/alert-preferences')).body).toEqual(chosen);
    expect((await people.comms.get('/api/me/alert-preferences')).body).toEqual(defaults.body);
    expect(await auditCount('user', ids.viewer)).toBeGreaterThanOrEqual(1);
  });

  it('carries calendar, partners and alert settings in the workspace document, round trip and refusals', async () => {
    const calendar = [
      {
        name: 'Ferry timetable announcement',
        kind: 'announcement',
        from: '2026-12-03T09:30:00Z',
        to: '2026-12-03T18:00:00Z',
      },
      {
        name: 'Transport questions',
        kind: 'parliament',
        from: '2026-12-08T14:30:00+00:00',
        to: '2026-12-08T15:30:00Z',
      },
    ];
    const partners = [{ name: 'Tesco', aliases: ['Tesco Extra'], handles: ['@Tesco'] }];
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'home', name: 'Home Department', calendar, partners, alerts: { k: 3, digestAbove: 5 } },
      ],
    });
    expect(applied.status).toBe(200);

    const exported = (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body;
    const home = exported.departments?.find((d) => d.key === 'home');
    expect(home?.calendar).toEqual([
      {
        name: 'Ferry timetable announcement',
        kind: 'announcement',
        from: '2026-12-03T09:30:00.000Z',
        to: '2026-12-03T18:00:00.000Z',
      },
      {
        name: 'Transport questions',
        kind: 'parliament',
        from: '2026-12-08T14:30:00.000Z',
        to: '2026-12-08T15:30:00.000Z',
      },
    ]);
    expect(home?.partners).toEqual(partners);
    expect(home?.alerts).toEqual({
      k: 3,
      expectedK: 4,
      minBaseline: 50,
      sentimentDropPoints: 20,
      email: true,
      webhook: true,
      digestAbove: 5,
    });
    expect(exported.departments?.find((d) => d.key === 'away')?.calendar).toEqual([]);

    // The export applies back unchanged; a department without the lists keeps them.
    const again = await parley.admin.request('PUT', '/api/workspace', exported);
    expect(again.status).toBe(200);
    expect((again.body as { departments: { updated: string[] } }).departments.updated).toEqual([]);
    await parley.admin.request('PUT', '/api/workspace', {
      departments: [{ key: 'home', name: 'Home Department' }],
    });
    const kept = (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body.departments?.find(
      (d) => d.key === 'home',
    );
    expect(kept?.calendar).toHaveLength(2);
    expect(kept?.partners).toEqual(partners);

    const audited = await parley.db.query(
      `SELECT after->'calendar' AS calendar FROM audit_event WHERE action = 'department.update'
         AND after ? 'calendar' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited.rows[0].calendar).toHaveLength(2);

    const refused = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'home',
          name: 'Home Department',
          calendar: [
            { name: 'Backwards', kind: 'debate', from: '2026-12-03T10:00:00Z', to: '2026-12-03T09:00:00Z' },
            { name: 'Soon', kind: 'rumour', from: 'tomorrow', to: '2026-12-03T09:00:00Z' },
          ],
          partners: [{ name: 'Tesco' }, { name: 'Tesco' }],
          alerts: { k: 0 },
        },
      ],
    });
    expect(refused.status).toBe(400);
    const messages = (refused.body as Problems).problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'departments[0].calendar[0].to: an expected event ends after it starts',
        expect.stringMatching(/^departments\[0\]\.calendar\[1\]\.kind: /),
        "departments[0].calendar[1].from: an expected event's from is a date and time, like 2026-12-03T09:30:00Z",
        'departments[0].alerts.k: k is at least 1',
      ]),
    );
    const unchanged = (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body.departments?.find(
      (d) => d.key === 'home',
    );
    expect(unchanged?.calendar).toHaveLength(2);
  });
});
