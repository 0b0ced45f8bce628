import type { Problem } from '@parley/domain';
import { parseQuery, QueryError } from '@parley/tagging';

/** Null when the query compiles; otherwise the problem, pointing at the position in the query. */
export const queryProblem = (query: string, path: string): Problem | null => {
  try {
    parseQuery(query);
    return null;
  } catch (error) {
    if (!(error instanceof QueryError)) return { path, message: (error as Error).message };
    return { path, message: `at position ${error.position}: ${error.message}`, position: error.position };
  }
};
