import { describe, expect, it } from 'vitest';
import type { ReportInput, ReportMetric } from './inputs';
import { composeImpactReport, type ImpactReportDocument } from './report';
import { reportCsv } from './report-csv';

const metric = (over: Partial<ReportMetric>): ReportMetric => ({
  value: null,
  n: 0,
  numerator: null,
  denominator: null,
  previous: null,
  change: null,
  unit: 'count',
  stage: 'outputs',
  smallSample: true,
  excluded: 0,
  ...over,
});

/** A department with nothing at all in the window. */
const empty = (): ReportInput => ({
  department: { key: 'dfe', name: 'Department for Education' },
  generatedAt: new Date('2026-12-01T09:00:00Z'),
  filters: { department: 'dfe', from: '2026-11-01', to: '2026-12-01' },
  metrics: {
    definitionsVersion: '2026-12-01.1',
    window: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
    compare: { from: '2026-10-02T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
    metrics: { opportunities: metric({ value: 0, n: 0, stage: 'inputs' }) },
  },
  themes: { onTopic: 0, method: '', themes: [] },
  records: { objectives: [], exercises: [], lessons: [], surveys: [] },
  cases: [],
  method: { sources: [], rules: [] },
  spikes: [],
});

/** A month with work in it: 120 opportunities, 42 joined, themes, records, cases. */
const busy = (): ReportInput => ({
  ...empty(),
  metrics: {
    ...empty().metrics,
    metrics: {
      opportunities: metric({ value: 120, n: 120, stage: 'inputs', smallSample: false }),
      // 42 ÷ 120 = 0.35 → 35%; previous 30% → up 5 points.
      coverage: metric({
        value: 35,
        n: 120,
        numerator: 42,
        denominator: 120,
        previous: 30,
        change: 5,
        unit: 'percent',
        smallSample: false,
      }),
      // 9 of 12 = 75%, n 12 < 30: a small sample.
      response_rate: metric({ value: 75, n: 12, numerator: 9, denominator: 12, unit: 'percent' }),
      first_response: metric({
        value: 45,
        n: 42,
        unit: 'minutes',
        smallSample: false,
        detail: { median: 45, p90: 185, withinSla: 80, backlog: 3 },
      }),
      // 6 transmit, 3 receive, 3 collaborate of 12: 50%, 25%, 25%.
      triangle_mix: metric({ value: null, n: 12, detail: { transmit: 6, receive: 3, collaborate: 3 } }),
      net_sentiment: metric({
        value: -12,
        n: 340,
        unit: 'percent',
        stage: 'outtakes',
        smallSample: false,
        excluded: 7,
        detail: { accuracy: { accuracy: 0.78, n: 200, ciLow: 0.72, ciHigh: 0.84 } },
      }),
      declined: metric({ value: 4, n: 4, stage: 'learning' }),
    },
  },
  themes: {
    onTopic: 340,
    method: 'Themes are keyphrases grouped by shared words.',
    themes: [
      {
        id: 't1',
        label: 'Exam appeals',
        keyphrases: ['appeal', 'grade'],
        mentions: 170,
        share: 50,
        previousShare: 40,
        change: 10,
        smallSample: false,
        excerpt: { text: 'Can my son appeal a grade after results day?', url: null },
      },
      {
        id: 't2',
        label: 'School meals',
        keyphrases: ['meals'],
        mentions: 17,
        share: 5,
        previousShare: null,
        change: null,
        smallSample: true,
        excerpt: null,
      },
    ],
  },
  records: {
    objectives: [
      {
        id: 'o1',
        description: 'Answer more parents about appeals',
        audience: 'parents',
        metric: 'coverage',
        baseline: 20,
        target: 40,
        from: '2026-09-01T00:00:00Z',
        to: '2027-03-01T00:00:00Z',
      },
    ],
    exercises: [
      {
        id: 'e1',
        title: 'Appeals guidance',
        topic: 'appeals',
        startedAt: '2026-10-01T00:00:00Z',
        closedAt: '2026-11-20T00:00:00Z',
        youSaidWeDid: { url: 'https://example.gov.uk/ysww', postedAt: '2026-11-21T00:00:00Z' },
        influence: [
          { level: 1, note: 'Sent to policy', evidence: [], recordedAt: '2026-11-02T00:00:00Z' },
          {
            level: 2,
            note: 'Cited in options paper',
            evidence: [{ title: 'Options paper', url: 'https://example.gov.uk/p' }],
            recordedAt: '2026-11-10T00:00:00Z',
          },
        ],
        followUps: [{ months: 3, dueAt: '2027-02-20T00:00:00Z', doneAt: null }],
      },
      {
        id: 'e2',
        title: 'Meals pilot',
        topic: null,
        startedAt: '2026-10-01T00:00:00Z',
        closedAt: '2026-11-25T00:00:00Z',
        youSaidWeDid: null,
        influence: [],
        followUps: [],
      },
    ],
    lessons: [
      {
        id: 'l1',
        exerciseId: 'e2',
        text: 'Replies at night went unseen.',
        conversationIds: ['c2'],
        recordedAt: '2026-11-26T00:00:00Z',
      },
    ],
    surveys: [
      {
        id: 's1',
        question: 'I know how to appeal',
        method: 'online panel',
        // 80 of 200 = 40%; 110 of 200 = 55%: up 15 points.
        before: { agree: 80, n: 200 },
        after: { agree: 110, n: 200 },
        change: 15,
        ciLow: 5.4,
        ciHigh: 24.6,
      },
    ],
  },
  cases: [
    {
      conversationId: 'c1',
      title: 'Appeal deadline?',
      platform: 'Mastodon',
      openedAt: new Date('2026-11-03T10:00:00Z'),
      status: 'responded',
      engagements: 2,
      firstResponseMinutes: 45,
      declineReason: null,
      outcomeNotes: 'Parent thanked us.',
      overdue: false,
    },
    {
      conversationId: 'c2',
      title: 'Meals at night',
      platform: 'Bluesky',
      openedAt: new Date('2026-11-04T22:00:00Z'),
      status: 'responded',
      engagements: 1,
      firstResponseMinutes: 600,
      declineReason: null,
      outcomeNotes: null,
      overdue: false,
    },
    {
      conversationId: 'c3',
      title: null,
      platform: 'Mastodon',
      openedAt: new Date('2026-11-05T10:00:00Z'),
      status: 'declined',
      engagements: 0,
      firstResponseMinutes: null,
      declineReason: 'abusive',
      outcomeNotes: null,
      overdue: false,
    },
  ],
  method: {
    sources: [{ name: 'Education blog', platform: 'Blog', opportunities: 120 }],
    rules: [{ name: 'Exams', version: 3, changedAt: new Date('2026-11-02T12:00:00Z') }],
  },
  spikes: [{ at: new Date('2026-11-03T14:00:00Z'), mentions: 96 }],
});

const text = (doc: ImpactReportDocument) =>
  doc.sections
    .flatMap((s) => [s.heading, ...s.paragraphs, ...s.tables.flatMap((t) => t.rows.flat())])
    .join('\n');
const section = (doc: ImpactReportDocument, heading: string) => {
  const found = doc.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section ${heading}`);
  return found;
};

describe('composeImpactReport', () => {
  it('says "No data" where there is nothing, never 0 or a blank', () => {
    const doc = composeImpactReport('overview', empty());
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'What we heard',
      'What we did',
      'What changed',
      'What did not work',
      'How confident we can be',
    ]);
    const all = text(doc);
    expect(all).toContain('No data on themes');
    expect(all).toContain('No data on sentiment');
    expect(all).toContain('No data on taking part: no opportunities were found in this period.');
    expect(all).toContain('No data on response rate');
    expect(all).toContain('No data on policy influence');
    expect(all).toContain('No data on closing the loop');
    expect(all).toContain('No one recorded what did not work');
    expect(all).not.toMatch(/\b0%|\(0\)|NaN|undefined|null/);
    expect(doc.period).toBe('1 November 2026 to 30 November 2026');
    expect(doc.filters).toEqual({
      department: 'dfe',
      from: '2026-11-01',
      to: '2026-12-01',
      level: 'overview',
    });
  });

  it('writes what we did in plain words with the counts behind each share', () => {
    const did = section(composeImpactReport('overview', busy()), 'What we did').paragraphs;
    expect(did).toEqual([
      'We took part in 42 of 120 conversations where there was an opportunity (35%).',
      'We answered 9 of 12 conversations needing a response within the service level (75%) (a small sample of 12).',
      'Our first response took 45 min on the median, and 3 h 5 min or less in 9 cases out of 10 (42 conversations).',
      'Of our engagements, 50% told people something (transmit), 25% listened and asked (receive), 25% worked with people on an answer (collaborate).',
    ]);
  });

  it('hears themes with share, change and a quote, and states the classifier accuracy', () => {
    const heard = section(composeImpactReport('overview', busy()), 'What we heard');
    expect(heard.paragraphs[0]).toBe(
      'The 2 most discussed themes among 340 on-topic posts: Exam appeals (50%), School meals (5%).',
    );
    expect(heard.paragraphs[1]).toBe(
      'Net sentiment was -12 (positive posts minus negative posts, per 100 posts) across 340 posts. ' +
        'The sentiment classifier agreed with people on 78% of the 200 posts they labelled (95% confidence interval 72% to 84%).',
    );
    expect(heard.tables[0].rows).toEqual([
      ['Exam appeals', '50%', 'Up 10 points', '“Can my son appeal a grade after results day?”'],
      ['School meals', '5% (small sample)', 'No data', 'No post fit to quote'],
    ]);
  });

  it('reports what changed and what did not work', () => {
    const doc = composeImpactReport('overview', busy());
    expect(section(doc, 'What changed').paragraphs).toEqual([
      // e1 reached level 2, e2 none: 1 of 2 = 50%.
      'Of 2 engagement exercises, 1 was cited in a submission or changed a decision (50%).',
      'Appeals guidance: insight cited in a submission or options paper.',
      // e1 closed with a "you said, we did", e2 closed without: 1 of 2.
      'We posted a “you said, we did” update for 1 of 2 closed exercises (50%).',
      '“I know how to appeal”: 40% agreed before and 55% after (up 15 points, 95% confidence interval +5.4 to +24.6 points) — online panel, 200 people asked before and 200 after.',
    ]);
    expect(section(doc, 'What did not work').paragraphs).toEqual([
      'Replies at night went unseen.',
      'We decided not to engage in 4 conversations.',
      '3 conversations still had no response at the end of the period.',
    ]);
    const confidence = section(doc, 'How confident we can be').paragraphs.join(' ');
    expect(confidence).toContain('1 public source');
    expect(confidence).toContain('response rate within the service level');
    expect(confidence).toContain('Up to 7 posts from accounts flagged as spam or bots were left out.');
    expect(confidence).toContain('definitions version 2026-12-01.1');
  });

  it('reads each objective against its baseline and target, with spikes and the influence log', () => {
    const doc = composeImpactReport('snapshot', busy());
    const objective = section(doc, 'Objective: Answer more parents about appeals');
    // 35% against a target of 40% from a baseline of 20%: rising, not yet met.
    expect(objective.paragraphs[1]).toBe('Target not yet met.');
    expect(objective.tables[0].rows).toEqual([
      ['Participation coverage', '20%', '40%', '35%', '120', '30%', 'Up 5 points'],
    ]);
    expect(section(doc, 'Themes in detail').paragraphs[0]).toContain(
      'Mentions spiked once: 3 Nov 2026, 14:00 GMT (96 mentions in the hour)',
    );
    expect(section(doc, 'Policy-influence log').tables[0].rows[0]).toEqual([
      'Appeals guidance',
      'Insight cited in a submission or options paper',
      'Cited in options paper (10 November 2026)',
      'Options paper <https://example.gov.uk/p>',
      '3 months: due 20 February 2027',
    ]);
    const results = section(doc, 'Results from outputs to impact').tables[0].rows;
    // Only outputs to impact: coverage, response rate, first response, mode mix (outputs), net sentiment (outtakes).
    expect(results.map((r) => r[1])).toEqual([
      'Participation coverage',
      'Response rate within the service level',
      'First-response time',
      'Engagement mode mix',
      'Net sentiment',
    ]);
  });

  it('says so when no objective was set', () => {
    const doc = composeImpactReport('snapshot', empty());
    expect(section(doc, 'Objectives').paragraphs[0]).toMatch(/^No objectives were set/);
    expect(section(doc, 'Policy-influence log').tables[0].rows).toEqual([]);
  });

  it('tells cases that worked and cases that did not, with their lessons', () => {
    const doc = composeImpactReport('full', busy());
    const cases = section(doc, 'Cases: what worked and what did not').paragraphs;
    expect(cases).toEqual([
      'What worked.',
      '“Appeal deadline?” (Mastodon, from 3 November 2026): we took part 2 times, first after 45 min; it was closed as answered. Outcome: Parent thanked us.',
      'What did not work.',
      // c2 was answered but has a lesson; c3 was declined.
      '“Meals at night” (Bluesky, from 4 November 2026): we took part once, first after 10 h; it was closed as answered. What did not work: Replies at night went unseen.',
      'A conversation (Mastodon, from 5 November 2026): we did not take part; we decided not to engage (abusive).',
    ]);
    const method = section(doc, 'Method');
    expect(method.tables.map((t) => t.rows)).toEqual([
      [['Education blog', 'Blog', '120']],
      [['Exams', '3', '2 November 2026']],
    ]);
    expect(method.paragraphs.at(-1)).toMatch(/^Gaps: these measures were not available for this report: /);
    // The full story carries the overview and the snapshot too.
    expect(doc.sections.map((s) => s.heading)).toContain('What did not work');
    expect(doc.sections.map((s) => s.heading)).toContain('Policy-influence log');
  });
});

describe('reportCsv', () => {
  it('starts with the filters and definitions version, then every table, formula-guarded', () => {
    const input = busy();
    input.records.lessons[0].text = '=HYPERLINK("http://evil")';
    const lines = [...reportCsv(composeImpactReport('full', input))].join('');
    const rows = lines.split('\r\n');
    expect(rows.slice(0, 5)).toEqual([
      '"Report","Impact report: the full story"',
      '"Department","Department for Education","dfe"',
      '"Period","1 November 2026 to 30 November 2026","2026-11-01","2026-12-01"',
      '"Level","full"',
      '"Definitions version","2026-12-01.1"',
    ]);
    expect(lines).toContain('"Table","metrics","Metrics"\r\n"Stage","Measure","Result","n"');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines).not.toMatch(/(^|,)"=/m);
  });
});
