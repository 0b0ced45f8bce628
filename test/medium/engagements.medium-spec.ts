import type { EngagementList, EngagementRecorded } from '@parley/contracts';
import { eventually } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeMastodon,
  type FakeMastodon,
} from '../../libs/ingest/src/publish/test-support/fake-mastodon';
import { startParley, type Parley } from './harness';

const TOKEN = 'department-access-token';
const ROOTS = {
  published: '100000000000000001',
  retried: '100000000000000002',
  byHand: '100000000000000003',
  answeredBefore: '100000000000000004',
  needsClearance: '100000000000000006',
};

type Opportunity = { id: string; version: number; status: string; conversationId: string };

/**
 * Publishing a reply to a local Mastodon server, and the fetch that brings the department's post back: one
 * engagement, linked to the post, never two.
 */
describe('recording and publishing engagements', () => {
  let parley: Parley;
  let mastodon: FakeMastodon;
  let sourceId: string;

  const workspace = (accessToken: string | { set: true }) => ({
    departments: [
      {
        key: 'dvsa',
        name: 'Driver and Vehicle Standards Agency',
        rules: [{ key: 'tests', name: 'Driving tests', query: 'driving' }],
        accounts: [{ platform: 'mastodon', handle: 'dvsa', site: mastodon.origin, accessToken }],
        // Published answers, so these questions are routed to public information rather than clearance.
        resources: [
          {
            title: 'Change your driving test appointment',
            url: 'https://www.gov.uk/change-driving-test',
            text: 'Change the date of your driving test or move your driving test to another test centre.',
          },
        ],
      },
    ],
    sources: [
      {
        key: 'instance',
        type: 'mastodon',
        url: `${mastodon.origin}/api/v1/timelines/public`,
        interval: '1h',
      },
    ],
  });

  const call = <T = unknown>(method: string, path: string, body?: unknown) =>
    parley.admin.request(method, path, body) as Promise<{ status: number; body: T }>;

  const opportunityOf = async (root: string): Promise<Opportunity> =>
    eventually(async () => {
      const { rows } = await parley.db.query(
        `SELECT o.id, o.version, o.status, o.conversation_id::text AS "conversationId" FROM opportunity o
         JOIN conversation c ON c.id = o.conversation_id WHERE c.root_external_id = $1`,
        [root],
      );
      return rows[0] as Opportunity | undefined;
    });

  const engagementsOf = async (conversationId: string) =>
    (
      await parley.db.query(
        `SELECT id, kind, post_id::text AS "postId", publish_state AS "publishState", publish_error AS "publishError"
         FROM engagement WHERE conversation_id = $1 ORDER BY created_at`,
        [conversationId],
      )
    ).rows;

  const fetchAgain = async (id: string) => {
    const { JobProducer } = await import('@parley/jobs');
    await parley.worker.get(JobProducer).fetchNow(sourceId, id);
  };

  const departmentStatuses = (inReplyTo: string) =>
    mastodon.statuses.filter((s) => s.account.acct === 'dvsa' && s.in_reply_to_id === inReplyTo);

  beforeAll(async () => {
    mastodon = await startFakeMastodon({ token: TOKEN, account: 'dvsa' });
    const hourAgo = new Date(Date.now() - 3_600_000);
    mastodon.seed({
      id: ROOTS.published,
      acct: 'alex',
      content: 'How do I change my driving test date?',
      createdAt: hourAgo,
    });
    mastodon.seed({
      id: ROOTS.retried,
      acct: 'sam',
      content: 'Can I move my driving test to another centre?',
      createdAt: hourAgo,
    });
    mastodon.seed({
      id: ROOTS.byHand,
      acct: 'kim',
      content: 'My driving licence photo was rejected twice',
      createdAt: hourAgo,
    });
    mastodon.seed({
      id: ROOTS.answeredBefore,
      acct: 'lee',
      content: 'Is my driving test still on in the snow?',
      createdAt: hourAgo,
    });
    // The department answered on Mastodon itself, before anyone recorded it in Parley.
    mastodon.seed({
      id: '100000000000000005',
      acct: 'dvsa',
      content: 'DVSA here: we will text you by 7am if your test is cancelled because of snow.',
      inReplyTo: ROOTS.answeredBefore,
    });
    mastodon.seed({
      id: ROOTS.needsClearance,
      acct: 'jo',
      content: 'Why does the government keep the driving test backlog so long?',
      createdAt: hourAgo,
    });
    parley = await startParley();
    const applied = await call('PUT', '/api/workspace', workspace(TOKEN));
    expect(applied.status).toBe(200);
    sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'instance'`)).rows[0].id as string;
  });

  afterAll(async () => {
    await parley?.close();
    await mastodon?.close();
  });

  it('publishes a Mastodon reply, marks the opportunity responded, and counts the fetched post once', async () => {
    const opportunity = await opportunityOf(ROOTS.published);
    const { status, body } = await call<EngagementRecorded>(
      'POST',
      `/api/opportunities/${opportunity.id}/engagements`,
      {
        kind: 'reply',
        mode: 'transmit',
        account: 'dvsa',
        text: 'Hi, DVSA digital team here: you can change your driving test date on GOV.UK.',
        publish: true,
        closesLoop: false,
        expectedVersion: opportunity.version,
      },
    );
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.opportunity.status).toBe('responded');
    expect(body.engagement).toMatchObject({ kind: 'reply', publish: { state: 'published', error: null } });

    const sent = mastodon.requests.filter(
      (r) => r.method === 'POST' && r.url.pathname === '/api/v1/statuses',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent[0].headers['idempotency-key']).toBe(body.engagement.id);
    expect(JSON.parse(sent[0].body)).toMatchObject({ in_reply_to_id: ROOTS.published });
    const posted = departmentStatuses(ROOTS.published);
    expect(posted).toHaveLength(1);
    expect(body.engagement.url).toBe(posted[0].url);

    await fetchAgain('after-publish');
    const linked = await eventually(async () => {
      const rows = await engagementsOf(opportunity.conversationId);
      return rows.some((r) => r.postId !== null) && rows;
    });
    const post = (await parley.db.query(`SELECT id::text FROM post WHERE external_id = $1`, [posted[0].id]))
      .rows[0];
    expect(linked).toEqual([
      expect.objectContaining({ kind: 'reply', postId: post.id, publishState: 'published' }),
    ]);
    const list = await parley.admin.get<EngagementList>(`/api/opportunities/${opportunity.id}/engagements`);
    expect(list.body.engagements).toEqual([expect.objectContaining({ matchedPost: true })]);
    expect(list.body.opportunity).toEqual({ status: 'responded', version: body.opportunity.version });
    expect(list.body.accounts).toEqual([{ platform: 'mastodon', handle: 'dvsa', canPublish: true }]);
  });

  it('keeps a refused publish on the engagement, leaves the opportunity alone, and retries without posting twice', async () => {
    const opportunity = await opportunityOf(ROOTS.retried);
    const send = () =>
      call<{ message: string }>('POST', `/api/opportunities/${opportunity.id}/engagements`, {
        kind: 'reply',
        mode: 'transmit',
        account: 'dvsa',
        text: 'Hi, DVSA here: you can change the test centre when you change the date on GOV.UK.',
        publish: true,
        expectedVersion: opportunity.version,
      });

    expect((await call('PUT', '/api/workspace', workspace('a-revoked-token'))).status).toBe(200);
    const refused = await send();
    expect(refused.status, JSON.stringify(refused.body)).toBe(502);
    expect(refused.body.message).toMatch(
      /Mastodon refused the token for dvsa: check the account's access token/,
    );
    expect(await engagementsOf(opportunity.conversationId)).toEqual([
      expect.objectContaining({
        publishState: 'failed',
        publishError: expect.stringMatching(/refused the token/),
      }),
    ]);
    expect(await opportunityOf(ROOTS.retried)).toMatchObject({
      status: opportunity.status,
      version: opportunity.version,
    });

    // The token is set right; then the server posts but its answer is lost on the way back.
    expect((await call('PUT', '/api/workspace', workspace(TOKEN))).status).toBe(200);
    mastodon.loseNextAnswer();
    expect((await send()).status).toBe(502);
    expect(departmentStatuses(ROOTS.retried)).toHaveLength(1);

    const retried = await send();
    expect(retried.status).toBe(201);
    expect(departmentStatuses(ROOTS.retried)).toHaveLength(1);
    const rows = await engagementsOf(opportunity.conversationId);
    expect(rows).toEqual([expect.objectContaining({ publishState: 'published' })]);
    const keys = mastodon.requests
      .filter((r) => r.method === 'POST' && JSON.parse(r.body).in_reply_to_id === ROOTS.retried)
      .map((r) => r.headers['idempotency-key']);
    expect(new Set(keys)).toEqual(new Set([rows[0].id]));
  });

  it('matches a reply recorded by hand to the post when it is fetched, by account, time and words', async () => {
    const opportunity = await opportunityOf(ROOTS.byHand);
    const text = 'Sorry to hear that Kim. DVSA here: the photo rules and how to appeal are on GOV.UK.';
    const recorded = await call<EngagementRecorded>(
      'POST',
      `/api/opportunities/${opportunity.id}/engagements`,
      {
        kind: 'reply',
        mode: 'receive',
        account: 'dvsa',
        text,
        outcome: 'Asked to follow up by DM',
        expectedVersion: opportunity.version,
      },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      opportunity: { status: 'responded' },
      engagement: { publish: null, matchedPost: false },
    });

    const own = mastodon.seed({
      id: '300000000000000001',
      acct: 'dvsa',
      content: `@kim ${text}`,
      inReplyTo: ROOTS.byHand,
    });
    await fetchAgain('after-by-hand');
    const rows = await eventually(async () => {
      const found = await engagementsOf(opportunity.conversationId);
      return found.some((r) => r.postId !== null) && found;
    });
    const post = (await parley.db.query(`SELECT id::text FROM post WHERE external_id = $1`, [own.id]))
      .rows[0];
    expect(rows).toEqual([expect.objectContaining({ kind: 'reply', postId: post.id, publishState: null })]);
  });

  it('turns the detected post into the reply recorded afterwards with its address, counted once', async () => {
    const opportunity = await opportunityOf(ROOTS.answeredBefore);
    const detected = await eventually(async () => {
      const rows = await engagementsOf(opportunity.conversationId);
      return rows.length > 0 && rows;
    });
    expect(detected).toEqual([expect.objectContaining({ kind: 'detected' })]);
    const own = mastodon.statuses.find((s) => s.id === '100000000000000005');
    const recorded = await call<EngagementRecorded>(
      'POST',
      `/api/opportunities/${opportunity.id}/engagements`,
      {
        kind: 'reply',
        mode: 'transmit',
        url: own?.url,
        postedAt: new Date().toISOString(),
        closesLoop: true,
        expectedVersion: opportunity.version,
      },
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.engagement).toMatchObject({ matchedPost: true, closesLoop: true });
    expect(await engagementsOf(opportunity.conversationId)).toEqual([
      expect.objectContaining({ kind: 'reply', postId: detected[0].postId }),
    ]);
  });

  it('does not publish past clearance: a clearance-route reply needs its draft, and the draft its approval', async () => {
    const opportunity = await opportunityOf(ROOTS.needsClearance);
    const publish = (text?: string) =>
      call<{ message: string }>('POST', `/api/opportunities/${opportunity.id}/engagements`, {
        kind: 'reply',
        mode: 'transmit',
        account: 'dvsa',
        publish: true,
        ...(text ? { text } : {}),
        expectedVersion: opportunity.version,
      });
    const withoutDraft = await publish('DVSA here: we are recruiting more examiners.');
    expect(withoutDraft.status).toBe(409);
    expect(withoutDraft.body.message).toMatch(/clearance route is posted from its approved draft/);

    const saved = await call('PUT', `/api/opportunities/${opportunity.id}/draft`, {
      text: 'DVSA here: we are recruiting more driving examiners to bring waiting times down.',
      expectedVersion: 0,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { version } = await opportunityOf(ROOTS.needsClearance);
    const unapproved = await call<{ message: string }>(
      'POST',
      `/api/opportunities/${opportunity.id}/engagements`,
      {
        kind: 'reply',
        mode: 'transmit',
        account: 'dvsa',
        publish: true,
        expectedVersion: version,
      },
    );
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.message).toMatch(/needs clearance and is not approved yet/);
    expect(departmentStatuses(ROOTS.needsClearance)).toHaveLength(0);
    expect(await engagementsOf(opportunity.conversationId)).toEqual([]);
  });

  it('shows the account credential only as set, and an exported workspace applies back keeping it', async () => {
    const exported = (await parley.admin.get<{ departments: { accounts: unknown[] }[] }>('/api/workspace'))
      .body;
    expect(exported.departments[0].accounts).toEqual([
      { platform: 'mastodon', handle: 'dvsa', site: mastodon.origin, accessToken: { set: true } },
    ]);
    const reapplied = await call<{ departments: { unchanged: string[] } }>('PUT', '/api/workspace', exported);
    expect(reapplied.body.departments.unchanged).toEqual(['dvsa']);
    const stored = (await parley.db.query(`SELECT secret FROM department_account`)).rows[0].secret as string;
    expect(stored).toMatch(/^v1\./);
    // The draft pane and the reply form list the accounts too: by name, never with their credential.
    const opportunity = await opportunityOf(ROOTS.published);
    for (const view of ['draft', 'engagements']) {
      const answer = await parley.admin.get(`/api/opportunities/${opportunity.id}/${view}`);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(stored);
      expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
      expect(JSON.stringify(answer.body)).not.toMatch(/"secret"/);
    }
    const leaks = await parley.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE concat(before::text, after::text) LIKE '%' || $1 || '%'`,
      [TOKEN],
    );
    expect(leaks.rows[0].n).toBe(0);
  });

  it('refuses a stale version, and a reply to an opportunity already answered, saying why', async () => {
    const opportunity = await opportunityOf(ROOTS.published);
    const stale = await call<{ message: string }>(
      'POST',
      `/api/opportunities/${opportunity.id}/engagements`,
      {
        kind: 'pointer',
        mode: 'transmit',
        url: 'https://www.gov.uk/change-driving-test',
        expectedVersion: opportunity.version - 1,
      },
    );
    expect(stale.status).toBe(409);
    const again = await call<{ message: string }>(
      'POST',
      `/api/opportunities/${opportunity.id}/engagements`,
      {
        kind: 'pointer',
        mode: 'transmit',
        url: 'https://www.gov.uk/change-driving-test',
        expectedVersion: opportunity.version,
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/cannot be/);
  });
});
