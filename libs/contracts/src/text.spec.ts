import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemsOf } from './problems';
import { characterProblem, interval, list, text, type TextForm } from './text';

const messagesOf = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : problemsOf(result.error).map((p) => p.message);
};

describe('characterProblem', () => {
  it.each<[string, TextForm, string | null]>([
    ['Passports', 'name', null],
    ['Łódź 😀 café', 'name', null],
    ['a\u0000b', 'prose', 'a name cannot contain control characters (U+0000 at character 2)'],
    ['a\u0008b', 'query', 'a name cannot contain control characters (U+0008 at character 2)'],
    [
      'ab\ud800',
      'prose',
      'a name cannot contain a broken character (an unpaired surrogate, U+D800 at character 3); type it again',
    ],
    [
      '\udc00ab',
      'name',
      'a name cannot contain a broken character (an unpaired surrogate, U+DC00 at character 1); type it again',
    ],
    ['two\nlines', 'name', 'a name must be on one line (U+000A at character 4)'],
    ['two\nlines', 'query', null],
    ['tab\there', 'prose', null],
    [
      'Passports \u202estnemyap',
      'name',
      'a name cannot contain characters that change the direction of text (U+202E at character 11), which can make it display as something else',
    ],
    [
      'a \u2066b\u2069',
      'query',
      'a name cannot contain characters that change the direction of text (U+2066 at character 3), which can make it display as something else',
    ],
    ['Pass\u200bports', 'name', 'a name cannot contain invisible characters (U+200B at character 5)'],
    ['\ufeffPassports', 'query', 'a name cannot contain invisible characters (U+FEFF at character 1)'],
    // Free text keeps right-to-left marks and joiners: they belong to ordinary writing in some scripts.
    ['\u200fمرحبا\u200d', 'prose', null],
  ])('%j as %s → %s', (value, form, expected) => {
    expect(characterProblem(value, 'a name', form)).toBe(expected);
  });
});

describe('text', () => {
  const name = text({ what: 'a department name', max: 200, required: 'a department needs a name' });

  it.each<[unknown, string[]]>([
    ['  Department for Education  ', []],
    ['x'.repeat(200), []],
    ['x'.repeat(4_718_592), ['a department name is at most 200 characters (this one has 4,718,592)']],
    ['   ', ['a department needs a name']],
    ['a\u0000b', ['a department name cannot contain control characters (U+0000 at character 2)']],
  ])('%#: says what is wrong, and the limit', (value, expected) => {
    expect(messagesOf(name, value)).toEqual(expected);
  });

  it('trims, and accepts empty text unless it is required', () => {
    expect(name.parse('  DfE ')).toBe('DfE');
    expect(text({ what: 'a note', max: 10, form: 'prose' }).parse('')).toBe('');
  });
});

describe('list', () => {
  const rules = list(z.string(), { what: 'rules', within: 'a department', max: 500 });

  it.each<[number, string[]]>([
    [0, []],
    [500, []],
    [10_000, ['a department has at most 500 rules (this one has 10,000)']],
  ])('%d items → %j', (length, expected) => {
    expect(
      messagesOf(
        rules,
        Array.from({ length }, () => 'x'),
      ),
    ).toEqual(expected);
  });
});

describe('interval', () => {
  it.each<[string, string[]]>([
    ['30s', []],
    ['5m', []],
    ['7d', []],
    ['168h', []],
    ['10s', ['interval is at least 30s (this one is 10s)']],
    ['8d', ['interval is at most 7d (this one is 8d)']],
    ['25d', ['interval is at most 7d (this one is 25d)']],
    ['99999999999999999999d', ['interval is at most 7d (this one is 99999999999999999999d)']],
    ['1'.repeat(1_000) + 'd', ['interval must be a duration such as 30s, 5m, 1h or 1d']],
    ['soon', ['interval must be a duration such as 30s, 5m, 1h or 1d']],
  ])('%s → %j', (value, expected) => {
    expect(messagesOf(interval, value)).toEqual(expected);
  });
});
