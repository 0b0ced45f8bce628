import type { ApiProblem } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';

export type SignInField = 'email' | 'password';
export type SignInValues = Record<SignInField, string>;
/** One error per field, in the order the fields appear, as the error summary lists them. */
export type FieldErrors = Partial<Record<SignInField, string>>;

// Deliberately loose: the server is the judge of a real address; this only catches the obvious slips.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const validateSignIn = ({ email, password }: SignInValues): FieldErrors => {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = i18n.t('signIn.errors.emailMissing');
  else if (!EMAIL.test(email.trim())) errors.email = i18n.t('signIn.errors.emailFormat');
  if (!password) errors.password = i18n.t('signIn.errors.passwordMissing');
  return errors;
};

const isField = (path: string): path is SignInField => path === 'email' || path === 'password';

/** Server problems (`{path, message}`) mapped onto the form; problems about no particular field are returned apart. */
export const problemsToFieldErrors = (problems: ApiProblem[]): { fields: FieldErrors; other: string[] } => {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const problem of problems) {
    if (isField(problem.path) && !fields[problem.path]) fields[problem.path] = capitalise(problem.message);
    else if (!isField(problem.path)) other.push(capitalise(problem.message));
  }
  return { fields, other };
};

const capitalise = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);
