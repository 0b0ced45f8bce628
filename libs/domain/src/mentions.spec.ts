import { describe, expect, it } from 'vitest';
import { mentionsIn } from './mentions';

describe('mentionsIn', () => {
  it.each([
    ['@sam@example.gov.uk can you look?', ['sam@example.gov.uk']],
    ['Over to @Sam.Jones@DVSA.gov.uk.', ['sam.jones@dvsa.gov.uk']],
    ['cc @a@x.gov.uk, @b@x.gov.uk and @a@x.gov.uk again', ['a@x.gov.uk', 'b@x.gov.uk']],
    ['(@lee@x.gov.uk) for the press line', ['lee@x.gov.uk']],
    ['write to sam@example.gov.uk instead', []],
    ['an @ sign alone, or @nobody', []],
    ['', []],
  ])('%j mentions %j', (text, expected) => {
    expect(mentionsIn(text)).toEqual(expected);
  });
});
