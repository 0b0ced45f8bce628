import type { ErrorSummaryItem } from '../../../components/ui/error-summary';
import { isApiError } from '../../../lib/api-client';

/** What a refused change tells the person: a summary (each item linking to its field) and a message per field. */
export type ChangeFailure = { summary: ErrorSummaryItem[]; fields: Record<string, string> };

export const NO_FAILURE: ChangeFailure = { summary: [], fields: {} };

export const STALE_MESSAGE =
  'Someone else changed this conversation while you were working on it. The page now shows their change, and what ' +
  'you typed is still here: check it still makes sense, then send it again.';

/**
 * `fieldIds` maps the api's problem paths (`note`, `department`) to the ids of this form's fields. A change made
 * from an older version gets one plain sentence, not the api's version numbers.
 */
export const failureOf = (error: unknown, fieldIds: Record<string, string>): ChangeFailure => {
  if (!isApiError(error)) {
    return {
      summary: [{ text: 'The change could not be sent. Check your connection and try again.' }],
      fields: {},
    };
  }
  if (error.status === 409 && error.problems.some((p) => p.path === 'expectedVersion')) {
    return { summary: [{ text: STALE_MESSAGE }], fields: {} };
  }
  const fields: Record<string, string> = {};
  const summary: ErrorSummaryItem[] = [];
  for (const problem of error.problems) {
    const id = fieldIds[problem.path];
    if (id && !fields[id]) fields[id] = sentence(problem.message);
    summary.push({ text: sentence(problem.message), href: id ? `#${id}` : undefined });
  }
  return summary.length ? { summary, fields } : { summary: [{ text: error.message }], fields };
};

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
