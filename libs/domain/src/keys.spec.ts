import { describe, expect, it } from 'vitest';
import { KEY_PATTERN, MAX_KEY_LENGTH } from './keys';

describe('KEY_PATTERN', () => {
  it.each([
    ['rail-fares', true],
    ['2fa', true],
    ['a', true],
    ['a'.repeat(MAX_KEY_LENGTH), true],
    ['a'.repeat(MAX_KEY_LENGTH + 1), false],
    ['-rail', false],
    ['Rail', false],
    ['rail_fares', false],
    ['rail fares', false],
    ['', false],
  ])('%j → %s', (key, valid) => expect(KEY_PATTERN.test(key)).toBe(valid));
});
