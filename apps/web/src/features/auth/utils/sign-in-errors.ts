import { isApiError } from '../../../lib/api-client';
import { problemsToFieldErrors, type FieldErrors } from './sign-in-validation';

export type SignInFailure = { fields: FieldErrors; other: string[] };

/**
 * What a failed sign-in tells the person. Wrong credentials are reported against both fields without saying
 * which was wrong, so the form does not reveal whether an account exists.
 */
export const signInFailure = (error: unknown): SignInFailure => {
  if (isApiError(error)) {
    if (error.status === 401) {
      return { fields: { email: 'Enter a correct email address and password' }, other: [] };
    }
    if (error.status === 429) {
      return {
        fields: {},
        other: ['You have tried to sign in too many times. Wait a few minutes, then try again'],
      };
    }
    if (error.status === 400 && error.problems.length > 0) return problemsToFieldErrors(error.problems);
    if (error.code === 'session_not_kept') return { fields: {}, other: [error.message] };
    if (error.status === 0)
      return { fields: {}, other: ['Parley cannot be reached. Check your connection, then try again'] };
  }
  return { fields: {}, other: ['Sorry, there is a problem with the service. Try again later'] };
};
