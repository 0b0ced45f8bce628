import { useState } from 'react';
import type { ErrorSummaryItem } from '../../../components/ui/error-summary';
import { formFailure, noFailure, type FormFailure } from '../../../lib/form-failure';

/**
 * A small form's refusal: the api's problem paths (`outcome`, `until`) become messages on this form's fields,
 * whose ids are unique on the page (several action forms share one alert view).
 */
export const useFieldFailure = <F extends string>(ids: Record<F, string>) => {
  const [failure, setFailure] = useState<FormFailure<F>>(noFailure<F>());
  const fields = Object.keys(ids) as F[];
  const summary: ErrorSummaryItem[] = [
    ...fields.flatMap((f) => {
      const text = failure.fields[f];
      return text ? [{ text, href: `#${ids[f]}` }] : [];
    }),
    ...failure.other.map((text) => ({ text })),
  ];
  return {
    summary,
    error: (field: F) => failure.fields[field],
    clear: () => setFailure(noFailure<F>()),
    fromError: (error: unknown) => setFailure(formFailure(error, fields)),
    /** A problem found before sending: one field, one message. */
    missing: (field: F, text: string) =>
      setFailure({ fields: { [field]: text } as Partial<Record<F, string>>, other: [] }),
  };
};
