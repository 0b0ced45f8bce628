import type { ClearanceItem, Draft, DraftDiff, DraftVersion } from '@parley/contracts';
import { ukDate } from '@parley/domain';
import { TestApiClient } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';

const PASSWORD = 'a-long-enough-password';

type Answer<T> = { status: number; body: T };

/**
 * Drafts and clearance against the real api and Postgres: versions kept and compared, stale saves refused,
 * findings set aside only with a reason, and approval by a policy official and a comms officer who did not
 * write the draft.
 */
describe('drafts: versions, overrides, clearance', () => {
  let parley: Api;
  const people = {} as Record<'cara' | 'colin' | 'pat' | 'mo' | 'vic', TestApiClient>;
  let sourceId: string;
  let threads = 0;

  const signIn = async (email: string) => {
    const client = new TestApiClient(parley.baseUrl);
    expect(await client.login(email, PASSWORD)).toBe(200);
    return client;
  };

  /** A tagged conversation with its opportunity, as tagging leaves it (inserted directly: no worker here). */
  const opportunity = async (route = 'clearance'): Promise<string> => {
    threads += 1;
    const conversation = await parley.db.query(
      `INSERT INTO conversation (source_id, root_external_id, title) VALUES ($1, $2, $3) RETURNING id`,
      [sourceId, `thread-${threads}`, `Grant question ${threads}`],
    );
    const row = await parley.db.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason)
       SELECT $1, id, 70, $2, 'Asks about a grant that is not yet public.' FROM department WHERE key = 'dft'
       RETURNING id`,
      [conversation.rows[0].id, route],
    );
    return row.rows[0].id as string;
  };

  const draftOf = async (client: TestApiClient, id: string) =>
    (await client.get<Draft>(`/api/opportunities/${id}/draft`)).body;
  const save = (client: TestApiClient, id: string, text: string, expectedVersion: number) =>
    client.request('PUT', `/api/opportunities/${id}/draft`, { text, expectedVersion }) as Promise<
      Answer<Draft>
    >;
  const submit = (client: TestApiClient, id: string, expectedVersion: number) =>
    client.request('POST', `/api/opportunities/${id}/draft/submit`, { expectedVersion }) as Promise<
      Answer<Draft>
    >;
  const review = (
    client: TestApiClient,
    id: string,
    expectedVersion: number,
    decision: string,
    comment = '',
  ) =>
    client.request('POST', `/api/opportunities/${id}/draft/reviews`, {
      expectedVersion,
      decision,
      comment,
    }) as Promise<Answer<Draft & { message: string }>>;
  const statusOf = async (id: string) =>
    (await parley.db.query(`SELECT status FROM opportunity WHERE id = $1`, [id])).rows[0].status as string;

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dft',
          name: 'Department for Transport',
          accounts: [
            { platform: 'mastodon', handle: 'dft', site: 'social.example' },
            { platform: 'bluesky', handle: 'dft.example' },
          ],
        },
      ],
      sources: [
        { key: 'forum', type: 'mastodon', url: 'https://social.example', interval: '1h', department: 'dft' },
      ],
    });
    expect(applied.status).toBe(200);
    sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'forum'`)).rows[0].id;
    const members = [
      ['cara', 'comms'],
      ['colin', 'comms'],
      ['pat', 'policy'],
      ['mo', 'manager'],
      ['vic', 'viewer'],
    ] as const;
    for (const [name, role] of members) {
      const created = await parley.admin.request('POST', '/api/users', {
        email: `${name}@dft.example.gov.uk`,
        name: name[0].toUpperCase() + name.slice(1),
        password: PASSWORD,
        memberships: [{ department: 'dft', role }],
      });
      expect(created.status).toBe(201);
      people[name] = await signIn(`${name}@dft.example.gov.uk`);
    }
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('saves versions, moves the opportunity to drafting, and posts from the account on the thread’s platform', async () => {
    const id = await opportunity('pointer');
    const empty = await draftOf(people.cara, id);
    expect(empty).toMatchObject({ version: 0, latest: null, status: 'new', submission: null });
    const first = await save(people.cara, id, 'Hi, DfT here: the grant guidance is on GOV.UK.', 0);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 1,
      status: 'drafting',
      account: { platform: 'mastodon', handle: 'dft', site: 'social.example' },
      latest: { version: 1, savedBy: { name: 'Cara' } },
      clearance: { needed: false },
    });
    const second = await save(
      people.colin,
      id,
      'Hi, DfT here: the grant guidance is published on GOV.UK.',
      1,
    );
    expect(second.body.version).toBe(2);
    expect(second.body.authors.map((a) => a.name)).toEqual(['Cara', 'Colin']);
  });

  it('refuses a save made from a version someone has moved on from, and keeps nothing of it', async () => {
    const id = await opportunity('pointer');
    expect((await save(people.cara, id, 'First words.', 0)).status).toBe(200);
    expect((await save(people.colin, id, 'Colin’s words.', 1)).status).toBe(200);
    const stale = await save(people.cara, id, 'Cara typed on from version 1.', 1);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'conflict', message: expect.stringMatching(/version 2/) });
    const versions = (await people.cara.get<DraftVersion[]>(`/api/opportunities/${id}/draft/versions`)).body;
    expect(versions.map((v) => v.text)).toEqual(['Colin’s words.', 'First words.']);
  });

  it('shows what changed between two versions, word by word', async () => {
    const id = await opportunity('pointer');
    await save(people.cara, id, 'The grant opens in spring.', 0);
    await save(people.cara, id, 'The grant opens in May.', 1);
    const diff = (await people.vic.get<DraftDiff>(`/api/opportunities/${id}/draft/diff?from=1&to=2`)).body;
    expect(diff.parts).toEqual([
      { change: 'same', text: 'The grant opens in ' },
      { change: 'removed', text: 'spring' },
      { change: 'added', text: 'May' },
      { change: 'same', text: '.' },
    ]);
    const fromNothing = (await people.vic.get<DraftDiff>(`/api/opportunities/${id}/draft/diff?from=0&to=1`))
      .body;
    expect(fromNothing.parts).toEqual([{ change: 'added', text: 'The grant opens in spring.' }]);
    expect((await people.vic.get(`/api/opportunities/${id}/draft/diff?from=1&to=3`)).status).toBe(404);
  });

  it('checks each version for propriety, and sets a finding aside only with a reason, kept and audited', async () => {
    const id = await opportunity('pointer');
    const text = 'DfT team here. Personally, I think HS2 was a waste of money.';
    const saved = await save(people.cara, id, text, 0);
    const views = saved.body.latest?.findings ?? [];
    expect(views.length).toBeGreaterThan(0);
    expect(new Set(views.map((f) => f.kind))).toEqual(new Set(['view']));
    expect(saved.body.clearance).toMatchObject({ needed: true, reasons: [{ reason: 'view' }] });
    const override = (finding: (typeof views)[number], reason: string) =>
      people.cara.request('POST', `/api/opportunities/${id}/draft/overrides`, {
        expectedVersion: 1,
        kind: finding.kind,
        start: finding.start,
        end: finding.end,
        reason,
      }) as Promise<Answer<Draft>>;

    const unexplained = await override(views[0], '  ');
    expect(unexplained.status).toBe(400);
    expect(unexplained.body).toMatchObject({
      problems: [{ path: 'reason', message: 'say why this finding does not apply' }],
    });
    const reason = 'Quoting the minister’s published words.';
    let explained: Answer<Draft> | undefined;
    for (const view of views) {
      explained = await override(view, reason);
      expect(explained.status).toBe(200);
    }
    expect(explained?.body.clearance.needed).toBe(false);
    expect(explained?.body.latest?.overrides).toEqual(
      views.map(() =>
        expect.objectContaining({ kind: 'view', reason, by: expect.objectContaining({ name: 'Cara' }) }),
      ),
    );
    const audited = await parley.db.query(
      `SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'opportunity.draft-override'`,
      [id],
    );
    expect(audited.rows.map((r) => r.after)).toEqual(
      views.map((v) => expect.objectContaining({ kind: 'view', text: v.text, reason })),
    );

    // The next version keeps the overrides of the unchanged words, where they now are.
    const next = await save(people.cara, id, `Hello! ${text}`, 1);
    expect(next.body.latest?.overrides.map((o) => o.start)).toEqual(views.map((v) => v.start + 7));
    expect(next.body.clearance.needed).toBe(false);
  });

  it('lets a viewer read a draft but not write one', async () => {
    const id = await opportunity('pointer');
    expect((await people.vic.get(`/api/opportunities/${id}/draft`)).status).toBe(200);
    expect((await save(people.vic, id, 'A viewer writes.', 0)).status).toBe(403);
  });

  it('needs policy and comms approval from people who did not write it', async () => {
    const id = await opportunity('clearance');
    const saved = await save(people.cara, id, 'Hi, DfT here: we are looking at this.', 0);
    expect(saved.body.clearance).toMatchObject({ needed: true, reasons: [{ reason: 'route' }] });
    const submitted = await submit(people.cara, id, 1);
    expect(submitted.body).toMatchObject({
      status: 'in-clearance',
      submission: { version: 1, outcome: 'waiting', missing: ['policy', 'comms'] },
    });

    const byAuthor = await review(people.cara, id, 1, 'approve');
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.body.message).toBe(
      'You wrote this draft, so you cannot approve it: a policy official and a comms officer who did not write it need to.',
    );
    expect((await review(people.vic, id, 1, 'approve')).status).toBe(403);

    // While it waits for its reviewers the text stays as submitted.
    const meanwhile = await save(people.cara, id, 'Hi, DfT here: a quiet change.', 1);
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body).toMatchObject({ message: expect.stringMatching(/cannot be drafted/) });

    const byPolicy = await review(people.pat, id, 1, 'approve');
    expect(byPolicy.body).toMatchObject({ status: 'in-clearance', submission: { missing: ['comms'] } });
    const byComms = await review(people.colin, id, 1, 'approve', 'Reads well.');
    expect(byComms.body).toMatchObject({
      status: 'approved',
      submission: { outcome: 'approved', missing: [], closedAt: expect.any(String) },
    });
    expect(await statusOf(id)).toBe('approved');
    // Time in clearance is measurable: submitted and closed times on the submission.
    const [clearance] = (
      await parley.db.query(
        `SELECT c.submitted_at, c.closed_at, c.outcome FROM draft_clearance c JOIN draft d ON d.id = c.draft_id
         WHERE d.opportunity_id = $1`,
        [id],
      )
    ).rows;
    expect(clearance.outcome).toBe('approved');
    expect(clearance.closed_at.getTime()).toBeGreaterThanOrEqual(clearance.submitted_at.getTime());

    // Each step is on the opportunity's timeline (the notifications outbox) and in the audit log.
    const events = await parley.db.query(
      `SELECT kind, to_status, detail FROM opportunity_event WHERE opportunity_id = $1 ORDER BY id`,
      [id],
    );
    expect(events.rows.map((e) => [e.kind, e.to_status])).toEqual([
      ['draft-saved', 'drafting'],
      ['draft-submitted', 'in-clearance'],
      ['review', null],
      ['review', 'approved'],
    ]);
    expect(events.rows[3].detail).toMatchObject({
      decision: 'approve',
      role: 'comms',
      comment: 'Reads well.',
    });
    const audited = await parley.db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
      id,
    ]);
    expect(audited.rows.map((a) => a.action)).toEqual([
      'opportunity.draft',
      'opportunity.submit',
      'opportunity.review',
      'opportunity.approve',
    ]);

    // A new version after approval needs clearance afresh.
    const changed = await save(people.cara, id, 'Hi, DfT here: we are looking at this today.', 1);
    expect(changed.body).toMatchObject({
      status: 'drafting',
      submission: { version: 1, outcome: 'superseded' },
    });
  });

  it('sends a draft back to drafting when a reviewer asks for changes, with a comment', async () => {
    const id = await opportunity('clearance');
    await save(people.cara, id, 'Hi, DfT here: the scheme will change.', 0);
    await submit(people.cara, id, 1);
    const silent = await review(people.pat, id, 1, 'request-changes');
    expect(silent.status).toBe(400);
    expect(silent.body).toMatchObject({
      problems: [{ path: 'comment', message: 'say what needs to change' }],
    });
    const asked = await review(people.pat, id, 1, 'request-changes', 'Do not say it will change.');
    expect(asked.body).toMatchObject({
      status: 'drafting',
      submission: {
        outcome: 'changes-requested',
        reviews: [
          { reviewer: { name: 'Pat' }, decision: 'request-changes', comment: 'Do not say it will change.' },
        ],
      },
    });
    // Changes were asked for: nothing is waiting, so another approval is refused.
    expect((await review(people.colin, id, 1, 'approve')).status).toBe(409);
  });

  it('lists drafts waiting for a reviewer’s role, oldest first, with how long they have waited', async () => {
    const older = await opportunity('clearance');
    const newer = await opportunity('clearance');
    for (const id of [older, newer]) {
      await save(people.cara, id, 'Hi, DfT here: a reply to clear.', 0);
      await submit(people.cara, id, 1);
    }
    await parley.db.query(
      `UPDATE draft_clearance SET submitted_at = now() - interval '2 hours'
       WHERE draft_id = (SELECT id FROM draft WHERE opportunity_id = $1)`,
      [older],
    );
    const queueOf = async (client: TestApiClient) =>
      (await client.get<ClearanceItem[]>('/api/clearance?department=dft')).body.filter((i) =>
        [older, newer].includes(i.opportunityId),
      );
    const forPat = await queueOf(people.pat);
    expect(forPat.map((i) => i.opportunityId)).toEqual([older, newer]);
    expect(forPat[0].waitingSeconds).toBeGreaterThanOrEqual(7200);
    expect(forPat[0]).toMatchObject({ author: { name: 'Cara' }, missing: ['policy', 'comms'] });

    await review(people.pat, older, 1, 'approve');
    expect((await queueOf(people.pat)).map((i) => i.opportunityId)).toEqual([newer]);
    expect((await queueOf(people.colin)).map((i) => i.opportunityId)).toEqual([older, newer]);
    // The author has nothing to review: they wrote both.
    expect(await queueOf(people.cara)).toEqual([]);
    expect((await people.vic.get('/api/clearance?department=dft')).status).toBe(403);
  });
  it('needs a manager’s approval as well while an election period is in force', async () => {
    const day = (days: number) => ukDate(new Date(Date.now() + days * 86_400_000));
    const period = { name: 'Local elections', from: day(-1), to: day(30) };
    expect((await parley.admin.request('PUT', '/api/workspace', { electionPeriods: [period] })).status).toBe(
      200,
    );
    try {
      const id = await opportunity('pointer');
      const saved = await save(people.cara, id, 'Hi, DfT team here: timetables are on GOV.UK.', 0);
      expect(saved.body.latest?.findings.map((f) => f.kind)).toContain('election-period');
      expect(saved.body.clearance.reasons.map((r) => r.reason)).toEqual(['election-period']);
      await submit(people.cara, id, 1);
      await review(people.pat, id, 1, 'approve');
      const withoutManager = await review(people.colin, id, 1, 'approve');
      expect(withoutManager.body).toMatchObject({
        status: 'in-clearance',
        submission: { needed: ['policy', 'comms', 'manager'], missing: ['manager'] },
      });
      const queue = (await people.mo.get<ClearanceItem[]>('/api/clearance?department=dft')).body;
      expect(queue.map((i) => i.opportunityId)).toContain(id);
      const withManager = await review(people.mo, id, 1, 'approve');
      expect(withManager.body).toMatchObject({ status: 'approved', submission: { outcome: 'approved' } });
    } finally {
      await parley.admin.request('PUT', '/api/workspace?prune=true', { electionPeriods: [] });
    }
  });
});
