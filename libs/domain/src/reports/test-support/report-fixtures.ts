import type { ReportInput, ReportMetric } from '../inputs';

/** Hand-built report inputs for specs: a department with nothing in the window, and a busy month. */
export const metric = (over: Partial<ReportMetric>): ReportMetric => ({
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
export const empty = (): ReportInput => ({
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
export const busy = (): ReportInput => ({
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
      platform: 'mastodon',
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
      platform: 'bluesky',
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
      platform: 'mastodon',
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
    sources: [{ name: 'Education blog', platform: 'feed', opportunities: 120 }],
    rules: [{ name: 'Exams', version: 3, changedAt: new Date('2026-11-02T12:00:00Z') }],
  },
  spikes: [{ at: new Date('2026-11-03T14:00:00Z'), mentions: 96 }],
});
