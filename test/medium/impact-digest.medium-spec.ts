import type { DigestSubscription } from '@parley/contracts';
import { TestApiClient } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestService } from '../../apps/api/src/modules/reports/digest.service';
import { startApi, type Api } from './harness';
import { decodeQuotedPrintable, startSmtpServer } from './smtp-server';

const PUBLIC_URL = 'https://parley.example.gov.uk';
const PASSWORD = 'a-long-digest-password';
// Wednesday 25 November 2026: the London week began Monday 23 November (GMT, so 00:00 UTC); the digest covers
// Monday 16 to Sunday 22 November.
const NOW = new Date('2026-11-25T10:00:00Z');
const PERIOD = '16 November 2026 to 22 November 2026';

describe('the weekly impact digest', () => {
  let parley: Api;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const clients: Record<string, TestApiClient> = {};

  const person = async (key: string, role: string) => {
    const created = await parley.admin.request('POST', '/api/users', {
      email: `${key}@example.gov.uk`,
      name: key,
      password: PASSWORD,
      memberships: [{ department: 'home', role }],
    });
    expect(created.status).toBe(201);
    clients[key] = new TestApiClient(parley.baseUrl);
    expect(await clients[key].login(`${key}@example.gov.uk`, PASSWORD)).toBe(200);
  };
  const subscribe = (key: string, subscribed: boolean, department = 'home') =>
    clients[key].request('PUT', '/api/reports/digest-subscriptions', { department, subscribed });
  /** The digests of this test's week (the scheduled run at boot may send the real week's; those are not ours). */
  const ours = () => smtp.received.filter((m) => decodeQuotedPrintable(m.raw).includes(PERIOD));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    parley = await startApi({ PARLEY_SMTP_URL: smtp.url, PARLEY_PUBLIC_URL: PUBLIC_URL });
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'home', name: 'Home Department' },
        { key: 'away', name: 'Away Department' },
      ],
      sources: [{ key: 'forum', type: 'feed', url: 'http://127.0.0.1:9/forum.xml', interval: '1h' }],
    });
    expect(applied.status).toBe(200);
    // Two conversations with an opportunity in the digest's week, one the week before (not counted).
    for (const [i, at] of [
      '2026-11-17T09:00:00Z',
      '2026-11-22T23:30:00Z',
      '2026-11-12T09:00:00Z',
    ].entries()) {
      await parley.db.query(
        `WITH c AS (INSERT INTO conversation (source_id, root_external_id, title)
           SELECT id, $1, 'Ferries' FROM source WHERE key = 'forum' RETURNING id)
         INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, created_at)
         SELECT c.id, d.id, 60, 'direct', 'Asks.', $2 FROM c, department d WHERE d.key = 'home'`,
        [`t${i}`, at],
      );
    }
    await person('policy', 'policy');
    await person('manager', 'manager');
    await person('viewer', 'viewer');
  });

  afterAll(async () => {
    await parley?.close();
    await smtp?.close();
  });

  it('keeps one audited subscription per person and department, for those who read evaluation', async () => {
    const first = await subscribe('policy', true);
    expect(first.status).toBe(200);
    expect(first.body as DigestSubscription).toEqual({
      department: 'home',
      subscribed: true,
      lastSentWeek: null,
    });
    expect((await subscribe('policy', true)).status).toBe(200);
    expect((await subscribe('manager', true)).status).toBe(200);
    expect((await subscribe('viewer', true)).status).toBe(403);
    expect((await subscribe('policy', true, 'away')).status).toBe(404);
    const bad = await clients.policy.request('PUT', '/api/reports/digest-subscriptions', {
      department: 'home',
    });
    expect(bad.status).toBe(400);
    const { rows } = await parley.db.query(
      `SELECT u.email FROM digest_subscription s JOIN app_user u ON u.id = s.user_id ORDER BY u.email`,
    );
    expect(rows.map((r) => r.email)).toEqual(['manager@example.gov.uk', 'policy@example.gov.uk']);
    // Subscribing twice changed nothing the second time: two audit rows, one per person.
    const audit = await parley.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.digest-subscription'`,
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('sends each subscriber the overview of the week before, once, whatever the retries', async () => {
    const digests = parley.api.get(DigestService);
    expect(await digests.sendDue(NOW)).toBe(2);
    const sent = ours();
    expect(sent.flatMap((m) => m.to).sort()).toEqual(['manager@example.gov.uk', 'policy@example.gov.uk']);
    const text = decodeQuotedPrintable(sent[0].raw);
    expect(text).toContain(`Weekly impact overview: Home Department, ${PERIOD}`);
    // 17 November and 22 November 23:30 UTC (still Sunday in London, GMT) are in; 12 November is not: 2.
    // Neither was answered: coverage 0 ÷ 2 = 0%.
    expect(text).toContain('We took part in 0 of 2 conversations');
    expect(text).toContain(
      `${PUBLIC_URL}/reports/impact?department=home&from=2026-11-16&to=2026-11-22&level=overview`,
    );
    // A retry in the same week (a later run, or the job again after a crash) sends nothing more.
    expect(await digests.sendDue(new Date('2026-11-29T22:00:00Z'))).toBe(0);
    expect(ours()).toHaveLength(2);
    const lastSent = (await subscribe('policy', true)).body as DigestSubscription;
    expect(lastSent.lastSentWeek).toBe('2026-11-23T00:00:00.000Z');
  });

  it('stops for someone who unsubscribed or may no longer read the department’s evaluation', async () => {
    expect((await subscribe('manager', false)).status).toBe(200);
    await parley.db.query(
      `UPDATE membership SET role = 'viewer' WHERE user_id = (SELECT id FROM app_user WHERE email = 'policy@example.gov.uk')`,
    );
    const before = smtp.received.length;
    // The next week: Monday 30 November.
    expect(await parley.api.get(DigestService).sendDue(new Date('2026-12-01T08:00:00Z'))).toBe(0);
    expect(smtp.received.length - before).toBe(0);
  });
});
