import type {
  EvaluationRecords,
  Exercise,
  FollowUpDue,
  MetricsResponse,
  Webhook,
  WebhookDelivery,
} from '@parley/contracts';
import { CONFIG, loadConfig, type Config } from '@parley/config';
import { DATA_SOURCE, EvaluationRepository, NotificationRepository, WebhookRepository } from '@parley/db';
import { JobProducer } from '@parley/jobs';
import { startFixtureServer, TestApiClient } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliverWebhookHandler } from '../../apps/worker/src/handlers/deliver-webhook.handler';
import { RemindFollowUpsHandler } from '../../apps/worker/src/handlers/remind-follow-ups.handler';
import { startApi, type Api } from './harness';

/**
 * The evaluation records entered through the api, and the five metrics they feed, against numbers worked by hand.
 * The window is 2026-01-01 to 2026-07-01; exercises E1–E3 and E6 close inside it, E4 is still open and E5 closed
 * before it.
 */
describe('evaluation records', () => {
  let parley: Api;
  const clients: Record<string, TestApiClient> = {};
  const WINDOW = 'from=2026-01-01&to=2026-07-01';

  const person = async (key: string, memberships: { department: string; role: string }[]) => {
    const email = `${key}@example.gov.uk`;
    const created = await parley.admin.request('POST', '/api/users', {
      email,
      name: key,
      password: `${key}-long-password`,
      memberships,
    });
    expect(created.status).toBe(201);
    clients[key] = new TestApiClient(parley.baseUrl);
    expect(await clients[key].login(email, `${key}-long-password`)).toBe(200);
  };

  const ok = async <T>(client: TestApiClient, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await client.request(method, path, body);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    return response.body as T;
  };

  const exercise = async (title: string, startedAt: string, closedAt: string | null) => {
    const manager = clients['dfe-manager'];
    const made = await ok<Exercise>(manager, 'POST', '/api/evaluation/exercises', {
      department: 'dfe',
      title,
      startedAt,
    });
    if (closedAt) await ok(manager, 'POST', `/api/evaluation/exercises/${made.id}/close`, { closedAt });
    return made.id;
  };

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await parley.db.query(sql, params)).rows[0].n);

  let e1 = '';
  let e3 = '';
  let objectiveId = '';

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'dfe', name: 'Department for Education', rules: [] },
        { key: 'dwp', name: 'Department for Work and Pensions', rules: [] },
      ],
      sources: [{ key: 'blog', type: 'feed', url: 'http://127.0.0.1:9/feed.xml', interval: '1h' }],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    await person('dfe-manager', [{ department: 'dfe', role: 'manager' }]);
    await person('dfe-policy', [{ department: 'dfe', role: 'policy' }]);
    await person('dfe-viewer', [{ department: 'dfe', role: 'viewer' }]);
    await person('dfe-comms', [{ department: 'dfe', role: 'comms' }]);
    await person('dwp-manager', [{ department: 'dwp', role: 'manager' }]);

    // Five engagements by dfe: four inside the window, one after it; and one by dwp, which never counts for dfe.
    await parley.db.query(
      `WITH c AS (INSERT INTO conversation (source_id, root_external_id) SELECT id, 'thread-1' FROM source RETURNING id)
       INSERT INTO engagement (conversation_id, department_id, kind, occurred_at)
       SELECT c.id, d.id, 'reply', t FROM c, department d,
         unnest(CASE d.key WHEN 'dfe' THEN ARRAY['2026-01-10', '2026-02-10', '2026-03-10', '2026-06-30T23:59:59Z', '2026-07-01']
                           ELSE ARRAY['2026-02-10'] END::timestamptz[]) AS t`,
    );

    const manager = clients['dfe-manager'];
    const policy = clients['dfe-policy'];
    e1 = await exercise('E1 loans consultation', '2026-01-05', '2026-02-01T12:00:00Z');
    const e2 = await exercise('E2 school meals', '2026-01-10', '2026-03-01');
    e3 = await exercise('E3 exam appeals', '2026-02-01', '2026-04-15');
    await exercise('E4 still running', '2026-03-01', null);
    await exercise('E5 closed before the window', '2025-11-01', '2025-12-15');
    await exercise('E6 closed with nothing recorded', '2026-04-01', '2026-05-20');

    const youSaid = (id: string) =>
      ok(manager, 'PUT', `/api/evaluation/exercises/${id}/you-said-we-did`, {
        url: `https://www.gov.uk/you-said-we-did/${id}`,
        postedAt: '2026-05-01',
      });
    await youSaid(e1);
    await youSaid(e3);
    const influence = (id: string, level: number) =>
      ok(policy, 'POST', `/api/evaluation/exercises/${id}/influence`, {
        level,
        note: 'followed up',
        evidence: [{ title: 'Options paper', url: `https://www.gov.uk/evidence/${id}/${level}` }],
      });
    await influence(e1, 2);
    await influence(e2, 0);
    await influence(e2, 3);
    await influence(e3, 1);
    await influence(e3, 2);
    await ok(manager, 'POST', '/api/evaluation/lessons', {
      department: 'dfe',
      exerciseId: e1,
      text: 'Replies after 6pm went unanswered until morning.',
    });
    const objective = await ok<{ id: string }>(manager, 'POST', '/api/evaluation/objectives', {
      department: 'dfe',
      description: 'More parents know how to appeal',
      audience: 'Parents of pupils taking exams',
      metric: 'surveyed_outcome',
      baseline: 60,
      target: 75,
      from: '2026-01-01',
      to: '2026-07-01',
    });
    objectiveId = objective.id;
    await ok(policy, 'POST', '/api/evaluation/surveys', {
      department: 'dfe',
      objectiveId,
      question: 'I know how to appeal a grade',
      method: 'Online panel, two independent samples',
      before: { agree: 48, n: 80 },
      after: { agree: 56, n: 70 },
      surveyedAt: '2026-03-01',
    });
    // Outside the window: never pooled into it.
    await ok(policy, 'POST', '/api/evaluation/surveys', {
      department: 'dfe',
      question: 'I know how to appeal a grade',
      method: 'Online panel',
      before: { agree: 1, n: 100 },
      after: { agree: 99, n: 100 },
      surveyedAt: '2025-12-01',
    });
    await ok(manager, 'POST', '/api/evaluation/costs', {
      department: 'dfe',
      from: '2026-01-01',
      to: '2026-04-01',
      staffHours: 30,
      hourlyRate: 40,
      toolCost: 300,
    });
    await ok(manager, 'POST', '/api/evaluation/costs', {
      department: 'dfe',
      from: '2026-06-01',
      to: '2026-08-01',
      staffHours: 10,
      hourlyRate: 50,
      toolCost: 110,
    });
  }, 120_000);

  afterAll(async () => {
    await parley?.close();
  });

  it('computes the five metrics from the records, as worked by hand', async () => {
    const { metrics } = await ok<MetricsResponse>(
      clients['dfe-manager'],
      'GET',
      `/api/metrics?department=dfe&${WINDOW}&compare=none`,
    );
    // Closed in the window: E1, E2, E3, E6 (E4 is open, E5 closed in 2025) → 4.
    // close_the_loop: "you said, we did" on E1 and E3 → 2 ÷ 4 = 50%.
    expect(metrics.close_the_loop).toMatchObject({
      value: 50,
      numerator: 2,
      denominator: 4,
      n: 4,
      smallSample: true,
    });
    // lessons: only E1 has one → 1 ÷ 4 = 25%.
    expect(metrics.lessons).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    // policy_influence: highest levels E1 2, E2 3, E3 2, E6 none → 3 at 2 or above ÷ 4 = 75%.
    expect(metrics.policy_influence).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
    const detail = metrics.policy_influence.detail as {
      exercises: { title: string; level: number | null; evidence: unknown[] }[];
    };
    expect(detail.exercises.map((e) => [e.title.slice(0, 2), e.level, e.evidence.length])).toEqual([
      ['E1', 2, 1],
      ['E2', 3, 2],
      ['E3', 2, 2],
      ['E6', null, 0],
    ]);
    // surveyed_outcome: only the March survey is in the window: 56/70 − 48/80 = 80% − 60% = 20 points, n = 150;
    // Newcombe's hybrid score interval for this example is 5.24 to 33.39 points.
    expect(metrics.surveyed_outcome.value).toBeCloseTo(20, 10);
    expect(metrics.surveyed_outcome.n).toBe(150);
    const survey = metrics.surveyed_outcome.detail as { ciLow: number; ciHigh: number };
    expect(survey.ciLow).toBeCloseTo(5.24, 2);
    expect(survey.ciHigh).toBeCloseTo(33.39, 2);
    // input_cost: Jan–Mar record 30 × 40 + 300 = 1,500, all inside; June–July record 10 × 50 + 110 = 610 over
    // 61 days, 30 of them (June) inside → 300. 1,800 ÷ 4 engagements in [Jan 1, Jul 1) = £450.
    expect(metrics.input_cost).toMatchObject({ value: 450, numerator: 1800, denominator: 4, n: 4 });
  });

  it('gives no data, not 0, where nothing closed', async () => {
    const { metrics } = await ok<MetricsResponse>(
      clients['dfe-manager'],
      'GET',
      '/api/metrics?department=dfe&from=2024-01-01&to=2024-02-01&compare=none',
    );
    for (const id of ['close_the_loop', 'lessons', 'policy_influence', 'surveyed_outcome', 'input_cost']) {
      expect(metrics[id].value, id).toBeNull();
    }
  });

  it('reads the records back, with follow-ups at 3, 6 and 12 calendar months after closing', async () => {
    const records = await ok<EvaluationRecords>(
      clients['dfe-policy'],
      'GET',
      `/api/evaluation?department=dfe&${WINDOW}`,
    );
    // Exercises touching the window: E1, E2, E3, E4 (open), E6; not E5.
    expect(records.exercises.map((e) => e.title.slice(0, 2))).toEqual(['E1', 'E2', 'E3', 'E4', 'E6']);
    const first = records.exercises.find((e) => e.id === e1) as Exercise;
    // Closed 1 February (GMT): due 1 May (BST, so 23:00 UTC the day before), 1 August (BST), 1 February 2027 (GMT).
    expect(first.followUps.map((f) => f.dueAt)).toEqual([
      '2026-04-30T23:00:00.000Z',
      '2026-07-31T23:00:00.000Z',
      '2027-02-01T00:00:00.000Z',
    ]);
    expect(records.surveys.map((s) => s.change)).toEqual([expect.closeTo(20, 10)]);
    expect(records.costs).toHaveLength(2);
    // dfe's engagements in each cost's own period: [Jan 1, Apr 1) holds Jan 10, Feb 10, Mar 10 → 3;
    // [Jun 1, Aug 1) holds Jun 30 23:59:59 and Jul 1 → 2 (dwp's never counts).
    expect(records.costs.map((c) => c.engagements)).toEqual([3, 2]);
    expect(records.lessons.map((l) => l.exerciseId)).toEqual([e1]);
  });

  it('refuses bad input with a message a person can act on, and writes nothing', async () => {
    const manager = clients['dfe-manager'];
    const before = await count(`SELECT count(*) AS n FROM objective`);
    const badMetric = await manager.request('POST', '/api/evaluation/objectives', {
      department: 'dfe',
      description: 'x',
      audience: 'y',
      metric: 'respons_rate',
      from: '2026-01-01',
      to: '2026-02-01',
    });
    expect(badMetric.status).toBe(400);
    expect(JSON.stringify(badMetric.body)).toContain('did you mean \\"response_rate\\"');
    const badUrl = await manager.request('PUT', `/api/evaluation/exercises/${e1}/you-said-we-did`, {
      url: 'javascript:alert(1)',
    });
    expect(badUrl.status).toBe(400);
    expect(JSON.stringify(badUrl.body)).toContain('http(s) address');
    const badEvidence = await manager.request('POST', `/api/evaluation/exercises/${e1}/influence`, {
      level: 2,
      evidence: [{ title: 'Paper', url: 'ftp://files.example/paper.pdf' }],
    });
    expect(badEvidence.status).toBe(400);
    const badLevel = await manager.request('POST', `/api/evaluation/exercises/${e1}/influence`, { level: 4 });
    expect(badLevel.status).toBe(400);
    const tooMany = await manager.request('POST', '/api/evaluation/surveys', {
      department: 'dfe',
      question: 'q',
      method: 'm',
      before: { agree: 11, n: 10 },
      after: { agree: 1, n: 10 },
      surveyedAt: '2026-03-01',
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('more people agreed before than were asked');
    const misspelt = await manager.request('PATCH', `/api/evaluation/objectives/${objectiveId}`, {
      taget: 80,
    });
    expect(misspelt.status).toBe(400);
    expect(JSON.stringify(misspelt.body)).toContain('did you mean \\"target\\"');
    expect(await count(`SELECT count(*) AS n FROM objective`)).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM policy_influence WHERE exercise_id = $1`, [e1])).toBe(1);
  });

  it('hides a department’s records from other departments (404) and refuses roles that may not (403)', async () => {
    const other = clients['dwp-manager'];
    expect((await other.request('GET', '/api/evaluation?department=dfe')).status).toBe(404);
    expect(
      (await other.request('PATCH', `/api/evaluation/objectives/${objectiveId}`, { target: 1 })).status,
    ).toBe(404);
    expect((await other.request('DELETE', `/api/evaluation/exercises/${e1}`)).status).toBe(404);
    expect(
      (await other.request('POST', `/api/evaluation/exercises/${e1}/influence`, { level: 3 })).status,
    ).toBe(404);
    const viewer = clients['dfe-viewer'];
    const refused = await viewer.request('GET', '/api/evaluation?department=dfe');
    expect(refused.status).toBe(403);
    expect((await viewer.request('POST', `/api/evaluation/exercises/${e1}/close`, {})).status).toBe(403);
    expect((await clients['dfe-comms'].request('GET', '/api/evaluation?department=dfe')).status).toBe(403);
  });

  it('audits every change in its transaction', async () => {
    const manager = clients['dfe-manager'];
    const changed = await ok<{ target: number }>(
      manager,
      'PATCH',
      `/api/evaluation/objectives/${objectiveId}`,
      {
        target: 80,
      },
    );
    expect(changed.target).toBe(80);
    const [audit] = (
      await parley.db.query(
        `SELECT a.before, a.after, d.key FROM audit_event a JOIN department d ON d.id = a.department_id
         WHERE a.action = 'objective.update' AND a.entity_id = $1`,
        [objectiveId],
      )
    ).rows;
    expect([audit.key, audit.before.target, audit.after.target]).toEqual(['dfe', 75, 80]);
    // 6 exercises created, 5 closed; 2 "you said, we did"; 5 influence entries; 1 lesson; 1 objective; 2 surveys; 2 costs.
    const actions = (
      await parley.db.query(
        `SELECT action, count(*)::int AS n FROM audit_event WHERE action ~ '^(exercise|influence|lesson|objective|survey|input-cost)\\.'
         GROUP BY action ORDER BY action`,
      )
    ).rows;
    expect(Object.fromEntries(actions.map((r: { action: string; n: number }) => [r.action, r.n]))).toEqual({
      'exercise.close': 5,
      'exercise.create': 6,
      'exercise.you-said-we-did': 2,
      'influence.create': 5,
      'input-cost.create': 2,
      'lesson.create': 1,
      'objective.create': 1,
      'objective.update': 1,
      'survey.create': 2,
    });
  });

  it('reminds the department of follow-ups come due, once, in Parley and through its webhooks', async () => {
    const dataSource = parley.api.get<DataSource>(DATA_SOURCE);
    const webhooks = new WebhookRepository();
    const handler = new RemindFollowUpsHandler(
      dataSource,
      loadConfig(),
      new EvaluationRepository(),
      new NotificationRepository(),
      webhooks,
      parley.api.get(JobProducer),
    );
    const posted: { text: string; event: Record<string, unknown> }[] = [];
    const receiver = await startFixtureServer({
      '/hook': (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          posted.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          res.writeHead(200).end('ok');
        });
      },
    });
    // dfe's channel chose follow-ups; dwp's did too but has none due; a second dfe hook chose only SLA warnings.
    const hook = async (department: string, reasons: string[]) => {
      const made = await parley.admin.request('POST', `/api/departments/${department}/webhooks`, {
        name: `${department} ${reasons.join(' ')}`,
        url: receiver.url('/hook'),
        reasons,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return (made.body as Webhook).id;
    };
    const channel = await hook('dfe', ['follow-up-due']);
    await hook('dwp', ['follow-up-due']);
    await hook('dfe', ['sla-overdue']);
    // On 1 September 2026, not done: E5's 3-month (15 Mar) and 6-month (15 Jun), E6's 3-month (20 Aug). E1–E3's
    // follow-ups due by then were done by the influence entries recorded (today, after them).
    // Told: dfe's policy official and manager (not the viewer, the comms officer, nor dwp) → 3 × 2 = 6 notices.
    const now = new Date('2026-09-01T00:00:00Z');
    const [a, b] = await Promise.all([handler.handle(now), handler.handle(now)]);
    expect(a.reminded + b.reminded).toBe(3);
    expect(a.notices + b.notices).toBe(6);
    expect(await handler.handle(now)).toEqual({ reminded: 0, notices: 0 });
    expect(await count(`SELECT count(*) AS n FROM notification WHERE follow_up_id IS NOT NULL`)).toBe(6);

    // One delivery per follow-up to dfe's channel (3), none to dwp's or to the SLA hook, however often it ran;
    // each posted through the webhook delivery path, linking to dfe's evaluation records.
    const deliveries = await dataSource.query(
      `SELECT id::text FROM webhook_delivery WHERE follow_up_id IS NOT NULL ORDER BY id`,
    );
    expect(deliveries.map((d: { id: string }) => d.id)).toHaveLength(3);
    const deliver = new DeliverWebhookHandler(dataSource, parley.api.get<Config>(CONFIG), webhooks);
    for (const { id } of deliveries)
      await deliver.handle({ data: { deliveryId: id }, attemptsMade: 0, opts: { attempts: 5 } } as never);
    await receiver.close();
    expect(posted.map((p) => p.text).sort()).toEqual(
      [
        'The 3-month follow-up of “E5 closed before the window” is due: record what it changed in policy (Department for Education)',
        'The 3-month follow-up of “E6 closed with nothing recorded” is due: record what it changed in policy (Department for Education)',
        'The 6-month follow-up of “E5 closed before the window” is due: record what it changed in policy (Department for Education)',
      ].map((text) => `${text}: ${parley.api.get<Config>(CONFIG).publicUrl}/evaluation-records/dfe`),
    );
    expect(posted[0].event).toMatchObject({
      id: null,
      kind: 'follow-up-due',
      department: 'dfe',
      conversationId: null,
    });
    const log = await parley.admin.get<WebhookDelivery[]>(
      `/api/departments/dfe/webhooks/${channel}/deliveries`,
    );
    expect(log.body.map((d) => [d.reason, d.state, d.eventId, d.followUpId !== null])).toEqual([
      ['follow-up-due', 'delivered', null, true],
      ['follow-up-due', 'delivered', null, true],
      ['follow-up-due', 'delivered', null, true],
    ]);
    const { body } = await clients['dfe-policy'].get<{
      items: { text: string; conversationId: string | null }[];
    }>('/api/notifications');
    expect(body.items.map((n) => n.text).sort()).toEqual([
      'The 3-month follow-up of “E5 closed before the window” is due: record what it changed in policy (Department for Education)',
      'The 3-month follow-up of “E6 closed with nothing recorded” is due: record what it changed in policy (Department for Education)',
      'The 6-month follow-up of “E5 closed before the window” is due: record what it changed in policy (Department for Education)',
    ]);
    expect(body.items.every((n) => n.conversationId === null)).toBe(true);
    // Listed as due until done: the same three (and any that have come due since 1 September) are listed.
    const due = await ok<FollowUpDue[]>(
      clients['dfe-policy'],
      'GET',
      '/api/evaluation/follow-ups?department=dfe',
    );
    expect(due.filter((f) => f.remindedAt).map((f) => `${f.exerciseTitle.slice(0, 2)} ${f.months}`)).toEqual([
      'E5 3',
      'E5 6',
      'E6 3',
    ]);
  });
});
