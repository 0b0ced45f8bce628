import { describe, expect, it } from 'vitest';
import { analysePosts, evidenceFor, wordsAsWritten } from './evidence';
import { tagThread } from './tag-thread';
import { post, thread } from './thread.fixtures';
import { ASKS_FOR_TRAVEL_ADVICE, FCDO, TRAVEL_ADVICE_HIT, moroccoTripReport } from './travel-forum.fixtures';

describe('a long forum thread where one comment asks for what the department publishes', () => {
  const result = tagThread(moroccoTripReport, FCDO, [TRAVEL_ADVICE_HIT]);

  it('suggests the travel-advice page, judged on the comment rather than the whole thread', () => {
    expect(result.resources[0]).toMatchObject({ url: 'https://www.gov.uk/foreign-travel-advice' });
    expect(result.signals.find((s) => s.kind === 'resource-match')?.detail).toMatch(
      /^"Foreign travel advice" \(gov\.uk\/foreign-travel-advice\)/,
    );
  });

  it('routes it as a pointer to that page, whatever else the thread argues about', () => {
    expect(result.route).toBe('pointer');
    expect(result.routeReason).toBe(
      'asks where to find published material: point to "Foreign travel advice" (gov.uk/foreign-travel-advice)',
    );
  });

  it("takes the comment's question, not a statement that opens like one", () => {
    expect(result.signals.find((s) => s.kind === 'question')?.detail).toBe(
      'Where can I find the official travel advice for Morocco before we book anything?',
    );
  });

  it('shows the matched words as the comment wrote them', () => {
    expect(result.signals.find((s) => s.kind === 'rule')?.detail).toBe('travel-advice (travel advice)');
  });
});

describe('evidenceFor', () => {
  const posts = ['one', 'two', 'three', 'four', 'five'].map((text) => post(text));
  const facts = thread([...posts, post('by the department', { byDepartmentId: 'd' })]);
  const analysed = analysePosts(facts);
  const ids = (list: { post: { text: string } }[]) => list.map((p) => p.post.text);

  it.each([
    {
      name: 'posts not known: every public post',
      matched: [],
      want: [[...'one two three four five'.split(' ')], []],
    },
    { name: 'the first post, and the one after it', matched: [0], want: [['one'], ['two']] },
    { name: 'a middle post, and the posts either side', matched: [2], want: [['three'], ['two', 'four']] },
    {
      name: 'two neighbours share their context',
      matched: [1, 2],
      want: [
        ['two', 'three'],
        ['one', 'four'],
      ],
    },
  ])('$name', ({ matched, want }) => {
    const evidence = evidenceFor(analysed, [
      { key: 'r', version: 1, matchedTerms: [], postIds: matched.map((i) => posts[i].id) },
    ]);
    expect([ids(evidence.matched), ids(evidence.context)]).toEqual(want);
  });

  it("never counts the department's own posts", () => {
    expect(analysed.map((p) => p.post.text)).not.toContain('by the department');
  });
});

describe('wordsAsWritten', () => {
  const hitOn = (terms: string[], ...texts: string[]) => {
    const posts = texts.map((text) => post(text));
    const evidence = evidenceFor(analysePosts(thread(posts)), []);
    return wordsAsWritten({ key: 'r', version: 1, matchedTerms: terms, postIds: [] }, evidence);
  };

  it.each([
    {
      name: 'every way the posts wrote a term, so the thread can mark them all',
      terms: ['passport', 'renew'],
      texts: ['Renewing my passport from Spain.', 'Is passport renewal slower than last year? Renewing now.'],
      want: ['passport', 'Renewing', 'renewal'],
    },
    {
      name: 'the case a word has inside a sentence',
      terms: ['term', 'date'],
      texts: ['Term dates for next year', 'When are the term dates published?'],
      want: ['term', 'dates'],
    },
    {
      name: 'at most three forms of one term',
      terms: ['renew'],
      texts: ['renew renewed renewing renews'],
      want: ['renew', 'renewed', 'renewing'],
    },
    {
      name: 'a term that is not words stays as it is',
      terms: ['#drivingtest'],
      texts: ['#DrivingTest'],
      want: ['#drivingtest'],
    },
  ])('$name', ({ terms, texts, want }) => expect(hitOn(terms, ...texts)).toEqual(want));
});

it('the travel fixture asks its question in one comment only', () => {
  expect(moroccoTripReport.posts.filter((p) => /travel advice/i.test(p.text))).toEqual([
    ASKS_FOR_TRAVEL_ADVICE,
  ]);
});
