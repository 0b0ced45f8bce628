import { isApiError } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';

const DAY_MS = 86_400_000;

/** The preview's window in words: "the last 30 days", or the dates when it is not a whole number of days. */
export const previewWindow = (from: string, to: string): string => {
  const days = Math.round((new Date(to).getTime() - new Date(from).getTime()) / DAY_MS);
  if (!Number.isFinite(days) || days < 1) return 'the period checked';
  return days === 1 ? 'the last day' : `the last ${formatCount(days)} days`;
};

/** "Would have matched 1,204 conversations in the last 30 days". */
export const previewSentence = ({ count, from, to }: { count: number; from: string; to: string }): string =>
  `Would have matched ${formatCount(count)} ${count === 1 ? 'conversation' : 'conversations'} in ${previewWindow(from, to)}`;

/**
 * The query's problem from a failed preview (a 400 naming the query), as a sentence for under the field; null
 * when the preview failed for some other reason (the query may be fine; the preview is just not available).
 */
export const queryProblem = (error: unknown): string | null => {
  if (!isApiError(error) || error.status !== 400) return null;
  const problem =
    error.problems.find((p) => p.path === 'query') ?? (error.problems.length === 0 ? error : null);
  if (!problem?.message) return null;
  return problem.message[0].toUpperCase() + problem.message.slice(1);
};
