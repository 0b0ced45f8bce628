import { SOURCE_TYPES } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { isPullSourceType, pullConnectorFor } from './index';

describe('pullConnectorFor', () => {
  it('has a connector for every polled source type and none for feeds or Bluesky', () => {
    const polled = SOURCE_TYPES.filter(isPullSourceType);
    expect(polled).toEqual(['mastodon', 'discourse', 'hackernews', 'reddit']);
    for (const type of polled) expect(typeof pullConnectorFor(type).poll).toBe('function');
  });
});
