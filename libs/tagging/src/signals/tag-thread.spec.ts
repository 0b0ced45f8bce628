import { describe, expect, it } from 'vitest';
import { tagThread } from './tag-thread';
import { DFE, DWP, hit, hoursAgo, post, thread } from './thread.fixtures';

const studentLoanQuestion = thread([
  post(
    "I've just started my first job on £27k. How much will I repay on my student loan each month? I'm on Plan 2 and confused about the threshold.",
    { title: 'Student loan repayment question', authorHandle: 'grad2024', publishedAt: hoursAgo(3) },
  ),
  post("It's 9% of whatever you earn over the threshold, comes out through PAYE.", {
    authorHandle: 'oldhand',
    publishedAt: hoursAgo(2),
  }),
  post('Thanks! So my employer sorts it out automatically?', {
    authorHandle: 'grad2024',
    publishedAt: hoursAgo(1),
  }),
]);

const twoChildArgument = thread(
  [
    [
      'The two-child limit is cruel and pushes children into poverty. Why does the government keep defending it? @dwpgovuk',
      20,
      85_000,
    ],
    ['Disgraceful. Kids are going hungry because of this policy.', 5, 300],
    ["Scrap it now. Shameful that DWP won't even answer.", 4, null],
    ['My sister lost £3,000 a year because of the limit. Awful.', 3, 1_200],
    ['Absolute cruelty. Ministers should be ashamed.', 2, null],
    ['It is a fair policy, people should only have the kids they can afford.', 1, 40],
    ['Terrible policy. Worst decision in years.', 0.5, null],
  ].map(([text, age, followers], i) =>
    post(text as string, {
      platform: 'bluesky',
      authorHandle: `voice${i}.bsky.social`,
      publishedAt: hoursAgo(age as number),
      authorFollowers: followers as number | null,
    }),
  ),
);

const giveaway = thread([
  post('🎉 GIVEAWAY 🎉 Win a free laptop for uni! Follow & retweet to enter. #studentfinance #studentloan', {
    platform: 'mastodon',
    authorHandle: 'dealz',
    authorFollowers: 52_000,
    publishedAt: hoursAgo(0.5),
  }),
]);

const answeredByDepartment = thread([
  post("Where can I find the term dates for 2025-26? My son's school website has nothing.", {
    authorHandle: 'parent',
    publishedAt: hoursAgo(8),
  }),
  post(
    'Term dates are set by your local council or academy trust: https://www.gov.uk/school-term-holiday-dates',
    {
      authorHandle: 'educationgovuk',
      byDepartmentId: DFE.id,
      publishedAt: hoursAgo(7),
    },
  ),
]);

const kinds = (result: ReturnType<typeof tagThread>) => result.signals.map((s) => s.kind);

describe('tagThread', () => {
  it('a student-loan question a GOV.UK page answers → public-info, with the page suggested', () => {
    const result = tagThread(studentLoanQuestion, DFE, [hit('student-loans', 'student', 'loan')]);
    expect(result.route).toBe('public-info');
    expect(result.routeReason).toBe(
      'the answer is already public: share "Repaying your student loan" (gov.uk/repaying-your-student-loan)',
    );
    expect(result.resources[0]).toMatchObject({ url: 'https://www.gov.uk/repaying-your-student-loan' });
    expect(result.resources.length).toBeLessThanOrEqual(3);
    expect(kinds(result)).toEqual(['rule', 'question', 'resource-match', 'recency']);
    expect(result.signals[1].detail).toBe('How much will I repay on my student loan each month?');
    expect(result.score).toBe(32 + 25 + 15 + 10);
  });

  it('a heated two-child-limit argument → clearance, scored up by anger, reach and pace', () => {
    const result = tagThread(twoChildArgument, DWP, [hit('two-child-limit', 'two', 'child', 'limit')]);
    expect(result.route).toBe('clearance');
    expect(result.routeReason).toBe(
      "asks for the department's view: check with policy and comms officials first",
    );
    expect(kinds(result)).toEqual([
      'rule',
      'question',
      'mention',
      'velocity',
      'participants',
      'sentiment',
      'reach',
      'recency',
    ]);
    expect(result.signals.find((s) => s.kind === 'mention')?.detail).toBe('names "DWP"; addresses @dwpgovuk');
    expect(result.signals.find((s) => s.kind === 'sentiment')?.detail).toMatch(/^\d of 7 posts negative/);
    expect(result.score).toBe(100);
  });

  it('a giveaway → none, score 0, whatever else it has going for it', () => {
    const result = tagThread(giveaway, DFE, [hit('student-loans', 'student', 'loan')]);
    expect(result).toMatchObject({
      route: 'none',
      routeReason: 'looks like a giveaway: no action',
      score: 0,
    });
    expect(result.signals.find((s) => s.kind === 'noise')?.weight).toBe(-60);
  });

  it('a thread the department has answered → still a pointer, scored down', () => {
    const result = tagThread(answeredByDepartment, DFE, [hit('term-dates', 'term', 'date')]);
    expect(result.route).toBe('pointer');
    expect(result.routeReason).toBe(
      'asks where to find published material: point to "School term and holiday dates" (gov.uk/school-term-holiday-dates)',
    );
    expect(result.signals.find((s) => s.kind === 'already-engaged')).toEqual({
      kind: 'already-engaged',
      detail:
        'Department for Education has replied; first reply 1 h after the first public post; nothing since',
      weight: -20,
    });
    expect(result.score).toBe(30 + 2 + 25 + 15 + 5 - 20);
  });

  it('is deterministic', () => {
    const hits = [hit('two-child-limit', 'two', 'child', 'limit')];
    expect(tagThread(twoChildArgument, DWP, hits)).toEqual(tagThread(twoChildArgument, DWP, hits));
  });
});
