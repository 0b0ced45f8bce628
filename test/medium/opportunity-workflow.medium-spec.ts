import type { BulkResult, ConversationPage, Opportunity, OpportunityHistory, User } from '@parley/contracts';
import { DATA_SOURCE, OpportunityRepository } from '@parley/db';
import {
  OPPORTUNITY_STATUSES,
  WORKFLOW_ACTIONS,
  nextStatus,
  refusalOf,
  type OpportunityStatus,
  type Role,
  type WorkflowAction,
} from '@parley/domain';
import { TestApiClient } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepSlaHandler } from '../../apps/worker/src/handlers/sweep-sla.handler';
import { englandAndWalesBankHolidays } from '@parley/config';
import type { AuthContext } from '../../apps/api/src/modules/auth/auth-context';
import { OpportunityWorkflowService } from '../../apps/api/src/modules/opportunities/opportunity-workflow.service';
import { startApi, type Api } from './harness';

/** How each action is asked for through the api, with the version the change is made from. */
const REQUESTS: Partial<Record<string, (version: number) => { path: string; body: object }>> = {
  assign: (v) => ({ path: 'assign', body: { expectedVersion: v, assigneeId: 'me' } }),
  unassign: (v) => ({ path: 'unassign', body: { expectedVersion: v } }),
  decline: (v) => ({ path: 'decline', body: { expectedVersion: v, reason: 'duplicate' } }),
  refer: (v) => ({
    path: 'refer',
    body: { expectedVersion: v, to: 'press-office', note: 'An announcement: theirs.' },
  }),
  reopen: (v) => ({ path: 'reopen', body: { expectedVersion: v } }),
};

