import { metricDetailSchemas, type MetricsResponse, type SeriesResponse } from '@parley/contracts';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';

/**
 * The metrics read from Parley's own log, against a scenario seeded into this test's own database: the past times
 * evaluation reads (a Friday evening question answered on Monday) cannot be made through the api, which stamps
 * now. The department and its SLA are set through the api. Every expected number is worked out by hand below.
 *
 * "dvsa" answers within 60 minutes of business time (09:00–17:30 London, Monday to Friday). November 2026 is
 * GMT, so London and UTC agree; the window is Monday 2 to Monday 16 November, its comparison 19 October – 2
 * November. "ons" has no SLA and no activity at all.
 */
const WINDOW = 'from=2026-11-02&to=2026-11-16';
const PERIOD = 'from=2026-11-02T00:00:00Z&to=2026-11-16T00:00:00Z';

describe('metrics from the log: GET /api/metrics and its series', () => {
  let parley: Api;
  let db: Client;
  let dvsa: string;
  let sourceId: string;
  let metrics: MetricsResponse['metrics'];

  const one = async <T>(sql: string, params: unknown[]): Promise<T> =>
    ((await db.query(sql, params)).rows as { id: T }[])[0].id;

  const conversation = (root: string) =>
    one<string>(
      `INSERT INTO conversation (source_id, root_external_id) VALUES ($1, $2) RETURNING id::text AS id`,
      [sourceId, root],
    );

  /** A post in the conversation; `department` marks one of dvsa's own. */
  const post = (
    conversationId: string,
    externalId: string,
    author: string,
    at: string,
    options: { department?: boolean; inReplyTo?: string } = {},
  ) =>
    one<string>(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, author_handle, published_at,
         in_reply_to, by_department_id)
       VALUES ($1, $2, $3, 'mastodon', $4, $5, $6, $7) RETURNING id::text AS id`,
      [
        sourceId,
        externalId,
        conversationId,
        author,
        at,
        options.inReplyTo ?? null,
        options.department ? dvsa : null,
      ],
    );

  const opportunity = (
    conversationId: string,
    o: { inbound: string; created: string; route: string; status: string },
  ) =>
    one<string>(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, status,
         first_public_post_at, created_at)
       VALUES ($1, $2, 50, $3, 'seeded', $4, $5, $6) RETURNING id`,
      [conversationId, dvsa, o.route, o.status, o.inbound, o.created],
    );

  const event = (
    opportunityId: string,
    at: string,
    kind: string,
    toStatus: string | null,
    detail: object = {},
  ) =>
    db.query(
      `INSERT INTO opportunity_event (opportunity_id, department_id, at, kind, to_status, detail)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [opportunityId, dvsa, at, kind, toStatus, JSON.stringify(detail)],
    );

  const engagement = (
    conversationId: string,
    e: {
      at: string;
      kind: string;
      opportunityId?: string;
      postId?: string;
      mode?: string;
      route?: string;
      account?: string;
      draftId?: string;
      publishState?: string;
    },
  ) =>
    db.query(
      `INSERT INTO engagement (conversation_id, department_id, post_id, kind, mode, occurred_at, opportunity_id,
         account_handle, route, draft_id, publish_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        conversationId,
        dvsa,
        e.postId ?? null,
        e.kind,
        e.mode ?? null,
        e.at,
        e.opportunityId ?? null,
        e.account ?? null,
        e.route ?? null,
        e.draftId ?? null,
        e.publishState ?? null,
      ],
    );

  const draft = async (opportunityId: string, created: string, findings: object[]) => {
    const id = await one<string>(
      `INSERT INTO draft (opportunity_id, department_id, version, created_at) VALUES ($1, $2, 1, $3) RETURNING id`,
      [opportunityId, dvsa, created],
    );
    await db.query(
      `INSERT INTO draft_version (draft_id, version, text, findings, saved_at) VALUES ($1, 1, 'text', $2, $3)`,
      [id, JSON.stringify(findings), created],
    );
    return id;
  };

  const clearance = (draftId: string, submitted: string, closed: string, outcome: string) =>
    db.query(
      `INSERT INTO draft_clearance (draft_id, draft_version, submitted_at, closed_at, outcome)
       VALUES ($1, 1, $2, $3, $4)`,
      [draftId, submitted, closed, outcome],
    );

  const get = async <T>(path: string) => {
    const response = await parley.admin.request('GET', path);
    return response as { status: number; body: T };
  };

  beforeAll(async () => {
    parley = await startApi();
    db = parley.db;
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dvsa',
          name: 'Driver and Vehicle Standards Agency',
          sla: { firstResponse: '1h', businessHours: true },
        },
        { key: 'ons', name: 'Office for National Statistics' },
      ],
    });
    expect(applied.status).toBe(200);
    dvsa = await one<string>(`SELECT id FROM department WHERE key = 'dvsa'`, []);
    sourceId = await one<string>(
      `INSERT INTO source (key, type, url, interval_ms) VALUES ('forum', 'feed', 'http://127.0.0.1:9/f.xml', 3600000)
       RETURNING id`,
      [],
    );

    // o1: asked Friday 6 November 17:00 by alex; drafted 17:30; approved Monday 09:00; answered Monday 09:30 from
    // the dvsa account, on the clearance route. Its draft reads like an announcement, and it was never referred to
    // the press office; a propriety warning was set aside on Sunday.
    const c1 = await conversation('c1');
    await post(c1, 'c1-1', 'alex', '2026-11-06T17:00:00Z');
    const o1 = await opportunity(c1, {
      inbound: '2026-11-06T17:00:00Z',
      created: '2026-11-06T17:05:00Z',
      route: 'clearance',
      status: 'responded',
    });
    const d1 = await draft(o1, '2026-11-06T17:30:00Z', [
      { kind: 'announcement', start: 0, end: 4, text: 'text' },
    ]);
    await clearance(d1, '2026-11-08T11:00:00Z', '2026-11-09T09:00:00Z', 'approved');
    await event(o1, '2026-11-08T10:00:00Z', 'draft-override', null, {
      kind: 'view',
      reason: 'This restates published policy',
    });
    await engagement(c1, {
      at: '2026-11-09T09:30:00Z',
      kind: 'reply',
      opportunityId: o1,
      mode: 'receive',
      route: 'clearance',
      account: 'dvsa',
      draftId: d1,
    });
    await event(o1, '2026-11-09T09:30:00Z', 'engagement', 'responded');

    // o2: chris asked Tuesday 3 November 10:00, sam replied 10:10, dvsa's own post answered sam at 10:20 (detected,
    // nobody recorded it: a reply, from a department account), then a recorded collaborate reply at 11:00.
    const c2 = await conversation('c2');
    await post(c2, 'c2-1', 'chris', '2026-11-03T10:00:00Z');
    await post(c2, 'c2-2', 'sam', '2026-11-03T10:10:00Z', { inReplyTo: 'c2-1' });
    const dvsaPost = await post(c2, 'c2-3', 'dvsa', '2026-11-03T10:20:00Z', {
      department: true,
      inReplyTo: 'c2-2',
    });
    const o2 = await opportunity(c2, {
      inbound: '2026-11-03T10:00:00Z',
      created: '2026-11-03T10:01:00Z',
      route: 'public-info',
      status: 'new',
    });
    await engagement(c2, { at: '2026-11-03T10:20:00Z', kind: 'detected', postId: dvsaPost });
    await engagement(c2, {
      at: '2026-11-03T11:00:00Z',
      kind: 'reply',
      opportunityId: o2,
      mode: 'collaborate',
      route: 'public-info',
      account: 'dvsa',
    });

    // o3: a thread dvsa began itself (08:00); alex replied Wednesday 4 November 09:00, the first inbound post. A
    // pointer recorded at 14:00 with no account named, so not disclosed as from an identified account.
    const c3 = await conversation('c3');
    await post(c3, 'c3-1', 'dvsa', '2026-11-04T08:00:00Z', { department: true });
    await post(c3, 'c3-2', 'alex', '2026-11-04T09:00:00Z', { inReplyTo: 'c3-1' });
    const o3 = await opportunity(c3, {
      inbound: '2026-11-04T09:00:00Z',
      created: '2026-11-04T09:05:00Z',
      route: 'pointer',
      status: 'responded',
    });
    await engagement(c3, {
      at: '2026-11-04T14:00:00Z',
      kind: 'pointer',
      opportunityId: o3,
      mode: 'transmit',
      route: 'pointer',
    });
    await event(o3, '2026-11-04T14:00:00Z', 'engagement', 'responded');

    // o4: Thursday 5 November 12:00, declined as abusive at 12:30. o5: Monday 9 November 10:00, out of remit at 11:00.
    const o4 = await opportunity(await conversation('c4'), {
      inbound: '2026-11-05T12:00:00Z',
      created: '2026-11-05T12:01:00Z',
      route: 'none',
      status: 'declined',
    });
    await event(o4, '2026-11-05T12:30:00Z', 'declined', 'declined', { reason: 'abusive' });
    const o5 = await opportunity(await conversation('c5'), {
      inbound: '2026-11-09T10:00:00Z',
      created: '2026-11-09T10:01:00Z',
      route: 'none',
      status: 'declined',
    });
    await event(o5, '2026-11-09T11:00:00Z', 'declined', 'declined', { reason: 'out-of-remit' });

    // o6: Tuesday 10 November 09:00, never answered: Parley's attempt to publish failed (not public, so not counted).
    // Its draft was sent back at 11:00, approved at 12:00 (150 minutes after drafting at 09:30) and approved again
    // the next day after an edit (the same reply: not counted twice).
    const c6 = await conversation('c6');
    const o6 = await opportunity(c6, {
      inbound: '2026-11-10T09:00:00Z',
      created: '2026-11-10T09:01:00Z',
      route: 'clearance',
      status: 'approved',
    });
    const d6 = await draft(o6, '2026-11-10T09:30:00Z', []);
    await clearance(d6, '2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z', 'changes-requested');
    await clearance(d6, '2026-11-10T11:30:00Z', '2026-11-10T12:00:00Z', 'approved');
    await clearance(d6, '2026-11-11T08:00:00Z', '2026-11-11T09:00:00Z', 'approved');
    await engagement(c6, {
      at: '2026-11-10T12:30:00Z',
      kind: 'reply',
      opportunityId: o6,
      mode: 'transmit',
      account: 'dvsa',
      publishState: 'failed',
    });

    // o7: Friday 13 November 17:20, unanswered: 10 business minutes old at the end of the window, so not yet due.
    await opportunity(await conversation('c7'), {
      inbound: '2026-11-13T17:20:00Z',
      created: '2026-11-13T17:21:00Z',
      route: 'public-info',
      status: 'new',
    });
    // o8: Thursday 12 November, referred to the press office at 10:00.
    const o8 = await opportunity(await conversation('c8'), {
      inbound: '2026-11-12T09:00:00Z',
      created: '2026-11-12T09:01:00Z',
      route: 'press-office',
      status: 'referred',
    });
    await event(o8, '2026-11-12T10:00:00Z', 'referred', 'referred', { to: 'press-office' });

    // c9: dvsa's own original post (Wednesday 11 November 10:00), sam the first to reply. No opportunity.
    const c9 = await conversation('c9');
    const original = await post(c9, 'c9-1', 'dvsa', '2026-11-11T10:00:00Z', { department: true });
    await post(c9, 'c9-2', 'sam', '2026-11-11T10:30:00Z', { inReplyTo: 'c9-1' });
    await engagement(c9, { at: '2026-11-11T10:00:00Z', kind: 'detected', postId: original });

    // The comparison period: p1 asked Tuesday 20 October 10:00 UTC (11:00 in London, summer time) by dana,
    // answered 10:30 (30 minutes); p2 asked Wednesday 21 October 10:00, declined out of remit at 11:00.
    const p1c = await conversation('p1');
    await post(p1c, 'p1-1', 'dana', '2026-10-20T10:00:00Z');
    const p1 = await opportunity(p1c, {
      inbound: '2026-10-20T10:00:00Z',
      created: '2026-10-20T10:01:00Z',
      route: 'public-info',
      status: 'responded',
    });
    await engagement(p1c, {
      at: '2026-10-20T10:30:00Z',
      kind: 'reply',
      opportunityId: p1,
      mode: 'transmit',
      route: 'public-info',
      account: 'dvsa',
    });
    await event(p1, '2026-10-20T10:30:00Z', 'engagement', 'responded');
    const p2 = await opportunity(await conversation('p2'), {
      inbound: '2026-10-21T10:00:00Z',
      created: '2026-10-21T10:01:00Z',
      route: 'none',
      status: 'declined',
    });
    await event(p2, '2026-10-21T11:00:00Z', 'declined', 'declined', { reason: 'out-of-remit' });

    const read = await get<MetricsResponse>(`/api/metrics?department=dvsa&${WINDOW}&compare=previous`);
    expect(read.status).toBe(200);
    expect(read.body.compare).toEqual({ from: '2026-10-19T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' });
    metrics = read.body.metrics;
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('coverage: opportunities the department took part in, with the comparison in points', () => {
    // Found in the window: o1–o8 = 8. Engaged by the end of the window: o1, o2, o3 = 3. 3 ÷ 8 = 37.5%.
    // Previous: p1 of p1, p2 = 50%; change 37.5 − 50 = −12.5 points. n = 8 < 30: a small sample.
    expect(metrics.coverage).toMatchObject({
      value: 37.5,
      n: 8,
      numerator: 3,
      denominator: 8,
      previous: 50,
      change: -12.5,
      unit: 'percent',
      stage: 'outputs',
      smallSample: true,
      excluded: 0,
    });
    expect(metrics.opportunities).toMatchObject({ value: 8, previous: 2 });
  });

  it('first_response: business minutes, across a weekend, with the backlog and its ages', () => {
    // o1 Fri 17:00 → Mon 09:30: 30 minutes on Friday, none at the weekend, 30 on Monday = 60.
    // o2 10:00 → 10:20 (the department's own detected post) = 20. o3 09:00 → 14:00 = 300 (its thread began with a
    // department post at 08:00, which is not the inbound post). Sorted 20, 60, 300: median (2nd) 60, p90
    // (ceil(0.9 × 3) = 3rd) 300. Within 60: o1 and o2, 2 of 3 = 66.67%.
    // Open and unanswered at the end of the window (Mon 16 Nov 00:00): o6 (Tue 10 Nov 09:00, 5 days 15 hours old:
    // 3 to 7 days) and o7 (Fri 13 Nov 17:20, 2 days 6 h 40 min: 1 to 3 days); o4, o5 declined and o8 referred are
    // not waiting; o6's failed publication is not an answer.
    // Previous: p1 30 minutes (11:00–11:30 London). Change (60 − 30) ÷ 30 = 1 (relative: minutes are not a share).
    const firstResponse = metrics.first_response;
    expect(firstResponse).toMatchObject({
      value: 60,
      n: 3,
      numerator: null,
      denominator: null,
      previous: 30,
      change: 1,
      unit: 'minutes',
      smallSample: true,
    });
    expect(firstResponse.detail).toMatchObject({
      median: 60,
      p90: 300,
      answeredWithinSla: 2,
      answered: 3,
      sla: { minutes: 60, businessHours: true },
    });
    expect(firstResponse.detail?.withinSla as number).toBeCloseTo((2 / 3) * 100, 10);
    const backlog = firstResponse.detail?.backlog as {
      count: number;
      byAge: { label: string; count: number }[];
    };
    expect(backlog.count).toBe(2);
    expect(backlog.byAge.map((b) => [b.label, b.count])).toEqual([
      ['Under 1 hour', 0],
      ['1 to 4 hours', 0],
      ['4 to 24 hours', 0],
      ['1 to 3 days', 1],
      ['3 to 7 days', 1],
      ['Over 7 days', 0],
    ]);
  });

  it('response_rate: met ÷ needing a response, abusive apart, the not-yet-due in neither', () => {
    // Met: o1 (60), o2 (20). Missed: o3 (300) and o6 (unanswered, 4 working days old). o4 abusive: apart. o5
    // declined and o8 referred need no response; o7 (10 business minutes old) is not yet due. 2 ÷ 4 = 50%.
    // Previous: p1 met, p2 declined: 1 ÷ 1 = 100%; change −50 points.
    expect(metrics.response_rate).toMatchObject({
      value: 50,
      n: 4,
      numerator: 2,
      denominator: 4,
      previous: 100,
      change: -50,
    });
    expect(metrics.response_rate.detail).toMatchObject({ abusive: 1, notYetDue: 1 });
  });

  it('resolution_rate: engaged opportunities closed as responded', () => {
    // Engaged: o1, o2, o3. Responded: o1 and o3 (o2's answer was detected; nobody closed it). 2 ÷ 3.
    expect(metrics.resolution_rate).toMatchObject({ numerator: 2, denominator: 3, n: 3, previous: 100 });
    expect(metrics.resolution_rate.value).toBeCloseTo((2 / 3) * 100, 10);
  });

  it('activity: public engagements by type and route, failed publications left out', () => {
    // e1 o1 reply (clearance), e2 o2 detected reply (route of o2: public-info), e7 o2 reply (public-info), e3 o3
    // pointer (pointer), e4 c9 detected original post (no opportunity: none). The failed one on o6 is not public.
    // 5 engagements; previous 1 (p1); change (5 − 1) ÷ 1 = 4.
    expect(metrics.activity).toMatchObject({ value: 5, n: 5, previous: 1, change: 4, unit: 'count' });
    expect(metrics.activity.detail).toEqual({
      byType: { reply: 3, pointer: 1, 'original-post': 1 },
      byRoute: { 'public-info': 2, pointer: 1, clearance: 1, 'press-office': 0, none: 1 },
    });
  });

  it('clearance_time: first approvals only, and the share on the clearance route', () => {
    // d1: drafted Fri 17:30, approved Mon 09:00 = 63 h 30 min = 3,810 minutes. d6: drafted 09:30, first approved
    // 12:00 = 150 (its second approval is not counted). Sorted 150, 3,810: median (1st) 150, p90 (2nd) 3,810.
    // Share: 1 of the 5 engagements on the clearance route = 20%. Previous: no approvals, so null, and no change.
    expect(metrics.clearance_time).toMatchObject({ value: 150, n: 2, previous: null, change: null });
    expect(metrics.clearance_time.detail).toEqual({
      median: 150,
      p90: 3_810,
      share: { value: 20, numerator: 1, denominator: 5 },
    });
  });

  it('triangle_mix: shares of the engagements whose mode was recorded', () => {
    // Receive e1, collaborate e7, transmit e3; the two detected posts have no mode. Two-way (receive +
    // collaborate) 2 ÷ 3. Previous: p1 transmit, 0 ÷ 1 = 0%.
    const mix = metrics.triangle_mix;
    expect(mix).toMatchObject({ numerator: 2, denominator: 3, n: 3, previous: 0 });
    expect(mix.value).toBeCloseTo((2 / 3) * 100, 10);
    expect(mix.detail).toMatchObject({
      counts: { transmit: 1, receive: 1, collaborate: 1 },
      modeNotRecorded: 2,
    });
  });

  it('governance: disclosure, announcements without the press office, overridden warnings with reasons', () => {
    // Identified: e1 and e7 (dvsa named), e2 and e4 (posted from dvsa's account); e3 named none. 4 ÷ 5 = 80%.
    // e1's draft had an announcement finding and o1 was never referred to the press office: 1. One override.
    expect(metrics.governance).toMatchObject({ value: 80, numerator: 4, denominator: 5, previous: 100 });
    expect(metrics.governance.detail).toEqual({
      announcementsWithoutPressOffice: 1,
      proprietyOverrides: {
        count: 1,
        latest: [{ at: '2026-11-08T10:00:00.000Z', kind: 'view', reason: 'This restates published policy' }],
      },
    });
  });

  it('declined: decisions by reason and how long they took', () => {
    // o4 abusive after 30 minutes, o5 out of remit after 60. Sorted 30, 60: median 30, p90 60. Previous: p2, 1.
    expect(metrics.declined).toMatchObject({ value: 2, n: 2, previous: 1, change: 1 });
    expect(metrics.declined.detail).toEqual({
      byReason: {
        'out-of-remit': 1,
        'already-answered': 0,
        'not-appropriate': 0,
        abusive: 1,
        duplicate: 0,
        other: 0,
      },
      minutesToDecide: { median: 30, p90: 60 },
    });
  });

  it('returning_participants: external accounts engaged with in two or more conversations', () => {
    // e1 c1 → alex (first public post); e2 c2 → sam (the post it answered); e7 c2 → chris (c2's first public post);
    // e3 c3 → alex (c3's first post is dvsa's own and is not counted as the public); e4 c9 → sam. alex in c1, c3
    // and sam in c2, c9 return; chris does not. 2 ÷ 3. Previous: dana once, 0 ÷ 1 = 0%.
    expect(metrics.returning_participants).toMatchObject({ numerator: 2, denominator: 3, n: 3, previous: 0 });
    expect(metrics.returning_participants.value).toBeCloseTo((2 / 3) * 100, 10);
  });

  it('gives every detail in the shape its contract says', () => {
    for (const [id, schema] of Object.entries(metricDetailSchemas)) {
      const parsed = schema.safeParse(metrics[id].detail);
      expect(parsed.error?.issues ?? [], id).toEqual([]);
    }
  });

  it('gives null, never 0, where there is nothing to divide by', async () => {
    const { status, body } = await get<MetricsResponse>(`/api/metrics?department=ons&${WINDOW}&compare=none`);
    expect(status).toBe(200);
    expect(body.compare).toBeNull();
    const { coverage, first_response, response_rate, governance } = body.metrics;
    expect(coverage).toMatchObject({
      value: null,
      n: 0,
      numerator: 0,
      denominator: 0,
      previous: null,
      smallSample: true,
    });
    expect(first_response).toMatchObject({ value: null, n: 0 });
    // No SLA set: nothing can be within it.
    expect(first_response.detail).toMatchObject({ withinSla: null, sla: { minutes: null } });
    expect(response_rate).toMatchObject({ value: null, denominator: 0 });
    expect(governance).toMatchObject({ value: null, denominator: 0 });
  });

  it('charts coverage, first response, activity and response rate week by week', async () => {
    const series = async (id: string) => {
      const { status, body } = await get<SeriesResponse>(
        `/api/metrics/${id}/series?department=dvsa&${PERIOD}&bucket=week`,
      );
      expect(status).toBe(200);
      expect(body.points.map((p) => p.at)).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-09T00:00:00.000Z']);
      return body.points;
    };
    // By the week each opportunity was found. Week of 2 Nov: o1–o4, engaged o1, o2, o3 = 75%. Week of 9 Nov:
    // o5–o8, none engaged = 0%.
    expect((await series('coverage')).map((p) => [p.value, p.denominator])).toEqual([
      [75, 4],
      [0, 4],
    ]);
    // Week 1 answered 60, 20, 300: median 60. Week 2 nothing answered: no data.
    expect((await series('first_response')).map((p) => [p.value, p.n])).toEqual([
      [60, 3],
      [null, 0],
    ]);
    // Week 1: e2 and e7 replies, e3 pointer. Week 2: e1 reply, e4 original post.
    expect((await series('activity')).map((p) => [p.value, p.breakdown])).toEqual([
      [3, { reply: 2, pointer: 1, 'original-post': 0 }],
      [2, { reply: 1, pointer: 0, 'original-post': 1 }],
    ]);
    // Week 1: o1, o2 met, o3 missed, o4 abusive apart: 2 ÷ 3. Week 2: o6 missed, o5 and o8 need none, o7 not due.
    const rate = await series('response_rate');
    expect(rate.map((p) => [p.numerator, p.denominator])).toEqual([
      [2, 3],
      [0, 1],
    ]);
    expect(rate[1].value).toBe(0);
  });

  it('refuses a bad window readably and has no chart for an unknown metric', async () => {
    const backwards = await get<{ message: string }>(
      `/api/metrics?department=dvsa&from=2026-11-16&to=2026-11-02`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/end of the period must be after its start/);
    const notADate = await get<{ message: string }>(
      `/api/metrics?department=dvsa&from=yesterday&to=2026-11-02`,
    );
    expect(notADate.status).toBe(400);
    expect(notADate.body.message).toMatch(/from must be a date/);
    const unknown = await get<{ message: string }>(`/api/metrics/nonsense/series?department=dvsa&${WINDOW}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/no chart over time for a metric called "nonsense"/);
    // A real metric without a chart over time is not found either.
    expect((await get(`/api/metrics/governance/series?department=dvsa&${WINDOW}`)).status).toBe(404);
  });
});
