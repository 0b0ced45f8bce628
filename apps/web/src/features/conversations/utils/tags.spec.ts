import type { ConversationTag } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { countByRoute, listSeparator, summariseRoutes, tagFor } from './tags';

const tag = (department: string, route: ConversationTag['route']): ConversationTag => ({
  opportunityId: `opportunity-${department}`,
  department,
  route,
  score: 50,
  routeReason: '',
  rules: [],
  signals: [],
  resources: [],
});

describe('tagFor', () => {
  const item = { tags: [tag('dft', 'pointer'), tag('dfe', 'clearance')] };
  it.each([
    ['dfe', 'clearance'],
    ['dft', 'pointer'],
    // Not tagged for the viewed department (an admin's mixed view): show the first tag rather than none.
    ['hmrc', 'pointer'],
  ])('%s → %s', (department, route) => expect(tagFor(item, department)?.route).toBe(route));

  it('is null for an untagged conversation', () => expect(tagFor({ tags: [] }, 'dft')).toBeNull());
});

describe('countByRoute', () => {
  it('counts each conversation once, for the viewed department, every route listed', () => {
    const items = [
      { tags: [tag('dft', 'pointer'), tag('dfe', 'clearance')] },
      { tags: [tag('dft', 'pointer')] },
      { tags: [tag('dft', 'press-office')] },
      { tags: [] },
    ];
    expect(countByRoute(items, 'dft')).toEqual([
      { Route: 'Public information', Conversations: 0 },
      { Route: 'Pointer', Conversations: 2 },
      { Route: 'Needs clearance', Conversations: 0 },
      { Route: 'Press office', Conversations: 1 },
      { Route: 'No action', Conversations: 0 },
    ]);
  });
});

describe('summariseRoutes', () => {
  it.each([
    [[], 'No conversations are shown, so there are no suggested routes to count.'],
    [[{ tags: [tag('dft', 'pointer')] }], 'Suggested routes for the 1 conversation shown: pointer (1).'],
    [
      [
        { tags: [tag('dft', 'pointer')] },
        { tags: [tag('dft', 'clearance')] },
        { tags: [tag('dft', 'clearance')] },
      ],
      'Suggested routes for the 3 conversations shown: needs clearance (2) and pointer (1).',
    ],
    [
      [
        { tags: [tag('dft', 'none')] },
        { tags: [tag('dft', 'public-info')] },
        { tags: [tag('dft', 'pointer')] },
      ],
      'Suggested routes for the 3 conversations shown: public information (1), pointer (1) and no action (1).',
    ],
  ])('%#', (items, expected) => expect(summariseRoutes(countByRoute(items, 'dft'))).toBe(expected));
});

describe('listSeparator', () => {
  it.each([
    [['student'], 'student'],
    [['student', 'loan'], 'student and loan'],
    [['Universal', 'Credit', 'payment'], 'Universal, Credit and payment'],
  ])('%j → %s', (words, expected) =>
    expect(words.map((w, i) => `${listSeparator(i, words.length)}${w}`).join('')).toBe(expected),
  );
});
