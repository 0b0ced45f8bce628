import type { Opportunity } from '@parley/contracts';
import { JobProducer } from '@parley/jobs';
import { eventually } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

describe('the SLA sweep on its queue', () => {
  let parley: Parley;

  beforeAll(async () => {
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'home', name: 'Home Department', sla: { firstResponse: '2h', businessHours: false } },
      ],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('is scheduled by the worker, and a SweepSla job fills the deadline and warns once overdue', async () => {
    const { db } = parley;
    const [source] = (
      await db.query(
        `INSERT INTO source (key, type, url, interval_ms, enabled)
         VALUES ('forum', 'feed', 'http://127.0.0.1:9/forum.xml', 3600000, false) RETURNING id`,
      )
    ).rows as { id: string }[];
    const [conversation] = (
      await db.query(
        `INSERT INTO conversation (source_id, root_external_id, title, content_version, tagged_version)
         VALUES ($1, 'q1', 'Ferry timetable', 1, 1) RETURNING id`,
        [source.id],
      )
    ).rows as { id: string }[];
    const posted = new Date(Date.now() - 3 * 3_600_000);
    const [opportunity] = (
      await db.query(
        `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, first_public_post_at)
         SELECT $1, id, 50, 'public-info', 'a question', $2 FROM department WHERE key = 'home' RETURNING id`,
        [conversation.id, posted],
      )
    ).rows as { id: string }[];
    const schedulers = await parley.worker.get(JobProducer).queue('workflow').getJobSchedulers();
    // The workflow queue also carries the hourly evaluation follow-up reminders.
    expect(schedulers.map((s) => [s.key, s.every]).sort()).toEqual([
      ['follow-up-reminders', 3_600_000],
      ['sla-sweep', 60_000],
    ]);

    await parley.worker.get(JobProducer).add('SweepSla', {});
    const swept = await eventually(async () => {
      const { body } = await parley.admin.get<Opportunity>(`/api/opportunities/${opportunity.id}`);
      return body.dueAt !== null && body;
    }, 15_000);
    expect([swept.dueAt, swept.sla]).toEqual([
      new Date(posted.getTime() + 2 * 3_600_000).toISOString(),
      'overdue',
    ]);
    // Swept again, twice at once: still one warning for the one deadline.
    const queue = parley.worker.get(JobProducer).queue('workflow');
    await Promise.all([
      parley.worker.get(JobProducer).add('SweepSla', {}),
      parley.worker.get(JobProducer).add('SweepSla', {}),
    ]);
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active');
      return counts.waiting + counts.active === 0;
    }, 15_000);
    const { rows } = await db.query(
      `SELECT kind FROM opportunity_event WHERE opportunity_id = $1 ORDER BY id`,
      [opportunity.id],
    );
    const kinds = rows.map((r: { kind: string }) => r.kind);
    expect(kinds).toEqual(['sla-overdue']);
  });
});
