import { describe, expect, it } from 'vitest';
import { decideRoute } from './route-decision';

describe('decideRoute', () => {
  it.each([
    [
      'Where can I find the published guidance on term dates?',
      'Where can I find the published guidance on term dates?',
      'pointer',
    ],
    ['What is your view on the two-child limit? Do you support it?', 'Do you support it?', 'clearance'],
    [
      'When will the new childcare scheme be announced?',
      'When will the new childcare scheme be announced?',
      'press-office',
    ],
    [
      'Term dates for next year - when are they published?',
      'Term dates for next year - when are they published?',
      'pointer',
    ],
    ['GIVEAWAY! Win a prize draw for free passports', null, 'none'],
    ['The new guidance came out today.', null, 'none'],
  ])('%s → %s', (text, question, route) => expect(decideRoute(question, text).route).toBe(route));
});