describe('opportunity workflow', () => {
  let parley: Api;
  let db: Api['db'];
  let sourceId: string;
  let adminId: string;
  const departments: Record<string, string> = {};
  const clients = {} as Record<'comms' | 'viewer' | 'policy' | 'awayComms', TestApiClient>;
  const users = {} as Record<'comms' | 'viewer' | 'policy' | 'awayComms', string>;

  const member = async (name: keyof typeof clients, department: string, role: Role) => {
    const email = `${name.toLowerCase()}@example.gov.uk`;
    const created = await parley.admin.request('POST', '/api/users', {
      email,
      name: `${name} person`,
      password: `${name}-long-password`,
      memberships: [{ department, role }],
    });
    expect(created.status).toBe(201);
    users[name] = (created.body as User).id;
    const client = new TestApiClient(parley.baseUrl);
    expect(await client.login(email, `${name}-long-password`)).toBe(200);
    clients[name] = client;
  };

  /** A conversation tagged for the department, already tagged (so the api's tagger leaves it alone). */
  const opportunity = async (
    department = 'home',
    fields: { status?: OpportunityStatus; firstPublicPostAt?: string; assigneeId?: string } = {},
  ): Promise<string> => {
    const [conversation] = (
      await db.query(
        `INSERT INTO conversation (source_id, root_external_id, title, content_version, tagged_version)
         VALUES ($1, gen_random_uuid()::text, 'Ferry timetable for the winter', 1, 1) RETURNING id::text`,
        [sourceId],
      )
    ).rows as { id: string }[];
    const [row] = (
      await db.query(
        `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, rules, status,
           assignee_id, first_public_post_at)
         VALUES ($1, $2, 60, 'public-info', 'a timetable question', '[{"key":"ferries","version":1}]', $3, $4, $5)
         RETURNING id`,
        [
          conversation.id,
          departments[department],
          fields.status ?? 'new',
          fields.assigneeId ?? null,
          fields.firstPublicPostAt ?? new Date().toISOString(),
        ],
      )
    ).rows as { id: string }[];
    return row.id;
  };

  const get = async (id: string, client = clients.comms) =>
    (await client.get<Opportunity>(`/api/opportunities/${id}`)).body;

  beforeAll(async () => {
    parley = await startApi();
    db = parley.db;
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'home', name: 'Home Department', sla: { firstResponse: '4h', businessHours: true } },
        { key: 'away', name: 'Away Department', sla: { firstResponse: '2h', businessHours: false } },
      ],
    });
    expect(applied.status).toBe(200);
    for (const row of (await db.query(`SELECT id, key FROM department`)).rows as {
      id: string;
      key: string;
    }[])
      departments[row.key] = row.id;
    sourceId = (
      (
        await db.query(
          `INSERT INTO source (key, type, url, interval_ms) VALUES ('forum', 'feed', 'http://127.0.0.1:9/forum.xml', 3600000) RETURNING id`,
        )
      ).rows as { id: string }[]
    )[0].id;
    adminId = (
      (await db.query(`SELECT id FROM app_user WHERE email = 'admin@example.gov.uk'`)).rows[0] as {
        id: string;
      }
    ).id;
    await member('comms', 'home', 'comms');
    await member('viewer', 'home', 'viewer');
    await member('policy', 'home', 'policy');
    await member('awayComms', 'away', 'comms');
  });

  afterAll(async () => {
    await parley?.close();
  });

  const workflow = () => parley.api.get(OpportunityWorkflowService);
  /** The workspace administrator as the api would see them signed in. */
  const adminAuth = (): AuthContext => ({
    userId: adminId,
    email: 'admin@example.gov.uk',
    name: 'Admin',
    workspaceAdmin: true,
    memberships: [],
    via: 'token',
    sessionId: null,
    csrfToken: null,
  });

  describe('every transition in the table, allowed and refused', () => {
    const viaApi = Object.keys(REQUESTS) as WorkflowAction[];
    const cases = viaApi.flatMap((action) =>
      OPPORTUNITY_STATUSES.map((from) => ({ action, from, to: nextStatus(from, action) })),
    );

    it.each(cases)('$action from $from (via the api)', async ({ action, from, to }) => {
      const id = await opportunity('home', {
        status: from,
        assigneeId: from === 'new' ? undefined : users.comms,
      });
      const { path, body } = (REQUESTS[action] as (v: number) => { path: string; body: object })(1);
      const answer = await clients.comms.request('POST', `/api/opportunities/${id}/${path}`, body);
      const stored = await get(id);
      if (to) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect([(answer.body as Opportunity).status, stored.status, stored.version]).toEqual([to, to, 2]);
        const history = (await clients.comms.get<OpportunityHistory>(`/api/opportunities/${id}/history`))
          .body;
        expect(history.items.at(-1)).toMatchObject({ actor: { id: users.comms } });
      } else {
        expect(answer.status).toBe(409);
        expect((answer.body as { message: string }).message).toBe(refusalOf(from, action));
        expect([stored.status, stored.version]).toEqual([from, 1]);
      }
    });

    // The drafting, clearance and publishing routes belong to other modules; the workflow itself is the same.
    const throughService = WORKFLOW_ACTIONS.filter((a) => !viaApi.includes(a));
    it.each(
      throughService.flatMap((action) =>
        OPPORTUNITY_STATUSES.map((from) => ({ action, from, to: nextStatus(from, action) })),
      ),
    )('$action from $from (through the workflow service)', async ({ action, from, to }) => {
      const id = await opportunity('home', { status: from });
      const change = workflow().change(adminAuth(), id, {
        expectedVersion: 1,
        action,
        permission: 'department.read',
        event: { kind: action },
      });
      if (to) expect((await change).status).toBe(to);
      else await expect(change).rejects.toMatchObject({ code: 'conflict', message: refusalOf(from, action) });
      expect((await get(id)).status).toBe(to ?? from);
    });
  });

  it('refuses a change made from an older version with 409, the version now stored, and nothing written', async () => {
    const id = await opportunity();
    const taken = await clients.comms.request('POST', `/api/opportunities/${id}/assign`, {
      expectedVersion: 1,
      assigneeId: 'me',
    });
    expect(taken.status).toBe(200);
    const events = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM opportunity_event WHERE opportunity_id = $1`, [id]))
        .rows[0].n as number;
    const audits = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [id])).rows[0]
        .n as number;
    const before = [await events(), await audits()];
    const stale = await clients.comms.request('POST', `/api/opportunities/${id}/decline`, {
      expectedVersion: 1,
      reason: 'duplicate',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect((stale.body as { message: string }).message).toMatch(/Someone else changed this conversation/);
    expect([await events(), await audits()]).toEqual(before);
    expect(await get(id)).toMatchObject({ status: 'assigned', version: 2, decline: null });
  });

  it('keeps nothing of a change whose extra writes fail: status, version, event and audit all stay', async () => {
    const id = await opportunity();
    const change = workflow().change(adminAuth(), id, {
      expectedVersion: 1,
      action: 'assign',
      permission: 'conversation.act',
      patch: { assigneeId: users.comms },
      event: { kind: 'assigned' },
      also: async (tx) => {
        await tx.query(`UPDATE opportunity SET decline_note = 'half-written' WHERE id = $1`, [id]);
        throw new Error('the draft could not be stored');
      },
    });
    await expect(change).rejects.toThrow('the draft could not be stored');
    const { rows } = await db.query(`SELECT status, version, decline_note FROM opportunity WHERE id = $1`, [
      id,
    ]);
    expect(rows[0]).toEqual({ status: 'new', version: 1, decline_note: null });
  });

  it('answers 404 for another department, 403 for a role that cannot act, and checks the assignee', async () => {
    const id = await opportunity('home');
    const body = { expectedVersion: 1, assigneeId: 'me' };
    expect((await clients.awayComms.request('POST', `/api/opportunities/${id}/assign`, body)).status).toBe(
      404,
    );
    expect((await clients.awayComms.get(`/api/opportunities/${id}`)).status).toBe(404);
    expect((await clients.viewer.request('POST', `/api/opportunities/${id}/assign`, body)).status).toBe(403);
    const policy = await clients.comms.request('POST', `/api/opportunities/${id}/assign`, {
      expectedVersion: 1,
      assigneeId: users.policy,
    });
    expect(policy.status).toBe(400);
    expect((policy.body as { problems: { path: string }[] }).problems[0].path).toBe('assigneeId');
    expect((await get(id)).version).toBe(1);
  });

  describe('first-response SLA', () => {
    const sweep = () =>
      new SweepSlaHandler(
        parley.api.get<DataSource>(DATA_SOURCE),
        parley.api.get(OpportunityRepository),
        englandAndWalesBankHolidays(),
      );

    it('counts 4 business hours across Christmas: Thursday 24 December 16:00 is due Tuesday 29 December 11:30', async () => {
      // date-holidays gives England and Wales Christmas Day (Fri 25), Boxing Day (Sat 26) and its substitute, Mon 28.
      const id = await opportunity('home', { firstPublicPostAt: '2026-12-24T16:00:00Z' });
      await sweep().handle(new Date('2026-12-24T16:05:00Z'));
      const stored = await get(id);
      expect([stored.dueAt, stored.sla]).toEqual(['2026-12-29T11:30:00.000Z', 'ok']);
      const { rows } = await db.query(`SELECT due_soon_at FROM opportunity WHERE id = $1`, [id]);
      expect((rows[0] as { due_soon_at: Date }).due_soon_at.toISOString()).toBe('2026-12-29T10:30:00.000Z');
    });

    it('counts the clock round for a department whose SLA is not in business hours', async () => {
      const id = await opportunity('away', { firstPublicPostAt: '2026-12-24T16:00:00Z' });
      await sweep().handle(new Date('2026-12-24T16:05:00Z'));
      expect((await get(id, clients.awayComms)).dueAt).toBe('2026-12-24T18:00:00.000Z');
    });

    it('appends one due-soon and one overdue event per opportunity, however often it runs', async () => {
      const start = new Date(Date.now() - 3 * 3_600_000).toISOString();
      const id = await opportunity('away', { firstPublicPostAt: start });
      const due = new Date(new Date(start).getTime() + 2 * 3_600_000);
      await sweep().handle(new Date(due.getTime() - 10 * 60_000));
      await sweep().handle(new Date(due.getTime() - 5 * 60_000));
      expect((await get(id, clients.awayComms)).sla).toBe('overdue');
      await Promise.all([sweep().handle(due), sweep().handle(new Date(due.getTime() + 60_000))]);
      const history = (await clients.awayComms.get<OpportunityHistory>(`/api/opportunities/${id}/history`))
        .body;
      expect(history.items.map((e) => [e.kind, e.actor, e.summary])).toEqual([
        ['sla-due-soon', null, 'The first response is due soon'],
        ['sla-overdue', null, 'The first response is overdue'],
      ]);
    });

    it('has no SLA state once the work is closed', async () => {
      const id = await opportunity('away', {
        firstPublicPostAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      });
      await sweep().handle();
      expect((await get(id, clients.awayComms)).sla).toBe('overdue');
      await clients.awayComms.request('POST', `/api/opportunities/${id}/decline`, {
        expectedVersion: 1,
        reason: 'abusive',
      });
      expect((await get(id, clients.awayComms)).sla).toBeNull();
    });

    it('reads and writes the SLA in the workspace document, and works deadlines out again when it changes', async () => {
      const exported = (
        await parley.admin.get<{ departments: { key: string; sla: unknown }[] }>('/api/workspace')
      ).body;
      expect(exported.departments.find((d) => d.key === 'home')?.sla).toEqual({
        firstResponse: '4h',
        businessHours: true,
      });
      const id = await opportunity('home', { firstPublicPostAt: '2026-12-24T16:00:00Z' });
      await sweep().handle(new Date('2026-12-24T16:05:00Z'));
      const changed = await parley.admin.request('PUT', '/api/workspace', {
        departments: [{ key: 'home', name: 'Home Department', sla: { firstResponse: '90m' } }],
      });
      expect(changed.status).toBe(200);
      await sweep().handle(new Date('2026-12-24T16:05:00Z'));
      expect((await get(id)).dueAt).toBe('2026-12-24T17:30:00.000Z');
      const refused = await parley.admin.request('PUT', '/api/workspace', {
        departments: [{ key: 'home', name: 'Home Department', sla: { firstResponse: '1d' } }],
      });
      expect(refused.status).toBe(400);
      await parley.admin.request('PUT', '/api/workspace', {
        departments: [
          { key: 'home', name: 'Home Department', sla: { firstResponse: '4h', businessHours: true } },
        ],
      });
    });
  });

  it('refers to another department: it appears in their inbox with the note and where it came from', async () => {
    const id = await opportunity('home');
    const conversationId = (
      (await db.query(`SELECT conversation_id::text AS c FROM opportunity WHERE id = $1`, [id])).rows[0] as {
        c: string;
      }
    ).c;
    await db.query(
      `UPDATE opportunity SET signals = '[{"kind": "rule", "detail": "ferries matched", "weight": 30},
         {"kind": "question", "detail": "asks when", "weight": 10}]' WHERE id = $1`,
      [id],
    );
    const referred = await clients.comms.request('POST', `/api/opportunities/${id}/refer`, {
      expectedVersion: 1,
      to: 'department',
      department: 'away',
      note: 'Pensions are yours: they ask about pension credit.',
    });
    expect(referred.status, JSON.stringify(referred.body)).toBe(200);
    expect(referred.body).toMatchObject({ status: 'referred', version: 2 });
    const inbox = (await clients.awayComms.get<ConversationPage>('/api/conversations?department=away')).body;
    const tag = inbox.items.find((c) => c.id === conversationId)?.tags.find((t) => t.department === 'away');
    expect(tag).toBeDefined();
    // The referring department's rules are its own: they are not given as why it is here.
    expect(tag?.signals.map((x) => x.kind)).toEqual(['question']);
    const received = await get((tag as { opportunityId: string }).opportunityId, clients.awayComms);
    expect(received).toMatchObject({
      status: 'new',
      referredFrom: { department: 'home', departmentName: 'Home Department' },
    });
    const theirs = (
      await clients.awayComms.get<OpportunityHistory>(`/api/opportunities/${received.id}/history`)
    ).body;
    expect(theirs.items).toMatchObject([
      {
        kind: 'referred-in',
        summary: 'Referred here by Home Department',
        actor: { name: 'comms person' },
        detail: { note: 'Pensions are yours: they ask about pension credit.' },
      },
    ]);
    // What came back is recorded on the referring side, while it is referred.
    const outcome = await clients.comms.request('POST', `/api/opportunities/${id}/referral-outcome`, {
      expectedVersion: 2,
      outcome: 'Away answered it on the thread.',
    });
    expect(outcome.status).toBe(200);
    const ours = (await clients.comms.get<OpportunityHistory>(`/api/opportunities/${id}/history`)).body;
    expect(ours.items.map((e) => [e.kind, e.fromStatus, e.toStatus, e.summary])).toEqual([
      ['referred', 'new', 'referred', 'Referred it to Away Department'],
      ['referral-outcome', null, null, 'Recorded what came back from the referral'],
    ]);
    expect(ours.items[0].detail).toMatchObject({ referralOpportunityId: received.id });
  });

  it('keeps notes with @mentions as user ids, names them in the timeline, and refuses a mention of an outsider', async () => {
    const id = await opportunity('home');
    const noted = await clients.comms.request('POST', `/api/opportunities/${id}/notes`, {
      text: 'Can you check the timetable? @policy@example.gov.uk',
    });
    expect(noted.status).toBe(201);
    const history = (await clients.viewer.get<OpportunityHistory>(`/api/opportunities/${id}/history`)).body;
    expect(history.items).toMatchObject([
      {
        kind: 'note',
        actor: { name: 'comms person' },
        detail: { mentions: [users.policy] },
        people: [{ id: users.policy, name: 'policy person' }],
      },
    ]);
    const outsider = await clients.comms.request('POST', `/api/opportunities/${id}/notes`, {
      text: '@awaycomms@example.gov.uk have a look',
    });
    expect(outsider.status).toBe(400);
    expect((outsider.body as { message: string }).message).toMatch(
      /awaycomms@example.gov.uk is not a member of Home Department/,
    );
  });

  it('assigns and declines in bulk, each checked and reported on its own', async () => {
    const fresh = await opportunity('home');
    const changed = await opportunity('home');
    const elsewhere = await opportunity('away');
    await clients.comms.request('POST', `/api/opportunities/${changed}/assign`, {
      expectedVersion: 1,
      assigneeId: 'me',
    });
    const answer = await clients.comms.request('POST', '/api/opportunities/bulk', {
      department: 'home',
      action: 'decline',
      reason: 'other',
      note: 'Spam wave',
      items: [fresh, changed, elsewhere].map((id) => ({ id, expectedVersion: 1 })),
    });
    expect(answer.status).toBe(200);
    expect((answer.body as BulkResult).results.map((r) => [r.id, r.status, r.version])).toEqual([
      [fresh, 200, 2],
      [changed, 409, null],
      [elsewhere, 404, null],
    ]);
    expect((await get(fresh)).decline).toEqual({ reason: 'other', note: 'Spam wave' });
    const missingNote = await clients.comms.request('POST', '/api/opportunities/bulk', {
      department: 'home',
      action: 'decline',
      reason: 'other',
      items: [{ id: fresh, expectedVersion: 2 }],
    });
    expect(missingNote.status).toBe(400);
    const assigned = await clients.comms.request('POST', '/api/opportunities/bulk', {
      department: 'home',
      action: 'assign',
      assigneeId: users.comms,
      items: [changed, fresh].map((id) => ({ id, expectedVersion: 2 })),
    });
    // Already declined: the table refuses assigning it, and says so for that one alone.
    expect(
      (assigned.body as BulkResult).results.map((r) => [r.status, r.message?.slice(0, 40) ?? null]),
    ).toEqual([
      [200, null],
      [409, 'This conversation was declined, so it ca'],
    ]);
    expect((await get(changed)).assignee).toEqual({ id: users.comms, name: 'comms person' });
  });

  it.each([
    ['a NUL byte in a note', 'notes', { text: 'before\u0000after' }, 400, 'text'],
    ['a note past the limit', 'notes', { text: 'x'.repeat(5_001) }, 400, 'text'],
    [
      'an unknown field',
      'decline',
      { expectedVersion: 1, reason: 'duplicate', reasons: 'x' },
      400,
      'reasons',
    ],
    [
      'a version that is not a number',
      'assign',
      { expectedVersion: '1', assigneeId: 'me' },
      400,
      'expectedVersion',
    ],
    ['no version at all', 'unassign', {}, 400, 'expectedVersion'],
    [
      'a reason that is not one of the codes',
      'decline',
      { expectedVersion: 1, reason: 'bored' },
      400,
      'reason',
    ],
    ['"other" without a note', 'decline', { expectedVersion: 1, reason: 'other' }, 400, 'note'],
    [
      'a department to refer to that does not exist',
      'refer',
      { expectedVersion: 1, to: 'department', department: 'nowhere', note: 'x' },
      400,
      'department',
    ],
    [
      'referring it to its own department',
      'refer',
      { expectedVersion: 1, to: 'department', department: 'home', note: 'x' },
      400,
      'department',
    ],
  ])('refuses %s with a message about the field', async (_name, path, body, status, field) => {
    const id = await opportunity('home');
    const answer = await clients.comms.request('POST', `/api/opportunities/${id}/${path}`, body);
    expect(answer.status).toBe(status);
    expect((answer.body as { problems: { path: string }[] }).problems.map((p) => p.path)).toContain(field);
    expect((await get(id)).version).toBe(1);
  });

  it('answers 404 for an id that is not an opportunity id', async () => {
    expect((await clients.comms.get('/api/opportunities/not-an-id')).status).toBe(404);
    expect(
      (await clients.comms.get('/api/opportunities/00000000-0000-4000-8000-000000000000/history')).status,
    ).toBe(404);
  });
});
