import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { formFailure, summaryOf } from './form-failure';

const FIELDS = ['email', 'name'] as const;

describe('formFailure', () => {
  it('puts the api’s problems on their fields, and the rest in the summary', () => {
    const failure = formFailure(
      new ApiError(400, 'invalid', 'The new member has 2 problem(s)', [
        { path: 'name', message: 'enter their name' },
        { path: 'role', message: 'choose a role' },
      ]),
      FIELDS,
    );
    expect(failure).toEqual({ fields: { name: 'Enter their name' }, other: ['Choose a role'] });
    expect(summaryOf(failure, FIELDS)).toEqual([
      { text: 'Enter their name', href: '#name' },
      { text: 'Choose a role' },
    ]);
  });

  it.each([
    [new ApiError(409, 'conflict', 'Vera is already a member'), 'Vera is already a member'],
    [
      new ApiError(0, 'network', 'offline'),
      'Parley cannot be reached. Check your connection, then try again',
    ],
    [
      new ApiError(500, 'internal', 'boom'),
      'Sorry, there is a problem with the service. Nothing was changed. Try again later',
    ],
    [new Error('bug'), 'Sorry, there is a problem with the service. Nothing was changed. Try again later'],
  ])('says %s in words', (error, text) =>
    expect(formFailure(error, FIELDS)).toEqual({ fields: {}, other: [text] }),
  );
});
