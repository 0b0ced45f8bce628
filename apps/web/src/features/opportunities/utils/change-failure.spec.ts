import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { STALE_MESSAGE, failureOf } from './change-failure';

describe('failureOf', () => {
  it.each([
    [
      'someone else changed it',
      new ApiError(409, 'conflict', 'version 3 is now 4', [
        { path: 'expectedVersion', message: 'version 3 is now 4' },
      ]),
      { summary: [{ text: STALE_MESSAGE }], fields: {} },
    ],
    [
      'the table refuses the change',
      new ApiError(409, 'conflict', 'This conversation was declined, so it cannot be referred.'),
      { summary: [{ text: 'This conversation was declined, so it cannot be referred.' }], fields: {} },
    ],
    [
      'a field at fault',
      new ApiError(400, 'invalid', 'The request has 1 problem(s)', [
        { path: 'note', message: 'say why in the note' },
      ]),
      {
        summary: [{ text: 'Say why in the note', href: '#decline-note' }],
        fields: { 'decline-note': 'Say why in the note' },
      },
    ],
  ])('%s', (_name, error, failure) => {
    expect(failureOf(error, { note: 'decline-note' })).toEqual(failure);
  });
});
