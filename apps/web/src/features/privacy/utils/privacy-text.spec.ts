import { describe, expect, it } from 'vitest';
import { foundText, lastRunText, retentionText } from './privacy-text';

describe('privacy words', () => {
  it('says what a retention setting does', () => {
    expect(retentionText({ days: 1, action: 'delete' })).toBe('Kept for 1 day, then deleted');
    expect(retentionText(null)).toBe('Kept until removed by hand');
  });

  it('says what a search found, and nothing when nothing was', () => {
    const none = {
      posts: 0,
      held: 0,
      retired: 0,
      sources: [],
      conversations: 0,
      engagements: 0,
      flaggedAuthors: 0,
      themeExcerpts: 0,
    };
    expect(foundText(none)).toEqual([]);
    expect(foundText({ ...none, posts: 3, sources: ['forum', 'social'], conversations: 1, held: 1 })).toEqual(
      ['3 posts on forum, social, in 1 conversation', '1 post is under a legal hold and will be kept'],
    );
  });

  it('says what the last run did', () => {
    const run = {
      startedAt: '',
      finishedAt: 'x',
      pseudonymised: 2,
      deleted: 0,
      held: 1,
      more: true,
      error: null,
    };
    expect(lastRunText(run)).toBe(
      '2 posts pseudonymised and 0 posts deleted. 1 post past its period is kept under a legal hold. More are due: the next run carries on.',
    );
    expect(lastRunText(null)).toBe('The retention job has not run yet.');
  });
});
