import type {
  ConversationPage,
  CreateTokenResponse,
  User,
  Webhook,
  WebhookDelivery,
} from '@parley/contracts';
import { JobProducer } from '@parley/jobs';
import { TestApiClient, eventually, rssFeed, startFixtureServer } from '@parley/testing';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FanOutEventsHandler } from '../../apps/worker/src/handlers/fan-out-events.handler';
import { startParley, type Parley } from './harness';
import { decodeQuotedPrintable, startSmtpServer } from './smtp-server';

const PUBLIC_URL = 'https://parley.example.gov.uk';
const SECRET = 'a-signing-secret-for-the-test-receiver';

const forum = rssFeed('Forum', [
  {
    guid: 'ferry-1',
    title: 'Ferry timetable for the winter',
    description: 'Where can I find the ferry timetable for December?',
    pubDate: new Date(Date.now() - 3_600_000),
  },
  {
    guid: 'pension-1',
    title: 'Pension credit for carers',
    description: 'Can I claim pension credit if I am a carer?',
    pubDate: new Date(Date.now() - 3_600_000),
  },
]);

/** Reads a server-sent events stream into frames as they arrive. */
const openStream = async (
  baseUrl: string,
  token: string,
  headers: Record<string, string> = {},
  query = '',
) => {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events${query}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
    signal: controller.signal,
  });
  const frames: { event: string; id: string | null; data: unknown }[] = [];
  let buffer = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2) ?? null;
          const event = field('event');
          if (event) frames.push({ event, id: field('id'), data: JSON.parse(field('data') ?? 'null') });
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    frames,
    done: reading,
    close: () => controller.abort(),
  };
};

