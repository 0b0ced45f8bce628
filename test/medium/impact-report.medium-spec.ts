import type { ImpactReport } from '@parley/contracts';
import { METRICS_DEFINITIONS_VERSION } from '@parley/domain';
import { TestApiClient } from '@parley/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness';

const PASSWORD = 'a-long-report-password';
const WINDOW = 'department=home&from=2026-11-01&to=2026-12-01';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the impact report: GET /api/reports/impact', () => {
  let parley: Api;
  let policy: TestApiClient;

  const paragraphs = (report: ImpactReport, heading: string) =>
    report.sections.find((s) => s.heading === heading)?.paragraphs ?? [];

  beforeAll(async () => {
    parley = await startApi();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'home',
          name: 'Home Department',
          rules: [{ key: 'ferries', name: 'Ferries', query: 'ferry' }],
        },
        { key: 'away', name: 'Away Department' },
      ],
      sources: [
        {
          key: 'forum',
          name: 'Harbour forum',
          type: 'feed',
          url: 'http://127.0.0.1:9/forum.xml',
          interval: '1h',
        },
      ],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const created = await parley.admin.request('POST', '/api/users', {
      email: 'policy@example.gov.uk',
      name: 'Pat Policy',
      password: PASSWORD,
      memberships: [{ department: 'home', role: 'policy' }],
    });
    expect(created.status).toBe(201);
    policy = new TestApiClient(parley.baseUrl);
    expect(await policy.login('policy@example.gov.uk', PASSWORD)).toBe(200);

    // The rule as it stood all through November (the workspace was applied just now).
    await parley.db.query(`UPDATE listening_rule SET created_at = '2026-10-01T08:00:00Z'`);
    await parley.db.query(`UPDATE listening_rule_version SET changed_at = '2026-10-01T08:00:00Z'`);

    // Five conversations with an opportunity for home in November (no worker here: inserted as tagging leaves
    // them): two answered (after 30 and 90 minutes), one declined as abusive, one overdue and unanswered, one new.
    // One more in October, outside the window.
    const seed: [string, string, string, string | null, number | null, string | null, string | null][] = [
      // title, created, status, first response at, seconds, decline reason, due at
      ['Ferry timetable', '2026-11-03T09:00:00Z', 'responded', '2026-11-03T09:30:00Z', 1800, null, null],
      ['Ferry fares', '2026-11-04T09:00:00Z', 'responded', '2026-11-04T10:30:00Z', 5400, null, null],
      ['Ferry rant', '2026-11-05T09:00:00Z', 'declined', null, null, 'abusive', null],
      ['Ferry cancelled?', '2026-11-06T09:00:00Z', 'new', null, null, null, '2026-11-06T17:00:00Z'],
      ['Ferry parking', '2026-11-28T09:00:00Z', 'new', null, null, null, null],
      ['October ferry', '2026-10-20T09:00:00Z', 'responded', '2026-10-20T09:10:00Z', 600, null, null],
    ];
    for (const [i, [title, at, status, firstAt, seconds, reason, due]] of seed.entries()) {
      const conversation = await parley.db.query(
        `INSERT INTO conversation (source_id, root_external_id, title)
         SELECT id, $1, $2 FROM source WHERE key = 'forum' RETURNING id`,
        [`thread-${i}`, title],
      );
      const opportunity = await parley.db.query(
        `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, status,
           first_response_at, first_response_seconds, decline_reason, due_at, created_at)
         SELECT $1, id, 60, 'direct', 'Asks about ferries.', $2, $3, $4, $5, $6, $7 FROM department WHERE key = 'home'
         RETURNING id`,
        [conversation.rows[0].id, status, firstAt, seconds, reason, due, at],
      );
      if (firstAt) {
        await parley.db.query(
          `INSERT INTO engagement (conversation_id, department_id, opportunity_id, kind, occurred_at, outcome_notes)
           SELECT $1, id, $2, 'reply', $3, $4 FROM department WHERE key = 'home'`,
          [conversation.rows[0].id, opportunity.rows[0].id, firstAt, i === 0 ? 'They thanked us.' : null],
        );
      }
    }
  });

  afterAll(async () => {
    await parley?.close();
  });

  it('answers the overview as JSON, with its filters and definitions version, and no audit row', async () => {
    const answer = await policy.get<ImpactReport>(`/api/reports/impact?${WINDOW}&level=overview`);
    expect(answer.status).toBe(200);
    const report = answer.body;
    expect(report.definitionsVersion).toBe(METRICS_DEFINITIONS_VERSION);
    expect(report.filters).toEqual({
      department: 'home',
      from: '2026-11-01',
      to: '2026-12-01',
      level: 'overview',
    });
    expect(report.period).toBe('1 November 2026 to 30 November 2026');
    // Five distinct conversations had a new opportunity in [1 Nov, 1 Dec) (the October one is outside); two of them
    // were answered: coverage 2 ÷ 5 = 40%, below n = 30 so a small sample.
    expect(paragraphs(report, 'What we did')[0]).toBe(
      'We took part in 2 of 5 conversations where there was an opportunity (40%, a small sample of 5).',
    );
    // One source behind them.
    expect(paragraphs(report, 'How confident we can be')[0]).toMatch(
      /^The figures come from 1 public source /,
    );
    const { rows } = await parley.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.export'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('tells the cases that worked and did not in the full story, with the method’s sources and rules', async () => {
    const report = (await policy.get<ImpactReport>(`/api/reports/impact?${WINDOW}&level=full`)).body;
    expect(paragraphs(report, 'Cases: what worked and what did not')).toEqual([
      'What worked.',
      // Answered ones, quickest first: 1800 s = 30 min, 5400 s = 1 h 30 min.
      '“Ferry timetable” (Web feed or blog, from 3 November 2026): we took part once, first after 30 min; it was closed as answered. Outcome: They thanked us.',
      '“Ferry fares” (Web feed or blog, from 4 November 2026): we took part once, first after 1 h 30 min; it was closed as answered.',
      'What did not work.',
      '“Ferry rant” (Web feed or blog, from 5 November 2026): we did not take part; we decided not to engage (abusive).',
      '“Ferry cancelled?” (Web feed or blog, from 6 November 2026): we did not take part; it was still unanswered after its response was due.',
    ]);
    const method = report.sections.find((s) => s.heading === 'Method');
    expect(method?.tables[0].rows).toEqual([['Harbour forum', 'Web feed or blog', '5']]);
    expect(method?.tables[1].rows).toEqual([['Ferries', '1', '1 October 2026']]);
  });

  it('exports every table as CSV headed by its filters, and audits the export', async () => {
    const answer = await policy.download(`/api/reports/impact?${WINDOW}&level=full&format=csv`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = answer.bytes.toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      '"Report","Impact report: the full story"',
      '"Department","Home Department","home"',
      '"Period","1 November 2026 to 30 November 2026","2026-11-01","2026-12-01"',
      '"Level","full"',
      `"Definitions version","${METRICS_DEFINITIONS_VERSION}"`,
    ]);
    expect(text).toContain('"Table","sources","Sources behind this period’s opportunities"\r\n');
    expect(text).toContain('"Harbour forum","Web feed or blog","5"\r\n');
    const { rows } = await parley.db.query(
      `SELECT a.actor_label AS actor, a.after, d.key FROM audit_event a JOIN department d ON d.id = a.department_id
       WHERE a.action = 'report.export'`,
    );
    expect(rows).toEqual([
      {
        actor: 'policy@example.gov.uk',
        key: 'home',
        after: {
          format: 'csv',
          definitionsVersion: METRICS_DEFINITIONS_VERSION,
          filters: { department: 'home', from: '2026-11-01', to: '2026-12-01', level: 'full' },
        },
      },
    ]);
  });

  it('draws the overview as a one-page A4 PDF and the full story over more, each audited', async () => {
    const overview = await policy.download(`/api/reports/impact?${WINDOW}&level=overview&format=pdf`);
    expect(overview.status).toBe(200);
    expect(overview.headers.get('content-type')).toBe('application/pdf');
    expect(overview.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages(overview.bytes)).toBe(1);
    const full = await policy.download(`/api/reports/impact?${WINDOW}&level=full&format=pdf`);
    expect(pages(full.bytes)).toBeGreaterThanOrEqual(2);
    expect(pages(full.bytes)).toBeLessThanOrEqual(6);
    if (hasPdftotext) {
      const dir = mkdtempSync(join(tmpdir(), 'impact-'));
      writeFileSync(join(dir, 'overview.pdf'), overview.bytes);
      const text = execFileSync('pdftotext', [join(dir, 'overview.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Impact report: overview');
      expect(text).toContain('We took part in 2 of 5 conversations where there was an opportunity');
      expect(text).toContain(`Metrics definitions ${METRICS_DEFINITIONS_VERSION}`);
      expect(text).toContain('Page 1 of 1');
    }
    const { rows } = await parley.db.query(
      `SELECT after->>'format' AS format, after->'filters'->>'level' AS level FROM audit_event
       WHERE action = 'report.export' ORDER BY id`,
    );
    expect(rows).toEqual([
      { format: 'csv', level: 'full' },
      { format: 'pdf', level: 'overview' },
      { format: 'pdf', level: 'full' },
    ]);
  });

  it('refuses a bad level or format with a 400 a person can act on, and another department with a 404', async () => {
    const level = await policy.get<{ message: string }>(`/api/reports/impact?${WINDOW}&level=everything`);
    expect(level.status).toBe(400);
    expect(JSON.stringify(level.body)).toContain('level is overview, snapshot or full');
    const format = await policy.get(`/api/reports/impact?${WINDOW}&format=docx`);
    expect(format.status).toBe(400);
    expect(JSON.stringify(format.body)).toContain('format is json, csv or pdf');
    const away = await policy.get(`/api/reports/impact?department=away&from=2026-11-01&to=2026-12-01`);
    expect(away.status).toBe(404);
    const { rows } = await parley.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.export'`,
    );
    expect(rows[0].n).toBe(3);
  });
});
