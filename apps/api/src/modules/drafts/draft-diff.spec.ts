import { describe, expect, it } from 'vitest';
import { wordDiff } from './draft-diff';

describe('wordDiff', () => {
  it.each([
    {
      name: 'nothing to something',
      before: '',
      after: 'Hello there',
      parts: [{ change: 'added', text: 'Hello there' }],
    },
    {
      name: 'the same text',
      before: 'Hello there',
      after: 'Hello there',
      parts: [{ change: 'same', text: 'Hello there' }],
    },
    {
      name: 'one word changed',
      before: 'The grant opens in spring',
      after: 'The grant opens in May',
      parts: [
        { change: 'same', text: 'The grant opens in ' },
        { change: 'removed', text: 'spring' },
        { change: 'added', text: 'May' },
      ],
    },
  ])('$name', ({ before, after, parts }) => {
    expect(wordDiff(before, after)).toEqual(parts);
  });
});
