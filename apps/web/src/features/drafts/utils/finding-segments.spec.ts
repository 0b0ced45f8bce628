import { describe, expect, it } from 'vitest';
import { findingSegments } from './finding-segments';

describe('findingSegments', () => {
  it.each([
    { name: 'no findings', text: 'Hello', findings: [], expected: [{ text: 'Hello', finding: null }] },
    {
      name: 'one in the middle',
      text: 'Email me at a@b.uk today',
      findings: [{ start: 12, end: 18 }],
      expected: [
        { text: 'Email me at ', finding: null },
        { text: 'a@b.uk', finding: 0 },
        { text: ' today', finding: null },
      ],
    },
    {
      name: 'overlapping: the first wins',
      text: 'abcdef',
      findings: [
        { start: 0, end: 4 },
        { start: 2, end: 6 },
      ],
      expected: [
        { text: 'abcd', finding: 0 },
        { text: 'ef', finding: null },
      ],
    },
    {
      name: 'out of range offsets are clipped',
      text: 'abc',
      findings: [{ start: 1, end: 10 }],
      expected: [
        { text: 'a', finding: null },
        { text: 'bc', finding: 0 },
      ],
    },
  ])('$name', ({ text, findings, expected }) => {
    expect(findingSegments(text, findings)).toEqual(expected);
  });
});
