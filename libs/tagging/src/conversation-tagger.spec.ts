import { describe, expect, it } from 'vitest';
import { tagConversation, type TaggablePost } from './conversation-tagger';
import { RuleMatcher } from './rule-matcher';
import { DFE, DWP, NOW, hoursAgo } from './signals/thread.fixtures';
import { ASKS_FOR_TRAVEL_ADVICE, FCDO, moroccoTripReport } from './signals/travel-forum.fixtures';

const posts = moroccoTripReport.posts.map(({ byDepartmentId: _, ...post }) => post);
const travelMatcher = new RuleMatcher([
  {
    id: 'r1',
    key: 'travel-advice',
    version: 3,
    query: '"travel advice"',
    departmentId: FCDO.id,
    department: FCDO.key,
  },
]);

describe('tagConversation', () => {
  it('judges a long thread on the comment the rule matched', () => {
    const [opportunity] = tagConversation(posts, travelMatcher, [FCDO], [], NOW).opportunities;
    expect(opportunity).toMatchObject({
      departmentId: FCDO.id,
      route: 'pointer',
      rules: [{ key: 'travel-advice', version: 3 }],
      resources: [expect.objectContaining({ url: 'https://www.gov.uk/foreign-travel-advice' })],
    });
    expect(opportunity.signals.find((s) => s.kind === 'rule')?.detail).toBe('travel-advice (travel advice)');
    expect(opportunity.signals.find((s) => s.kind === 'question')?.detail).toBe(
      ASKS_FOR_TRAVEL_ADVICE.text.slice(ASKS_FOR_TRAVEL_ADVICE.text.indexOf('Where')),
    );
  });
});

const matcher = new RuleMatcher([
  { id: 'r1', key: 'loans', version: 1, query: 'student loan', departmentId: DFE.id, department: 'dfe' },
]);
const accounts = [{ departmentId: DFE.id, platform: 'web', handle: 'Education team', site: null }];

let nextId = 0;
const post = (text: string, author: string, hours: number, isRoot = false): TaggablePost => ({
  id: String(++nextId),
  platform: 'web',
  url: null,
  authorName: author,
  authorHandle: author,
  title: null,
  text,
  publishedAt: hoursAgo(hours),
  authorFollowers: null,
  isRoot,
});

const tag = (posts: TaggablePost[]) =>
  tagConversation(posts, matcher, [DFE, DWP], accounts, NOW).opportunities;

describe('tagConversation: threads a department started', () => {
  it.each([
    {
      name: 'the public replies, no rule matches: the department still has it',
      posts: [
        post('Exam results day: what to expect', 'Education team', 6, true),
        post('Can my son appeal a grade?', 'Priya', 5),
      ],
      departments: ['dfe-id'],
      rules: [[]],
    },
    {
      name: 'nobody has replied yet: nothing to do',
      posts: [post('Exam results day: what to expect', 'Education team', 6, true)],
      departments: [],
      rules: [],
    },
    {
      name: 'a reply that also matches a rule: one opportunity, with the rule',
      posts: [
        post('Exam results day', 'Education team', 6, true),
        post('Does my student loan change?', 'Priya', 5),
      ],
      departments: ['dfe-id'],
      rules: [['loans']],
    },
    {
      name: 'the department replying in a public thread is not starting it',
      posts: [post('Is results day on Thursday?', 'Priya', 6, true), post('Yes.', 'Education team', 5)],
      departments: [],
      rules: [],
    },
  ])('$name', ({ posts, departments, rules }) => {
    const opportunities = tag(posts);
    expect(opportunities.map((o) => o.departmentId)).toEqual(departments);
    expect(opportunities.map((o) => o.rules.map((r) => r.key))).toEqual(rules);
    for (const o of opportunities) expect(o.signals.map((s) => s.kind)).toContain('own-thread');
  });

  it('starts the first-response clock at the first public reply, not at the department’s post', () => {
    const [opportunity] = tag([
      post('Exam results day: what to expect', 'Education team', 6, true),
      post('Can my son appeal a grade?', 'Priya', 5),
      post('Yes: his school can ask for a review.', 'Education team', 3),
      post('Thanks!', 'Priya', 2),
    ]);
    expect(opportunity.firstPublicPostAt).toEqual(hoursAgo(5));
    expect(opportunity.engagement).toEqual({ firstResponseAt: hoursAgo(3), firstResponseSeconds: 7200 });
  });

  it('starts it at the first public post in a thread the public started', () => {
    const [opportunity] = tag([post('Where is my student loan statement?', 'Priya', 4, true)]);
    expect(opportunity.firstPublicPostAt).toEqual(hoursAgo(4));
    expect(opportunity.engagement).toBeNull();
  });
});
