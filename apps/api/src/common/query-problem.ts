import type { Problem } from '@parley/domain';
import { parseQuery, QueryError } from '@parley/tagging';

/** Null when the query compiles; otherwise the problem, pointing at the position in the query. */
export const queryProblem = (query: string, path: string): Problem | null => {
  try {
    parseQuery(query);
    return null;
  } catch (error) {
    const where = error instanceof QueryError ? `at position ${error.position}: ` : '';
    return { path, message: `${where}${(error as Error).message}` };
  }
};
