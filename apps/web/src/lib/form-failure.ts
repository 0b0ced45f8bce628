import { isApiError } from './api-client';

/** What a failed form submission tells the person: messages on their fields, and the rest for the summary. */
export type FormFailure<F extends string> = { fields: Partial<Record<F, string>>; other: string[] };

export const noFailure = <F extends string>(): FormFailure<F> => ({ fields: {}, other: [] });

const capitalise = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

/** The api's problems go on the fields they name; anything else is said once, in words a person can act on. */
export const formFailure = <F extends string>(error: unknown, fields: readonly F[]): FormFailure<F> => {
  const failure = noFailure<F>();
  if (!isApiError(error)) {
    failure.other.push('Sorry, there is a problem with the service. Nothing was changed. Try again later');
    return failure;
  }
  if (error.status === 0 || error.status >= 500) {
    failure.other.push(
      error.status === 0
        ? 'Parley cannot be reached. Check your connection, then try again'
        : 'Sorry, there is a problem with the service. Nothing was changed. Try again later',
    );
    return failure;
  }
  for (const problem of error.problems) {
    const field = fields.find((f) => f === problem.path);
    if (!field) failure.other.push(capitalise(problem.message));
    else failure.fields[field] ??= capitalise(problem.message);
  }
  if (error.problems.length === 0) failure.other.push(capitalise(error.message));
  return failure;
};

/** The error summary's list: field problems first, linking to their fields, in the order the form shows them. */
export const summaryOf = <F extends string>(failure: FormFailure<F>, fields: readonly F[]) => [
  ...fields.flatMap((f) => {
    const text = failure.fields[f];
    return text ? [{ text, href: `#${f}` }] : [];
  }),
  ...failure.other.map((text) => ({ text })),
];
