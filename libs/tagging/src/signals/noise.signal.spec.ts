import { describe, expect, it } from 'vitest';
import { findNoise, noiseSignal } from './noise.signal';
import { post, thread } from './thread.fixtures';

const of = (...texts: string[]) => thread(texts.map((t) => post(t)));

describe('noiseSignal', () => {
  it.each([
    [
      '🎉 GIVEAWAY 🎉 Win a free laptop for uni! Follow & retweet to enter',
      -60,
      'giveaway ("GIVEAWAY"); competition ("Win a free"); follow & retweet ("Follow & retweet")',
    ],
    ['Enter our competition for a chance to win tickets', -60, 'competition ("Enter our competition")'],
    ['Like and share for luck', -60, 'follow & retweet ("Like and share")'],
    ['Guaranteed returns on bitcoin, DM me for details', -60, 'crypto or money scam ("Guaranteed returns")'],
    ['Use code SAVE20 for 20% off textbooks', -60, 'promo code ("Use code SAVE20")'],
    ['see https://a.example https://b.example https://c.example', -40, 'many links ("3 links")'],
    ['WHY HAS NOBODY ANSWERED MY STUDENT LOAN QUESTION', -15, 'shouting ("mostly capitals")'],
    ['The Budget tax giveaway to landlords is a scandal', null, null],
    ['Will the Competition and Markets Authority look at this?', null, null],
    ['How do I win an appeal against my student finance decision?', null, null],
    ['New crypto regulation consultation from HM Treasury', null, null],
    ['DfE and HMRC and DWP all say different things', null, null],
  ])('%s → %s', (text, weight, detail) => {
    const signal = noiseSignal(findNoise(of(text)));
    expect(signal?.weight ?? null).toBe(weight);
    expect(signal?.detail ?? null).toBe(detail);
  });

  it('reports every pattern once, strongest first', () => {
    const finding = findNoise(of('GIVEAWAY!!! WIN A FREE LAPTOP, FOLLOW AND RETWEET https://x.example'));
    expect(finding?.hits.map((h) => h.name)).toEqual([
      'giveaway',
      'competition',
      'follow & retweet',
      'shouting',
    ]);
    expect(finding).toMatchObject({ weight: -60, spam: true, label: 'a giveaway' });
  });

  it.each([
    { name: 'spam opener', texts: ['Giveaway time! Like and share', 'How do I apply?'], noisy: true },
    {
      name: 'one spam reply under a real question',
      texts: ['How do I apply?', 'Giveaway!', 'Thanks'],
      noisy: false,
    },
    { name: 'mostly spam', texts: ['How do I apply?', 'Giveaway!', 'Use code WIN50 now'], noisy: true },
  ])('$name → noisy: $noisy', ({ texts, noisy }) => expect(findNoise(of(...texts)) !== null).toBe(noisy));

  it('does not call shouting spam', () => {
    expect(findNoise(of('WHY HAS NOBODY ANSWERED MY STUDENT LOAN QUESTION'))?.spam).toBe(false);
  });
});
