import { describe, expect, it } from 'vitest';
import { firstResponse } from './engagement';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));

describe('firstResponse', () => {
  it.each([
    { name: 'no posts', posts: [], expected: null },
    { name: 'only public posts', posts: [{ publishedAt: at(0), byDepartment: false }], expected: null },
    {
      name: 'department replies 30 minutes after the first public post',
      posts: [
        { publishedAt: at(0), byDepartment: false },
        { publishedAt: at(10), byDepartment: false },
        { publishedAt: at(30), byDepartment: true },
      ],
      expected: 1800,
    },
    {
      name: 'department started the thread: counts from the first public reply',
      posts: [
        { publishedAt: at(0), byDepartment: true },
        { publishedAt: at(5), byDepartment: false },
        { publishedAt: at(20), byDepartment: true },
      ],
      expected: 900,
    },
    {
      name: 'department started the thread and never answered the reply',
      posts: [
        { publishedAt: at(0), byDepartment: true },
        { publishedAt: at(5), byDepartment: false },
      ],
      expected: null,
    },
  ])('$name', ({ posts, expected }) => {
    expect(firstResponse(posts)?.firstResponseSeconds ?? null).toBe(expected);
  });
});
