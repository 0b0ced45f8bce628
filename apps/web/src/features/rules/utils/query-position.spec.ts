import { describe, expect, it } from 'vitest';
import { caretSnippet, positionInMessage } from './query-position';

describe('positionInMessage', () => {
  it.each([
    ['at position 12: expected a closing ")" for the "(" at position 5', 12],
    ['expected a closing ")" for the "(" at position 5', 5],
    ['unexpected ")" at position 4: there is no "(" for it to close', 4],
    ['expected a closing " for the phrase that starts at position 0', 0],
    ['Position 7: a prefix needs at least 3 letters before *', 7],
    ['the query is too deep (more than 10 levels)', null],
    ['positional nonsense 12', null],
    ['', null],
  ])('%j → %s', (message, expected) => expect(positionInMessage(message)).toBe(expected));
});

describe('caretSnippet', () => {
  it.each([
    {
      name: 'middle of a one-line query',
      query: 'loan (tax OR debt',
      position: 5,
      expected: { line: 'loan (tax OR debt', column: 5, lineNumber: 1, before: false, after: false },
    },
    {
      name: 'the end of the query (a missing closing bracket)',
      query: 'loan (tax',
      position: 9,
      expected: { line: 'loan (tax', column: 9, lineNumber: 1, before: false, after: false },
    },
    {
      name: 'a position past the end is held at the end',
      query: 'loan',
      position: 40,
      expected: { line: 'loan', column: 4, lineNumber: 1, before: false, after: false },
    },
    {
      name: 'the second line of a multi-line query',
      query: 'loan\nAND (debt',
      position: 9,
      expected: { line: 'AND (debt', column: 4, lineNumber: 2, before: false, after: false },
    },
    {
      name: 'tabs are shown as single spaces so the caret stays in its column',
      query: 'a\t\t)',
      position: 3,
      expected: { line: 'a  )', column: 3, lineNumber: 1, before: false, after: false },
    },
    {
      name: 'an emoji counts as one column',
      query: '😀 loan)',
      position: 7,
      expected: { line: '😀 loan)', column: 6, lineNumber: 1, before: false, after: false },
    },
  ])('$name', ({ query, position, expected }) => expect(caretSnippet(query, position)).toEqual(expected));

  it('shortens a long line around the problem, keeping the caret under it', () => {
    const query = `${'a '.repeat(100)})${' b'.repeat(100)}`;
    const snippet = caretSnippet(query, 200, 20);
    expect(snippet.line).toHaveLength(20);
    expect(snippet.line[snippet.column]).toBe(')');
    expect(snippet).toMatchObject({ before: true, after: true });
  });

  it('does not shorten the start of a line when the problem is near it', () => {
    const snippet = caretSnippet(`(${'x'.repeat(100)}`, 0, 20);
    expect(snippet).toMatchObject({ column: 0, before: false, after: true });
    expect(snippet.line).toBe(`(${'x'.repeat(19)}`);
  });
});
