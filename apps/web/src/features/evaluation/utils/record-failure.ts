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
