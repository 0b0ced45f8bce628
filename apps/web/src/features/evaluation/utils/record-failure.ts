import { useMemo } from 'react';
import type { ErrorSummaryItem } from '../../../components/ui/error-summary';
import { formFailure, summaryOf } from '../../../lib/form-failure';

/**
 * The api's problems for one form on a page of several: each field's message, and the summary's links pointing at
 * that form's own field ids (`survey-before.agree`), so two forms never share an anchor.
 */
export const recordFailure = <F extends string>(error: unknown, prefix: string, fields: readonly F[]) => {
  if (!error)
    return { errorOf: (_field: F): string | undefined => undefined, summary: [] as ErrorSummaryItem[] };
  const failure = formFailure(error, fields);
  return {
    errorOf: (field: F): string | undefined => failure.fields[field],
    summary: summaryOf(failure, fields).map((item): ErrorSummaryItem =>
      'href' in item && typeof item.href === 'string'
        ? { ...item, href: `#${prefix}-${item.href.slice(1)}` }
        : item,
    ),
  };
};

/**
 * The same, kept while the error is: the error summary moves focus to itself whenever its list changes, so a list
 * built afresh on every keystroke would pull the person out of the field they are correcting.
 */
export const useRecordFailure = <F extends string>(error: unknown, prefix: string, fields: readonly F[]) => {
  const key = fields.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `fields`, often built inline.
  return useMemo(() => recordFailure(error, prefix, fields), [error, prefix, key]);
};