describe('notifications: the opportunity_event outbox fanned out to people, email, webhooks and live streams', () => {
  let parley: Parley;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let receiver: Awaited<ReturnType<typeof startFixtureServer>>;
  const hookCalls: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  const opportunities: Record<'home' | 'away', { id: string; departmentId: string; conversationId: string }> =
    {} as never;

  const person = async (key: string, memberships: { department: string; role: string }[]) => {
    const password = `${key}-long-password`;
    const created = await parley.admin.request('POST', '/api/users', {
      email: `${key}@example.gov.uk`,
      name: `Person ${key}`,
      password,
      memberships,
    });
    expect(created.status).toBe(201);
    users[key] = created.body as User;
    const session = new TestApiClient(parley.baseUrl);
    expect(await session.login(`${key}@example.gov.uk`, password)).toBe(200);
    const token = await session.request('POST', '/api/auth/tokens', { name: 'notifications test' });
    tokens[key] = (token.body as CreateTokenResponse).token;
  };
  const as = (key: string) => new TestApiClient(parley.baseUrl, tokens[key]);

  /** Appends an event as the workflow does, then nudges the fan-out as a committing change does. */
  const append = async (
    where: 'home' | 'away',
    kind: string,
    actor: string | null,
    detail: Record<string, unknown> = {},
  ): Promise<string> => {
    const opportunity = opportunities[where];
    const { rows } = await parley.db.query<{ id: string }>(
      `INSERT INTO opportunity_event (opportunity_id, department_id, actor_user_id, kind, detail)
       VALUES ($1, $2, $3, $4, $5) RETURNING id::text`,
      [
        opportunity.id,
        opportunity.departmentId,
        actor ? users[actor].id : null,
        kind,
        JSON.stringify(detail),
      ],
    );
    await parley.api.get(JobProducer).fanOutEvents();
    return rows[0].id;
  };

  const notified = (eventId: string) =>
    eventually(async () => {
      const { rows } = await parley.db.query(`SELECT notified_at FROM opportunity_event WHERE id = $1`, [
        eventId,
      ]);
      return rows[0]?.notified_at !== null;
    });

  const recipientsOf = async (eventId: string): Promise<string[]> => {
    const { rows } = await parley.db.query<{ email: string }>(
      `SELECT u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.event_id = $1 ORDER BY u.email`,
      [eventId],
    );
    return rows.map((r) => r.email.split('@')[0]);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    let hits = 0;
    receiver = await startFixtureServer({
      '/forum.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(forum);
      },
      '/hook': (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          hookCalls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          // The first delivery meets a receiver having a bad moment; the retry gets through.
          res.writeHead(++hits === 1 ? 500 : 200).end(hits === 1 ? 'try later' : 'ok');
        });
      },
    });
    parley = await startParley({ PARLEY_SMTP_URL: smtp.url, PARLEY_PUBLIC_URL: PUBLIC_URL });
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
          rules: [{ key: 'pensions', name: 'Pensions', query: '"pension credit"' }],
        },
      ],
      sources: [{ key: 'forum', type: 'feed', url: receiver.url('/forum.xml'), interval: '1h' }],
    });
    expect(applied.status).toBe(200);
    for (const key of ['home', 'away'] as const) {
      await eventually(
        async () =>
          (await parley.admin.get<ConversationPage>(`/api/conversations?department=${key}`)).body.items[0],
      );
      const { rows } = await parley.db.query(
        `SELECT o.id, o.department_id AS "departmentId", o.conversation_id::text AS "conversationId"
         FROM opportunity o JOIN department d ON d.id = o.department_id WHERE d.key = $1`,
        [key],
      );
      opportunities[key] = rows[0];
    }
    await person('manager', [{ department: 'home', role: 'manager' }]);
    await person('comms1', [{ department: 'home', role: 'comms' }]);
    await person('comms2', [{ department: 'home', role: 'comms' }]);
    await person('policy', [{ department: 'home', role: 'policy' }]);
    await person('viewer', [{ department: 'home', role: 'viewer' }]);
    await person('awaycomms', [{ department: 'away', role: 'comms' }]);
  });

  afterAll(async () => {
    await parley?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('tells each event to the people it concerns, never the person who made the change', async () => {
    await parley.db.query(`UPDATE opportunity SET assignee_id = $1 WHERE id = $2`, [
      users.comms1.id,
      opportunities.home.id,
    ]);
    const events = {
      assigned: await append('home', 'assigned', 'manager', { assigneeId: users.comms1.id }),
      taken: await append('home', 'assigned', 'comms1', { assigneeId: users.comms1.id }),
      mention: await append('home', 'note', 'comms1', { mentions: [users.policy.id, users.awaycomms.id] }),
      submitted: await append('home', 'draft-submitted', 'comms2', { authorId: users.comms2.id }),
      review: await append('home', 'review', 'policy', { authorId: users.comms2.id, decision: 'approve' }),
      dueSoon: await append('home', 'sla-due-soon', null),
      overdue: await append('home', 'sla-overdue', null),
      // The workflow records a referral on both sides: `referred` here, `referred-in` on the receiving inbox.
      referring: await append('home', 'referred', 'comms1', { to: 'department', department: 'away' }),
      referred: await append('away', 'referred-in', 'comms1', { fromDepartmentName: 'Home Department' }),
      saved: await append('home', 'draft-saved', 'comms1'),
    };
    for (const id of Object.values(events)) await notified(id);
    const heard: Record<string, string[]> = {};
    for (const [what, id] of Object.entries(events)) heard[what] = await recipientsOf(id);
    expect(heard).toEqual({
      assigned: ['comms1'],
      taken: [],
      // Someone of another department cannot be told about a home note.
      mention: ['policy'],
      submitted: ['comms1', 'policy'],
      review: ['comms2'],
      dueSoon: ['comms1'],
      overdue: ['comms1', 'manager'],
      referring: [],
      referred: ['awaycomms'],
      saved: [],
    });

    const list = await as('comms1').get<{ items: { text: string; reason: string }[]; unread: number }>(
      '/api/notifications',
    );
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(list.body.items.length);
    expect(list.body.items[0]).toMatchObject({ reason: 'sla-overdue' });
    expect(list.body.items.map((n) => n.text)).toContain(
      'Person manager assigned “Ferry timetable for the winter” to you',
    );
    const read = await as('comms1').request('POST', '/api/notifications/read', { all: true });
    expect(read.body).toEqual({ unread: 0 });
  });

  it('tells the assignee of a change made through the workflow, nudged as it commits', async () => {
    const path = `/api/opportunities/${opportunities.away.id}`;
    const { version } = (await parley.admin.get<{ version: number }>(path)).body;
    const assigned = await parley.admin.request('POST', `${path}/assign`, {
      expectedVersion: version,
      assigneeId: users.awaycomms.id,
    });
    expect(assigned.status).toBe(200);
    const told = await eventually(async () => {
      const page = await as('awaycomms').get<{ items: { reason: string; opportunityId: string }[] }>(
        '/api/notifications',
      );
      return page.body.items.find(
        (n) => n.reason === 'assigned' && n.opportunityId === opportunities.away.id,
      );
    });
    expect(told).toBeDefined();
  });

  it('tells nobody twice when the outbox is fanned out again', async () => {
    const before = await parley.db.query(`SELECT count(*)::int AS n FROM notification`);
    await parley.db.query(`UPDATE opportunity_event SET notified_at = NULL`);
    const fanOut = parley.worker.get(FanOutEventsHandler);
    // Whichever run claims them (this one or a sweep's), each event is fanned out again, and nobody is told twice.
    await fanOut.handle();
    await fanOut.handle();
    await eventually(async () => {
      const { rows } = await parley.db.query(
        `SELECT count(*)::int AS n FROM opportunity_event WHERE notified_at IS NULL`,
      );
      return rows[0].n === 0;
    });
    const after = await parley.db.query(`SELECT count(*)::int AS n FROM notification`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('emails those who chose it, with a link back to the conversation', async () => {
    const saved = await as('comms2').request('PUT', '/api/account/notification-preferences', {
      email: { assigned: true },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ emailAvailable: true, email: { assigned: true, mentioned: false } });
    const sentBefore = smtp.received.length;
    const assigned = await append('home', 'assigned', 'manager', { assigneeId: users.comms2.id });
    // comms1 has not chosen email for mentions: told in Parley only.
    await append('home', 'note', 'manager', { mentions: [users.comms1.id] });
    const email = await eventually(async () =>
      smtp.received.find((m) => m.to.includes('comms2@example.gov.uk')),
    );
    const text = decodeQuotedPrintable(email.raw);
    expect(text).toContain(`${PUBLIC_URL}/conversations/${opportunities.home.conversationId}`);
    expect(text).toMatch(/Subject: .*assigned/);
    await notified(assigned);
    const { rows } = await parley.db.query(`SELECT email_state FROM notification WHERE event_id = $1`, [
      assigned,
    ]);
    expect(rows).toEqual([{ email_state: 'sent' }]);
    expect(smtp.received.slice(sentBefore).flatMap((m) => m.to)).toEqual(['comms2@example.gov.uk']);
  });

  it('posts to a department webhook, signed, again after a 500, and logs the delivery', async () => {
    const created = await parley.admin.request('POST', '/api/departments/home/webhooks', {
      name: 'Team channel',
      url: receiver.url('/hook'),
      reasons: ['sla-overdue'],
      secret: SECRET,
    });
    expect(created.status).toBe(201);
    const webhook = created.body as Webhook;
    expect(webhook).toMatchObject({ host: receiver.url('').replace(/\/$/, ''), secret: { set: true } });
    expect(JSON.stringify(webhook)).not.toContain('/hook');

    // The address guard refuses a webhook aimed inside the network before anything is stored or sent.
    const metadata = await parley.admin.request('POST', '/api/departments/home/webhooks', {
      name: 'Metadata',
      url: 'http://169.254.169.254/latest/meta-data',
      reasons: ['sla-overdue'],
    });
    expect(metadata.status).toBe(400);
    expect(metadata.body).toMatchObject({ problems: [{ path: 'url' }] });

    const overdue = await append('home', 'sla-overdue', null);
    const log = await eventually(async () => {
      const deliveries = await parley.admin.get<WebhookDelivery[]>(
        `/api/departments/home/webhooks/${webhook.id}/deliveries`,
      );
      const delivery = deliveries.body.find((d) => d.eventId === overdue);
      return delivery?.state === 'delivered' ? delivery : undefined;
    }, 30_000);
    expect(log).toMatchObject({ attempts: 2, statusCode: 200, reason: 'sla-overdue' });
    expect(hookCalls).toHaveLength(2);

    const last = hookCalls[1];
    const signature = `sha256=${createHmac('sha256', SECRET).update(last.body).digest('hex')}`;
    expect(last.headers['x-parley-signature']).toBe(signature);
    const body = JSON.parse(last.body) as {
      text: string;
      timestamp: number;
      event: { id: string; url: string };
    };
    expect(String(body.timestamp)).toBe(last.headers['x-parley-timestamp']);
    expect(body.text).toContain('overdue');
    expect(body.event).toMatchObject({
      id: overdue,
      url: `${PUBLIC_URL}/conversations/${opportunities.home.conversationId}`,
    });
    // Another department's admin cannot see it.
    const away = await as('awaycomms').get(`/api/departments/home/webhooks`);
    expect(away.status).toBe(403);
  });

  it('streams events live to those who can read the department, and catches up after a reconnect', async () => {
    const home = await openStream(parley.baseUrl, tokens.viewer);
    const away = await openStream(parley.baseUrl, tokens.awaycomms);
    expect(home.status).toBe(200);
    expect(home.contentType).toMatch(/^text\/event-stream/);
    const homeEvent = await append('home', 'draft-saved', 'comms1');
    const awayEvent = await append('away', 'draft-saved', 'awaycomms');
    await eventually(async () => home.frames.some((f) => f.id === homeEvent));
    await eventually(async () => away.frames.some((f) => f.id === awayEvent));
    // The away event was published after the home one, so the away stream has had its chance to see it.
    expect(away.frames.map((f) => f.id)).not.toContain(homeEvent);
    expect(home.frames.find((f) => f.id === homeEvent)?.data).toMatchObject({
      kind: 'draft-saved',
      department: 'home',
      conversationId: opportunities.home.conversationId,
    });
    home.close();
    away.close();

    const replay = await openStream(
      parley.baseUrl,
      tokens.viewer,
      { 'last-event-id': String(BigInt(homeEvent) - 1n) },
      '?stay=0',
    );
    await replay.done;
    expect(replay.frames.map((f) => f.id)).toEqual([homeEvent]);
  });
});
