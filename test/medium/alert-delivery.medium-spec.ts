import type { AlertLiveEvent } from '@parley/contracts';
import { JobProducer } from '@parley/jobs';
import { eventually, startFixtureServer, type TestApiClient } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliverAlertsHandler } from '../../apps/worker/src/handlers/deliver-alerts.handler';
import { insertAlert, makePerson } from './alert-fixtures';
import { startParley, type Parley } from './harness';
import { decodeQuotedPrintable, startSmtpServer } from './smtp-server';

const PUBLIC_URL = 'https://parley.example.gov.uk';

/** The `alert` frames of a server-sent events stream, as they arrive. */
const openStream = async (baseUrl: string, token: string) => {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const alerts: AlertLiveEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          if (lines.includes('event: alert'))
            alerts.push(
              JSON.parse(lines.find((l) => l.startsWith('data: '))?.slice(6) ?? 'null') as AlertLiveEvent,
            );
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return { alerts, close: () => controller.abort(), done: reading };
};

/** London's clock `minutes` from now, as quiet hours write it. */
const londonClock = (minutes: number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));

describe('alert delivery: in-app live, email by preference and quiet hours, webhooks, digests', () => {
  let parley: Parley;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let receiver: Awaited<ReturnType<typeof startFixtureServer>>;
  const hooks: { department: string; body: { text: string; event: { kind: string; alertIds: string[] } } }[] =
    [];
  const people: Record<string, { client: TestApiClient; token: string; id: string }> = {};

  const deliver = () => parley.worker.get(DeliverAlertsHandler).handle();
  const delivered = (id: string) =>
    eventually(async () => {
      const { rows } = await parley.db.query(`SELECT delivered_at FROM alert WHERE id = $1`, [id]);
      return rows[0].delivered_at !== null;
    });
  const noticesOf = async (alertId: string) =>
    (
      await parley.db.query<{ who: string; read: boolean; email: string | null }>(
        `SELECT split_part(u.email, '@', 1) AS who, n.read_at IS NOT NULL AS read, n.email_state AS email
         FROM notification n JOIN alert_dispatch ad ON ad.id = n.alert_dispatch_id JOIN app_user u ON u.id = n.user_id
         WHERE $1::uuid = ANY(ad.alert_ids) ORDER BY who`,
        [alertId],
      )
    ).rows;
  const mailTo = (who: string) => smtp.received.filter((m) => m.to.includes(`${who}@example.gov.uk`));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    receiver = await startFixtureServer({
      '/hook/home': (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          hooks.push({ department: 'home', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          res.writeHead(200).end('ok');
        });
      },
    });
    parley = await startParley({ PARLEY_SMTP_URL: smtp.url, PARLEY_PUBLIC_URL: PUBLIC_URL });
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'home', name: 'Home Department' },
        { key: 'away', name: 'Away Department' },
        { key: 'busy', name: 'Busy Department', alerts: { digestAbove: 2 } },
      ],
    });
    expect(applied.status).toBe(200);
    for (const [key, department] of [
      ['loud', 'home'],
      ['quiet', 'home'],
      ['inbox', 'home'],
      ['remote', 'away'],
      ['busy1', 'busy'],
      ['busy2', 'busy'],
    ] as const) {
      const person = await makePerson(parley.admin, parley.baseUrl, key, [{ department, role: 'comms' }]);
      people[key] = { client: person.client, token: person.token, id: person.user.id };
    }
    // Quiet hours around now (London time): in-app only. `inbox` wants no email at all.
    const quiet = {
      email: true,
      inApp: true,
      minSeverity: 1,
      quietHours: { from: londonClock(-60), to: londonClock(60) },
    };
    expect((await people.quiet.client.request('PUT', '/api/me/alert-preferences', quiet)).status).toBe(200);
    const inboxOnly = { email: false, inApp: true, minSeverity: 1, quietHours: null };
    expect((await people.inbox.client.request('PUT', '/api/me/alert-preferences', inboxOnly)).status).toBe(
      200,
    );
    const hook = await parley.admin.request('POST', '/api/departments/home/webhooks', {
      name: 'Home channel',
      url: receiver.url('/hook/home'),
      reasons: ['alert-raised'],
    });
    expect(hook.status).toBe(201);
  });

  afterAll(async () => {
    await parley?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('delivers a new alert once: live to streams that may read it, email outside quiet hours, the webhook', async () => {
    const homeStream = await openStream(parley.baseUrl, people.quiet.token);
    const awayStream = await openStream(parley.baseUrl, people.remote.token);
    const id = await insertAlert(parley.db, 'home', {
      label: 'Ferries',
      observed: 40,
      expected: 10,
      severity: 4,
    });
    await parley.api.get(JobProducer).deliverAlerts();
    await delivered(id);

    expect(await noticesOf(id)).toEqual([
      { who: 'inbox', read: false, email: null },
      { who: 'loud', read: false, email: expect.stringMatching(/^(pending|sent)$/) },
      { who: 'quiet', read: false, email: null },
    ]);
    const mail = await eventually(async () => mailTo('loud')[0]);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain('Subject: Mentions of Ferries are 4 times the usual rate');
    expect(text).toContain(`${PUBLIC_URL}/alerts/${id}`);
    expect(mailTo('quiet')).toEqual([]);
    expect(mailTo('inbox')).toEqual([]);

    const hook = await eventually(async () => hooks.find((h) => h.body.event.alertIds.includes(id)));
    expect(hook.body.event.kind).toBe('alert.raised');
    expect(hook.body.text).toBe(
      `Mentions of Ferries are 4 times the usual rate (Home Department): ${PUBLIC_URL}/alerts/${id}`,
    );

    const live = await eventually(async () => homeStream.alerts.find((a) => a.alertId === id));
    expect(live).toMatchObject({ department: 'home', kind: 'spike', severity: 4, status: 'open' });
    expect(live.headline).toBe('Mentions of Ferries are 4 times the usual rate');

    // The detectors update an open alert as the rise goes on: that is not a new delivery.
    await parley.db.query(`UPDATE alert SET last_seen_at = now(), severity = 5 WHERE id = $1`, [id]);
    await deliver();
    await deliver();
    expect(await noticesOf(id)).toHaveLength(3);
    const notifications = (
      await people.loud.client.get<{ items: { reason: string; alertId: string | null }[] }>(
        '/api/notifications',
      )
    ).body.items;
    expect(notifications).toEqual([expect.objectContaining({ reason: 'alert-raised', alertId: id })]);

    // Acknowledging it is heard live too, and only where the department may be read.
    const ack = await people.loud.client.request('POST', `/api/alerts/${id}/actions`, {
      action: 'acknowledge',
    });
    expect(ack.status).toBe(200);
    await eventually(async () =>
      homeStream.alerts.find((a) => a.alertId === id && a.status === 'acknowledged'),
    );
    homeStream.close();
    awayStream.close();
    await Promise.all([homeStream.done, awayStream.done]);
    expect(awayStream.alerts).toEqual([]);
    expect(mailTo('loud')).toHaveLength(1);
    expect(hooks.filter((h) => h.body.event.alertIds.includes(id))).toHaveLength(1);
  });

  it('delivers a reopened alert again', async () => {
    const id = await insertAlert(parley.db, 'away', { label: 'Pensions' });
    await deliver();
    await delivered(id);
    const act = (body: unknown) => people.remote.client.request('POST', `/api/alerts/${id}/actions`, body);
    expect((await act({ action: 'close', outcome: 'Answered' })).status).toBe(200);
    await deliver();
    expect(await noticesOf(id)).toHaveLength(1);
    expect((await act({ action: 'reopen' })).status).toBe(200);
    await deliver();
    await delivered(id);
    expect(await noticesOf(id)).toHaveLength(2);
  });

  it('sends one digest instead of a stream when more alerts than digestAbove arrive within 15 minutes', async () => {
    const labels = ['Tesco', 'Sainsbury’s', 'Asda', 'Lidl'];
    const ids: string[] = [];
    for (const label of labels) ids.push(await insertAlert(parley.db, 'busy', { kind: 'partner', label }));
    await deliver();
    for (const id of ids) await delivered(id);
    const { rows: dispatches } = await parley.db.query<{ digest: boolean; count: number; text: string }>(
      `SELECT digest, cardinality(alert_ids) AS count, text FROM alert_dispatch
       WHERE department_id = (SELECT id FROM department WHERE key = 'busy')`,
    );
    expect(dispatches).toEqual([
      { digest: true, count: 4, text: '4 alerts in Busy Department within 15 minutes' },
    ]);
    for (const who of ['busy1', 'busy2']) {
      const mail = await eventually(async () => mailTo(who)[0]);
      const text = decodeQuotedPrintable(mail.raw);
      expect(text).toContain('Subject: 4 alerts in Busy Department within 15 minutes');
      expect(text).toContain(`${PUBLIC_URL}/alerts?department=busy`);
    }

    // One more within the window waits for it to pass, rather than starting a stream of digests.
    const late = await insertAlert(parley.db, 'busy', { kind: 'partner', label: 'Aldi' });
    await deliver();
    const { rows } = await parley.db.query(`SELECT delivered_at FROM alert WHERE id = $1`, [late]);
    expect(rows[0].delivered_at).toBeNull();
    await parley.db.query(`UPDATE alert_dispatch SET created_at = created_at - interval '16 minutes'`);
    await deliver();
    await delivered(late);
    await eventually(async () => mailTo('busy1').length === 2);
    expect(decodeQuotedPrintable(mailTo('busy1')[1].raw)).toContain('Subject: Posts naming Aldi');
  });
});
