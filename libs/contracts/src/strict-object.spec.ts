import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemsOf } from './problems';
import { nearestKey, strictObject, unknownKeyMessage } from './strict-object';

const DEPARTMENT_KEYS = ['key', 'name', 'aliases', 'threshold', 'accounts', 'resources', 'rules'];

describe('nearestKey', () => {
  it.each([
    ['rule', 'rules'],
    ['resorces', 'resources'],
    ['Aliases', 'aliases'],
    ['acounts', 'accounts'],
    ['treshold', 'threshold'],
    ['colour', null],
    ['x', null],
  ])('%s → %s', (typed, expected) => expect(nearestKey(typed, DEPARTMENT_KEYS)).toBe(expected));
});

describe('unknownKeyMessage', () => {
  it('suggests the nearest key, or lists the keys there are', () => {
    expect(unknownKeyMessage('rule', DEPARTMENT_KEYS)).toBe('unknown key "rule": did you mean "rules"?');
    expect(unknownKeyMessage('colour', ['a', 'b'])).toBe('unknown key "colour": use one of "a", "b"');
    expect(unknownKeyMessage('token', [], 'setting')).toBe('unknown setting "token": none can be set here');
  });
});

describe('strictObject', () => {
  const schema = z.object({ items: z.array(strictObject({ name: z.string(), enabled: z.boolean() })) });

  it('reports each unknown key at its own path, beside the other problems', () => {
    const result = schema.safeParse({
      items: [
        { name: 1, enabeld: true, enabled: true },
        { name: 'x', a: 1, b: 2 },
      ],
    });
    expect(result.success).toBe(false);
    expect(problemsOf((result as { error: z.ZodError }).error)).toEqual([
      { path: 'items[0].name', message: expect.any(String) },
      { path: 'items[0].enabeld', message: 'unknown key "enabeld": did you mean "enabled"?' },
      { path: 'items[1].enabled', message: expect.any(String) },
      {
        path: 'items[1]',
        message:
          'unknown key "a": use one of "name", "enabled"; unknown key "b": use one of "name", "enabled"',
      },
    ]);
  });
});
