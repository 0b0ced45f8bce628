import { describe, expect, it } from 'vitest';
import {
  MATCH_WINDOW_MS,
  matchEngagements,
  textSimilarity,
  type DepartmentPost,
  type RecordedEngagement,
} from './engagement-match';

const at = new Date('2026-12-01T10:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

const recorded = (over: Partial<RecordedEngagement> = {}): RecordedEngagement => ({
  id: 'e1',
  departmentId: 'd1',
  conversationId: 'c1',
  platform: 'mastodon',
  accountHandle: 'dvsa',
  url: null,
  externalId: null,
  occurredAt: at,
  text: 'Hi, DVSA digital team here: you can change your driving test date on GOV.UK.',
  ...over,
});
const post = (over: Partial<DepartmentPost> = {}): DepartmentPost => ({
  id: 'p1',
  departmentId: 'd1',
  conversationId: 'c1',
  platform: 'mastodon',
  authorHandle: 'dvsa',
  url: 'https://social.example/@dvsa/111',
  externalId: '111',
  publishedAt: later(60_000),
  text: '@alex Hi, DVSA digital team here: you can change your driving test date on GOV.UK. https://gov.uk/x',
  ...over,
});

describe('matchEngagements', () => {
  it.each<[string, Partial<RecordedEngagement>, Partial<DepartmentPost>, boolean]>([
    ['the same URL', { url: 'https://social.example/@dvsa/111/', text: null }, {}, true],
    ['the same id on the platform', { externalId: '111', text: null }, {}, true],
    ['the same id on another platform', { externalId: '111', platform: 'bluesky', text: null }, {}, false],
    ['another URL, though the words match', { url: 'https://social.example/@dvsa/222' }, {}, false],
    ['account, time and words', {}, {}, true],
    ['the handle written @dvsa@social.example', { accountHandle: '@dvsa@social.example' }, {}, true],
    ['another account', { accountHandle: 'dft' }, {}, false],
    ['outside the time window', {}, { publishedAt: later(MATCH_WINDOW_MS + 60_000) }, false],
    ['different words', { text: 'Our offices are closed on Monday for the bank holiday.' }, {}, false],
    ['no text recorded and no URL', { text: null }, {}, false],
    ['another conversation', { conversationId: 'c2', url: 'https://social.example/@dvsa/111' }, {}, false],
    ['another department', { departmentId: 'd2', externalId: '111' }, {}, false],
  ])('%s → linked: %s', (_, e, p, linked) => {
    expect(matchEngagements([recorded(e)], [post(p)])).toEqual(
      linked ? [{ engagementId: 'e1', postId: 'p1' }] : [],
    );
  });

  it('links each post once and each engagement once, exact matches first', () => {
    const byText = recorded({ id: 'e-text' });
    const byUrl = recorded({ id: 'e-url', url: 'https://social.example/@dvsa/111' });
    const other = post({
      id: 'p2',
      url: 'https://social.example/@dvsa/112',
      externalId: '112',
      publishedAt: later(120_000),
    });
    expect(matchEngagements([byText, byUrl], [post(), other])).toEqual([
      { engagementId: 'e-url', postId: 'p1' },
      { engagementId: 'e-text', postId: 'p2' },
    ]);
  });

  it('picks the closest wording when two posts could be the one', () => {
    const close = post({ id: 'close' });
    const loose = post({
      id: 'loose',
      text: 'Hi, DVSA here: change your test on GOV.UK, driving date',
      url: null,
      externalId: '9',
    });
    expect(matchEngagements([recorded()], [loose, close])).toEqual([{ engagementId: 'e1', postId: 'close' }]);
  });
});

describe('textSimilarity', () => {
  it.each([
    [
      'same words, mentions and links added',
      'Book your test on GOV.UK',
      '@sam Book your test on GOV.UK https://x.y',
      1,
    ],
    ['nothing shared', 'Book your test', 'Offices closed Monday', 0],
    ['empty', '', 'Book your test', 0],
  ])('%s', (_, a, b, expected) => expect(textSimilarity(a, b)).toBeCloseTo(expected));
});
