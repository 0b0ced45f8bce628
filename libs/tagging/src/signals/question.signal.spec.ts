import { describe, expect, it } from 'vitest';
import { askedQuestion, isQuestion, questionSignal } from './question.signal';
import { DFE, hit, post, thread } from './thread.fixtures';

describe('isQuestion', () => {
  it.each([
    ['How much will I repay each month?', true],
    ['How do I apply for free school meals', true],
    ['Can anyone tell me the term dates', true],
    ['Does anyone know when the form closes', true],
    ['Is it true that the scheme is closing', true],
    ['What is the repayment threshold for Plan 2', true],
    ['Anyone know where the guidance is', true],
    ['When I applied they said no.', false],
    ['What a mess this is.', false],
    ['How dare they do this.', false],
    ['Why?', false],
    ['Really though?', false],
    ['The guidance came out today.', false],
  ])('%s → %s', (sentence, expected) => expect(isQuestion(sentence)).toBe(expected));
});

describe('questionSignal', () => {
  it.each([
    {
      name: 'no question',
      posts: [post('Loans are going up again.')],
      terms: ['loan'],
      detail: null,
      weight: null,
    },
    {
      name: 'prefers the question on the rule words',
      posts: [post('Anyone else tired? How much will I repay on my student loan each month?')],
      terms: ['student', 'loan'],
      detail: 'How much will I repay on my student loan each month?',
      weight: 25,
    },
    {
      name: 'an off-topic question counts less',
      posts: [post('Has anyone got a good recipe for flapjacks?')],
      terms: ['loan'],
      detail: 'Has anyone got a good recipe for flapjacks?',
      weight: 20,
    },
    {
      name: 'the title is a sentence too',
      posts: [post('Title says it all.', { title: 'Where do I find term dates?' })],
      terms: ['term'],
      detail: 'Where do I find term dates?',
      weight: 25,
    },
    {
      name: "the department's own questions do not count",
      posts: [post('Can we help with your application?', { byDepartmentId: DFE.id })],
      terms: ['applic'],
      detail: null,
      weight: null,
    },
  ])('$name', ({ posts, terms, detail, weight }) => {
    const signal = questionSignal(askedQuestion(thread(posts), [hit('rule', ...terms)]));
    expect(signal?.detail ?? null).toBe(detail);
    expect(signal?.weight ?? null).toBe(weight);
  });
});
