import { describe, expect, it } from 'vitest';
import { keyFromName, validateRuleKey } from './rule-key';

describe('validateRuleKey', () => {
  it.each([
    ['rail-fares', null],
    ['a', null],
    ['2025-budget', null],
    ['x'.repeat(63), null],
    ['', 'Enter a key'],
    ['x'.repeat(64), 'Key must be 63 characters or fewer'],
    ['Rail-Fares', 'Key must be in lower case, like rail-fares'],
    [
      'rail fares',
      'Key must use only lower-case letters, digits and hyphens, and start with a letter or digit, like rail-fares',
    ],
    [
      '-rail',
      'Key must use only lower-case letters, digits and hyphens, and start with a letter or digit, like rail-fares',
    ],
    [
      'rail_fares',
      'Key must use only lower-case letters, digits and hyphens, and start with a letter or digit, like rail-fares',
    ],
    [
      'café',
      'Key must use only lower-case letters, digits and hyphens, and start with a letter or digit, like rail-fares',
    ],
    ['new', 'Key cannot be “new”: choose another'],
  ])('%j → %s', (key, expected) => expect(validateRuleKey(key)).toBe(expected));

  it('refuses a key already used in the department', () =>
    expect(validateRuleKey('rail-fares', ['bus-reform', 'rail-fares'])).toBe(
      'There is already a rule with this key: choose another, or edit that rule',
    ));
});

describe('keyFromName', () => {
  it.each([
    ['Rail fares', 'rail-fares'],
    ['  Rail fares & railcards!  ', 'rail-fares-railcards'],
    ['Café culture', 'cafe-culture'],
    ['Budget 2025', 'budget-2025'],
    ['---', ''],
    [`${'a'.repeat(62)} b`, 'a'.repeat(62)],
  ])('%j → %j', (name, expected) => {
    expect(keyFromName(name)).toBe(expected);
    if (expected) expect(validateRuleKey(expected)).toBeNull();
  });
});
