import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { recordFailure } from './record-failure';

describe('recordFailure', () => {
  it('puts nested problems on their fields and links the summary to this form’s own ids', () => {
    const { errorOf, summary } = recordFailure(
      new ApiError(400, 'invalid', 'The entry has 2 problems', [
        { path: 'evidence[1].url', message: 'the evidence link must be an http(s) address' },
        { path: 'level', message: 'the level is 0 (none) …' },
      ]),
      'influence-new-e1',
      ['level', 'note', 'evidence[0].url', 'evidence[1].url'],
    );
    expect(errorOf('evidence[1].url')).toBe('The evidence link must be an http(s) address');
    expect(errorOf('note')).toBeUndefined();
    // The summary follows the form's order, not the api's.
    expect(summary).toEqual([
      { text: 'The level is 0 (none) …', href: '#influence-new-e1-level' },
      { text: 'The evidence link must be an http(s) address', href: '#influence-new-e1-evidence[1].url' },
    ]);
  });

  it('says a refusal with no field once, unlinked', () =>
    expect(
      recordFailure(
        new ApiError(400, 'invalid', 'Conversation 99 is not one of the department’s'),
        'lesson-new',
        ['text'],
      ).summary,
    ).toEqual([{ text: 'Conversation 99 is not one of the department’s' }]));

  it('has nothing to say before a failure', () =>
    expect(recordFailure(null, 'cost-new', ['from']).summary).toEqual([]));
});
