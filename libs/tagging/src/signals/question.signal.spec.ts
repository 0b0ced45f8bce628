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
    // Statements that open like questions: the subject comes before the verb, or the clause is what they describe.
    ['What I would have liked to see is a clear date for the new forms.', false],
    ['What I would have liked to see is clearer guidance', false],
    ['What was really annoying was the six-week wait.', false],
    ['When I rang them the line was engaged.', false],
    ['How it works is explained on the council website.', false],
    // Rhetorical: asked for effect.
    ['How dare they do this to families?', false],
    ['Who cares what the minister thinks?', false],
    ['Are you kidding me with these fees?', false],
    // A "?" that belongs to a quotation or a link does not make the sentence a question.
    ['My daughter asked "is it worth renewing early?" and I had no idea.', false],
    ['The fees are at https://www.gov.uk/passport-fees?ref=home for anyone curious.', false],
    // Real questions, direct and indirect.
    ['What is needed to renew a child passport?', true],
    ['What would I need to bring to the appointment', true],
    ['Where can I find the travel advice for Morocco?', true],
    ['Can I apply online (I live abroad)?', true],
    ['I was wondering whether I can renew from abroad.', true],
    ["I'd like to know how long renewals are taking", true],
    ['Any advice on renewing a passport from Spain', true],
    ['Hi all, can anyone tell me when the form closes', true],
    ['So how do I get a refund', true],
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
      name: 'a sentence that only opens like a question is not one',
      posts: [
        post(
          'What I would have liked to see is a proper timetable for the student loan changes. Where do I check my loan balance?',
        ),
      ],
      terms: ['student', 'loan'],
      detail: 'Where do I check my loan balance?',
      weight: 25,
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
