import { isApiError } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';
import { problemsToFieldErrors, type FieldErrors } from './sign-in-validation';

export type SignInFailure = { fields: FieldErrors; other: string[] };

/**
 * What a failed sign-in tells the person. Wrong credentials are reported against both fields without saying
 * which was wrong, so the form does not reveal whether an account exists.
 */
export const signInFailure = (error: unknown): SignInFailure => {
  if (isApiError(error)) {
    if (error.status === 401) {
      return { fields: { email: i18n.t('signIn.errors.wrong') }, other: [] };
    }
    if (error.status === 429) {
      return { fields: {}, other: [i18n.t('signIn.errors.tooMany')] };
    }
    if (error.status === 400 && error.problems.length > 0) return problemsToFieldErrors(error.problems);
    if (error.code === 'session_not_kept') return { fields: {}, other: [error.message] };
    if (error.status === 0) return { fields: {}, other: [i18n.t('signIn.errors.unreachable')] };
  }
  return { fields: {}, other: [i18n.t('signIn.errors.service')] };
};
