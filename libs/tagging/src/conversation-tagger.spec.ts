import { describe, expect, it } from 'vitest';
import { tagConversation } from './conversation-tagger';
import { RuleMatcher } from './rule-matcher';
import { NOW } from './signals/thread.fixtures';
import { ASKS_FOR_TRAVEL_ADVICE, FCDO, moroccoTripReport } from './signals/travel-forum.fixtures';

const posts = moroccoTripReport.posts.map(({ byDepartmentId: _, ...post }) => post);
const matcher = new RuleMatcher([
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
    const [opportunity] = tagConversation(posts, matcher, [FCDO], [], NOW).opportunities;
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
