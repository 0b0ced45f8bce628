import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { signInFailure } from './sign-in-errors';
import { problemsToFieldErrors, validateSignIn } from './sign-in-validation';

describe('validateSignIn', () => {
  it.each([
    [
      { email: '', password: '' },
      { email: 'Enter your email address', password: 'Enter your password' },
    ],
    [{ email: '   ', password: 'x' }, { email: 'Enter your email address' }],
    [
      { email: 'sam.example.gov.uk', password: 'x' },
      { email: 'Enter an email address in the correct format, like name@example.gov.uk' },
    ],
    [{ email: 'sam@example.gov.uk', password: '' }, { password: 'Enter your password' }],
    [{ email: ' sam@example.gov.uk ', password: 'secret' }, {}],
  ])('%o', (values, expected) => expect(validateSignIn(values)).toEqual(expected));
});

describe('problemsToFieldErrors', () => {
  it('maps known fields, keeps the first problem per field, and collects the rest', () => {
    expect(
      problemsToFieldErrors([
        { path: 'email', message: 'enter an email address' },
        { path: 'email', message: 'second problem' },
        { path: '', message: 'body must be JSON' },
      ]),
    ).toEqual({ fields: { email: 'Enter an email address' }, other: ['Body must be JSON'] });
  });
});

describe('signInFailure', () => {
  it.each([
    [
      new ApiError(401, 'unauthenticated', 'bad credentials'),
      { fields: { email: 'Enter a correct email address and password' }, other: [] },
    ],
    [
      new ApiError(429, 'throttled', 'slow down'),
      { fields: {}, other: ['You have tried to sign in too many times. Wait a few minutes, then try again'] },
    ],
    [
      new ApiError(400, 'invalid', 'bad input', [{ path: 'password', message: 'enter your password' }]),
      { fields: { password: 'Enter your password' }, other: [] },
    ],
    [
      new ApiError(0, 'network', 'offline'),
      { fields: {}, other: ['Parley cannot be reached. Check your connection, then try again'] },
    ],
    [
      new ApiError(502, 'unavailable', 'bad gateway'),
      { fields: {}, other: ['Sorry, there is a problem with the service. Try again later'] },
    ],
    [
      new Error('boom'),
      { fields: {}, other: ['Sorry, there is a problem with the service. Try again later'] },
    ],
  ])('%s', (error, expected) => expect(signInFailure(error)).toEqual(expected));
});
