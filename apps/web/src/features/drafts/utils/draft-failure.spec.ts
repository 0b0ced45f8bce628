import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { draftSaveFailure } from './draft-failure';

describe('draftSaveFailure', () => {
  it.each([
    {
      name: 'someone saved meanwhile: the text is still there',
      error: new ApiError(409, 'conflict', 'Someone saved version 2'),
      fields: {},
      other: [expect.stringMatching(/Your text is still in the box/)],
    },
    {
      name: 'the api’s problem with the text goes on the box',
      error: new ApiError(400, 'invalid', 'bad', [{ path: 'text', message: 'write the reply first' }]),
      fields: { 'draft-text': 'Write the reply first' },
      other: [],
    },
    {
      name: 'no connection',
      error: new ApiError(0, 'network', 'offline'),
      fields: {},
      other: ['Parley cannot be reached. Check your connection, then try again'],
    },
  ])('$name', ({ error, fields, other }) => {
    expect(draftSaveFailure(error)).toEqual({ fields, other });
  });
});
