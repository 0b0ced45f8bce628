import { describe, expect, it } from 'vitest';
import { explainAlert, hashtagsOf, type EvidencePost } from './explanation';

const terms = (...keys: string[]) => keys.map((k) => ({ key: k, text: k }));
const post = (id: number, text: string, keys: string[], extra: Partial<EvidencePost> = {}): EvidencePost => ({
  id: String(id),
  conversationId: String(id),
  url: null,
  author: `author${id}`,
  sourceName: 'Forum',
  platform: 'web',
  text,
  publishedAt: new Date(Date.UTC(2026, 10, 25, 10, id)),
  replies: 0,
  shares: 0,
  terms: terms(...keys),
  ...extra,
});
const judgement = {
  window: 'hour' as const,
  observed: 30,
  expected: 5,
  threshold: 9,
  spread: 2,
  n: 30,
  baselineN: 60,
  expectedEvent: null,
};

describe('explainAlert', () => {
  const window = [
    ...Array.from({ length: 8 }, (_, i) =>
      post(i, 'Water bills are up again #WaterBills', ['water', 'bill', 'water bill']),
    ),
    post(20, 'Anyone know about exam results? Email me at jo@example.com', ['exam', 'result'], {
      replies: 40,
      shares: 3,
      sourceName: 'Mastodon',
      platform: 'mastodon',
    }),
  ];
  const baseline = Array.from({ length: 40 }, (_, i) => ({
    text: 'Exam results day',
    terms: terms('exam', 'result', ...(i === 0 ? ['water'] : [])),
  }));
  const explanation = explainAlert({
    kind: 'spike',
    subject: 'Department for Education',
    judgement,
    window,
    baseline,
    newParticipantsShare: 0.75,
    partners: [],
    classifierAccuracy: null,
  });

  it('names the terms and hashtags the window uses far more than the baseline', () => {
    // The phrase says what its words would, in as many posts: they are not listed again.
    expect(explanation.terms).toEqual([{ term: 'water bill', count: 8, baselineCount: 0 }]);
    expect(explanation.hashtags).toEqual([{ tag: '#waterbills', count: 8 }]);
  });

  it('lists sources, and the most replied-to posts first with personal data taken out', () => {
    expect(explanation.sources).toEqual([
      { name: 'Forum', platform: 'web', posts: 8 },
      { name: 'Mastodon', platform: 'mastodon', posts: 1 },
    ]);
    expect(explanation.posts[0].id).toBe('20');
    expect(explanation.posts[0].excerpt).not.toContain('jo@example.com');
    expect(explanation.posts).toHaveLength(5);
  });

  it('says it in words', () => {
    expect(explanation.summary).toBe(
      'Mentions of Department for Education reached 30 an hour in the last hour (6 times the usual), against 5 ' +
        'expected from the 12 hours before and a bar of 9 (30 posts). It comes from 2 sources on 2 platforms, most ' +
        'from Forum.',
    );
  });

  it('states the classifier’s accuracy for a sentiment turn', () => {
    const turn = explainAlert({
      kind: 'sentiment',
      subject: 'Department for Education',
      judgement: { ...judgement, window: 'day', observed: -35, expected: 5, threshold: -15, spread: 40 },
      window,
      baseline,
      newParticipantsShare: null,
      partners: [],
      classifierAccuracy: 0.78,
    });
    expect(turn.summary).toContain('fell to -35 over the last 24 hours');
    expect(turn.summary).toContain('agreed with people on 78%');
    expect(turn.classifierAccuracy).toBe(0.78);
  });
});

describe('hashtagsOf', () => {
  it('finds each hashtag once, in lower case, and not inside words or links', () => {
    expect(
      hashtagsOf('#BoycottTesco now #boycotttesco and #Fair_Pay, not a#b or https://x.org/#frag'),
    ).toEqual(['#boycotttesco', '#fair_pay']);
  });
});
