import type {
  ApplyResult,
  CurrentElectionPeriod,
  ErrorBody,
  ProprietyCheckResponse,
  WorkspaceDocument,
} from '@parley/contracts';
import { ukDate } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';

/** A UK calendar date `days` from today, as the workspace document writes dates. */
const day = (days: number) => ukDate(new Date(Date.now() + days * 86_400_000));

const DVSA_REPLY =
  'Hi, DVSA digital team here: you can book or change a driving test on GOV.UK: https://www.gov.uk/book-driving-test';

describe('propriety: POST /api/propriety/check and election periods', () => {
  let parley: Api;
  const check = (body: unknown) => parley.admin.request('POST', '/api/propriety/check', body);
  const findings = async (text: string) => {
    const { status, body } = await check({ department: 'dvsa', text });
    expect(status).toBe(200);
    return (body as ProprietyCheckResponse).findings;
  };
  const apply = (doc: unknown, query = '') => parley.admin.request('PUT', `/api/workspace${query}`, doc);

  beforeAll(async () => {
    parley = await startApi();
    const applied = await apply({
      departments: [{ key: 'dvsa', name: 'Driver and Vehicle Standards Agency' }],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('finds nothing in an ordinary helpful reply', async () => {
    expect(await findings(DVSA_REPLY)).toEqual([]);
  });

  it('answers each finding as a span of the text sent, untrimmed, with what to do', async () => {
    const text =
      '  Hi Zoë 👋 DVSA team here. Your refund will be in your account by Friday, call me on 07700 900123.';
    const found = await findings(text);
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['promise', 'Your refund will be in your account by Friday'],
      ['personal-data', '07700 900123'],
    ]);
    for (const f of found) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.advice.length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['no text', { department: 'dvsa' }, 'text'],
    ['text that is not a string', { department: 'dvsa', text: 42 }, 'text'],
    ['no department', { text: 'hello' }, 'department'],
    ['text over the limit', { department: 'dvsa', text: 'a'.repeat(10_001) }, 'text'],
    ['a NUL character', { department: 'dvsa', text: 'a\u0000b' }, 'text'],
    ['an unknown field', { department: 'dvsa', text: 'hello', draftId: 'x' }, 'draftId'],
  ])('refuses %s with 400 naming the field', async (_, body, path) => {
    const { status, body: answer } = await check(body);
    expect(status).toBe(400);
    expect((answer as ErrorBody).problems?.map((p) => p.path)).toContain(path);
  });

  it('answers 404 for a department that does not exist', async () => {
    const { status, body } = await check({ department: 'nowhere', text: 'hello' });
    expect(status).toBe(404);
    expect((body as ErrorBody).message).toContain('nowhere');
  });

  it('adds the election-period finding only while a period is in force', async () => {
    const current = async () =>
      (await parley.admin.get<CurrentElectionPeriod>('/api/election-periods/current')).body.current;
    expect(await current()).toBeNull();

    // A period that has not started yet: stored, not in force.
    const later = { name: 'By-election', from: day(10), to: day(20) };
    expect((await apply({ electionPeriods: [later] })).status).toBe(200);
    expect(await current()).toBeNull();
    expect(await findings(DVSA_REPLY)).toEqual([]);

    const now = { name: 'Local elections', from: day(-1), to: day(30) };
    expect((await apply({ electionPeriods: [now] })).status).toBe(200);
    expect(await current()).toEqual(now);
    const [finding] = await findings(DVSA_REPLY);
    expect(finding).toMatchObject({ kind: 'election-period', start: 0, end: DVSA_REPLY.length });
    expect(finding.message).toContain('Local elections');

    // Ended yesterday: over.
    expect((await apply({ electionPeriods: [{ ...now, from: day(-10), to: day(-1) }] })).status).toBe(200);
    expect(await current()).toBeNull();
    expect(await findings(DVSA_REPLY)).toEqual([]);
  });

  // The workspace document: one api per file (its config is read once), so these follow on from the above.
  const exported = async () => (await parley.admin.get<WorkspaceDocument>('/api/workspace')).body;
  const general = { name: 'General election 2029', from: '2029-03-28', to: '2029-05-03' };
  const local = { name: 'Local elections 2030', from: '2030-03-21', to: '2030-05-02' };

  it('removes election periods with prune and an empty list', async () => {
    const { body } = await apply({ electionPeriods: [] }, '?prune=true');
    // Applying a list without prune kept the earlier period: both go now.
    expect((body as ApplyResult).electionPeriods.deleted.sort()).toEqual(['By-election', 'Local elections']);
    expect((await exported()).electionPeriods).toEqual([]);
  });

  it('shows a dry run of election periods and writes nothing', async () => {
    const { status, body } = await apply({ electionPeriods: [general] }, '?dryRun=true');
    expect(status).toBe(200);
    expect((body as ApplyResult).electionPeriods.created).toEqual(['General election 2029']);
    expect((await exported()).electionPeriods).toEqual([]);
  });

  it('applies, audits and exports election periods, and the export applies back unchanged', async () => {
    const { body } = await apply({ electionPeriods: [general, local] });
    expect((body as ApplyResult).changes).toEqual([
      expect.objectContaining({ action: 'create', entity: 'election-period', key: 'General election 2029' }),
      expect.objectContaining({ action: 'create', entity: 'election-period', key: 'Local elections 2030' }),
    ]);
    const audit = await parley.db.query(
      `SELECT action, after FROM audit_event
       WHERE entity_type = 'election-period' AND after->>'from' IN ($1, $2) ORDER BY id`,
      [general.from, local.from],
    );
    expect(audit.rows).toEqual([
      { action: 'election-period.create', after: { from: general.from, to: general.to } },
      { action: 'election-period.create', after: { from: local.from, to: local.to } },
    ]);

    const doc = await exported();
    expect(doc.electionPeriods).toEqual([general, local]);
    const again = await apply(doc, '?prune=true');
    expect(again.body).toMatchObject({
      changes: [],
      electionPeriods: { unchanged: ['General election 2029', 'Local elections 2030'] },
    });
  });

  it('updates by name, keeps the ones a document leaves out, and removes them only with prune', async () => {
    const moved = { ...general, to: '2029-05-04' };
    const updated = await apply({ electionPeriods: [moved] });
    expect((updated.body as ApplyResult).changes).toEqual([
      expect.objectContaining({ action: 'update', key: general.name, fields: ['to'] }),
    ]);
    expect((await exported()).electionPeriods).toEqual([moved, local]);

    expect((await apply({ electionPeriods: [moved] }, '?prune=true')).status).toBe(200);
    expect((await exported()).electionPeriods).toEqual([moved]);
  });

  it('refuses a period that ends before it starts or names a day that does not exist, listing each', async () => {
    const { status, body } = await apply({
      electionPeriods: [
        { name: 'Backwards', from: '2029-05-03', to: '2029-03-28' },
        { name: 'No such day', from: '2029-02-29', to: '2029-03-01' },
      ],
    });
    expect(status).toBe(400);
    expect((body as ErrorBody).problems).toEqual([
      { path: 'electionPeriods[0].to', message: expect.stringContaining('ends on or after') },
      { path: 'electionPeriods[1].from', message: expect.stringContaining('YYYY-MM-DD') },
    ]);
  });
});
