import { useState } from 'react';
import { NO_FAILURE, failureOf, type ChangeFailure } from '../utils/change-failure';

/** A form's refusal state: set from an api error (problem paths → this form's field ids), or from its own check. */
export const useChangeFailure = (fieldIds: Record<string, string>) => {
  const [failure, setFailure] = useState<ChangeFailure>(NO_FAILURE);
  return {
    failure,
    clear: () => setFailure(NO_FAILURE),
    fromError: (error: unknown) => setFailure(failureOf(error, fieldIds)),
    /** A problem found before sending: one field, one message. */
    missing: (fieldId: string, text: string) =>
      setFailure({ summary: [{ text, href: `#${fieldId}` }], fields: { [fieldId]: text } }),
  };
};
