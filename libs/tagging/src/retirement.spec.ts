import { describe, expect, it } from 'vitest';
import { retirementsOf } from './retirement';

const enabled = [
  { departmentId: 'dwp', key: 'uc' },
  { departmentId: 'dfe', key: 'loans' },
];

describe('retirementsOf', () => {
  it.each([
    {
      name: 'tagged again: stays live',
      live: [{ conversationId: '1', departmentId: 'dwp', rules: [{ key: 'uc' }] }],
      kept: [{ conversationId: '1', departmentId: 'dwp' }],
      reasons: [],
    },
    {
      name: 'its only rule was disabled',
      live: [{ conversationId: '1', departmentId: 'dwp', rules: [{ key: 'pip' }] }],
      kept: [],
      reasons: ['rule "pip" is no longer enabled'],
    },
    {
      name: 'its rule is enabled but no longer matches',
      live: [{ conversationId: '1', departmentId: 'dwp', rules: [{ key: 'uc' }] }],
      kept: [],
      reasons: ['rule "uc" no longer matches'],
    },
    {
      name: 'a rule of the same key in another department does not count',
      live: [{ conversationId: '1', departmentId: 'dfe', rules: [{ key: 'uc' }] }],
      kept: [{ conversationId: '1', departmentId: 'dwp' }],
      reasons: ['rule "uc" is no longer enabled'],
    },
    {
      name: 'each rule it rested on says why',
      live: [{ conversationId: '2', departmentId: 'dwp', rules: [{ key: 'uc' }, { key: 'pip' }] }],
      kept: [{ conversationId: '1', departmentId: 'dwp' }],
      reasons: ['rule "uc" no longer matches; rule "pip" is no longer enabled'],
    },
    {
      name: 'an own thread that no longer qualifies',
      live: [{ conversationId: '1', departmentId: 'dfe', rules: [] }],
      kept: [],
      reasons: ['no rule matches, and it is no longer a public reply to the department’s own post'],
    },
  ])('$name', ({ live, kept, reasons }) => {
    expect(retirementsOf(live, kept, enabled).map((r) => r.reason)).toEqual(reasons);
  });

  it('names the conversation and department it retires', () => {
    const live = [{ conversationId: '7', departmentId: 'dwp', rules: [{ key: 'uc' }] }];
    expect(retirementsOf(live, [], enabled)).toEqual([
      { conversationId: '7', departmentId: 'dwp', reason: 'rule "uc" no longer matches' },
    ]);
  });
});
