import { describe, expect, it } from 'vitest';
import { findNoise } from './noise.signal';
import { askedQuestion } from './question.signal';
import type { RankedResource } from './resource-match.signal';
import { routeThread, type RouteInput } from './route';
import { summariseSentiment } from './sentiment.signal';
import { textOf } from './thread-facts';
import { post, thread } from './thread.fixtures';

const resource = (similarity: number): RankedResource => ({
  title: 'Repaying your student loan',
  url: 'https://www.gov.uk/repaying-your-student-loan',
  similarity,
});

/** Builds the route's input the way tagThread does, from the public posts' text. */
const input = (texts: string[], best: RankedResource | null = null): RouteInput => {
  const facts = thread(texts.map((t) => post(t)));
  return {
    text: textOf(facts.posts),
    question: askedQuestion(facts, [])?.sentence ?? null,
    best,
    noise: findNoise(facts),
    sentiment: summariseSentiment(facts),
  };
};

describe('routeThread', () => {
  it.each([
    // The cases the issue names.
    [
      'where to find published guidance',
      ['Where can I find the published guidance on term dates?'],
      null,
      'pointer',
    ],
    [
      'view on a contested policy',
      ['What is your view on the two-child limit? Do you support it?'],
      null,
      'clearance',
    ],
    [
      'when a new scheme will be announced',
      ['When will the new childcare scheme be announced?'],
      null,
      'press-office',
    ],
    ['a giveaway', ['GIVEAWAY! Win a free iPad. Follow & retweet to enter'], null, 'none'],
    [
      'answered on a matching GOV.UK page',
      ['How much will I repay on my student loan each month?'],
      resource(0.45),
      'public-info',
    ],
    // Announcement territory.
    [
      'is it true that the government will',
      ['Is it true that the government will scrap tuition fees?'],
      null,
      'press-office',
    ],
    [
      'when will it be confirmed',
      ['When are they going to confirm the new funding rates?'],
      null,
      'press-office',
    ],
    ['rumours', ['Heard rumours that the scheme is being cut. Anyone know more?'], null, 'press-office'],
    // A view, new guidance, or a heated policy argument.
    ['why does the government', ['Why does the government keep the two-child limit?'], null, 'clearance'],
    ['should the government', ['Should the government cap rents for students?'], null, 'clearance'],
    [
      'asks for new guidance',
      ['Schools need to publish clearer guidance on phones. Will there be new guidance?'],
      null,
      'clearance',
    ],
    [
      'a heated argument with no question',
      [
        'The two-child limit is a cruel policy.',
        'Disgusting and shameful, kids are hungry.',
        'Awful policy.',
      ],
      null,
      'clearance',
    ],
    [
      'a heated thread with a publicly answered question',
      ['This policy is cruel and awful.', 'Terrible. How much will I repay on my student loan?'],
      resource(0.4),
      'public-info',
    ],
    // Questions and resources.
    ['where to find, with a strong match', ['Where can I find how much I repay?'], resource(0.6), 'pointer'],
    ['a moderate match', ['How does interest work on my student loan?'], resource(0.2), 'pointer'],
    [
      'a weak match is not an answer',
      ['How does interest work on my student loan?'],
      resource(0.05),
      'clearance',
    ],
    ['a question with no resource', ['How are academies funded for SEND pupils?'], null, 'clearance'],
    // Nothing to do.
    ['no question asked', ['The new guidance came out today.'], null, 'none'],
    ['shouting is not spam', ['WHY HAS NOBODY ANSWERED MY STUDENT LOAN QUESTION'], resource(0.2), 'pointer'],
  ])('%s → %s', (_name, texts, best, route) => expect(routeThread(input(texts, best)).route).toBe(route));

  it.each([
    ['When will I get confirmation of my place?', 'unanswered-question'],
    ['Should you need help, the form is on page 2. How do I send it?', 'unanswered-question'],
    ['Will there be a tax giveaway in the Budget?', 'unanswered-question'],
    ['Is there a link to the form?', 'where-to-find'],
  ])('does not over-read "%s" (%s)', (text, rule) => expect(routeThread(input([text])).rule).toBe(rule));

  it.each([
    [input(['GIVEAWAY! Follow & retweet']), 'looks like a giveaway: no action'],
    [
      input(['How much will I repay?'], resource(0.45)),
      'the answer is already public: share "Repaying your student loan" (gov.uk/repaying-your-student-loan)',
    ],
    [
      input(['Where can I find the term dates?']),
      'asks where to find published material: point to where it is published',
    ],
    [input(['Nice day.']), 'no question asked: keep listening'],
  ])('gives a one-line reason: %#', (routeInput, reason) =>
    expect(routeThread(routeInput).reason).toBe(reason),
  );
});
