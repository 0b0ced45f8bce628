import { describe, expect, it } from 'vitest';
import { sentimentSignal, summariseSentiment } from './sentiment.signal';
import { DFE, post, thread } from './thread.fixtures';

const of = (...texts: string[]) => thread(texts.map((t) => post(t)));

describe('sentimentSignal', () => {
  it.each([
    { name: 'no posts', facts: of(), weight: null, detail: null },
    {
      name: 'friendly',
      facts: of('Thanks, that was really helpful!', 'Great news'),
      weight: null,
      detail: null,
    },
    {
      name: 'mostly negative',
      facts: of(
        'This policy is cruel and unfair.',
        'Awful. Children are suffering.',
        'Terrible decision, shameful.',
        'The guidance is on the website.',
      ),
      weight: 10,
      detail: /^3 of 4 posts negative$/,
    },
    {
      name: 'one negative post',
      facts: of('This is cruel, unfair and shameful.'),
      weight: 10,
      detail: /^the post is negative$/,
    },
    {
      // One mild word in a long, neutral question (AFINN: "wrong" −2 over 50 words) is within the neutral band.
      name: 'a neutral question with one mild word',
      facts: of(
        'My son graduated in 2023 and started his first full-time job in September. His payslip shows student ' +
          'loan repayments but he earns under the threshold for his plan. Is something wrong with his tax code, ' +
          'and how does he get the money back?',
      ),
      weight: null,
      detail: null,
    },
    {
      name: 'some negative',
      facts: of('I am worried about the change.', 'It is on the website.', 'Page 3 has it.', 'Ok.'),
      weight: 5,
      detail: /^1 of 4 posts negative/,
    },
  ])('$name → $weight', ({ facts, weight, detail }) => {
    const signal = sentimentSignal(summariseSentiment(facts));
    expect(signal?.weight ?? null).toBe(weight);
    if (detail) expect(signal?.detail).toMatch(detail);
  });

  it("reads only the public's posts", () => {
    const facts = thread([
      post('Happy to help!'),
      post('This is awful and cruel.', { byDepartmentId: DFE.id }),
    ]);
    expect(summariseSentiment(facts)).toMatchObject({ posts: 1, negative: 0 });
  });
});
