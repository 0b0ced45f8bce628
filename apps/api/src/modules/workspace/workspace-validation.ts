import {
  LIMITS,
  problemsOf,
  sourceConfigProblems,
  workspaceDocumentSchema,
  type WorkspaceDocument,
} from '@parley/contracts';
import { DomainError, type Problem } from '@parley/domain';
import { queryProblem } from '../../common/query-problem';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const itemsOf = (value: unknown, key: string): unknown[] =>
  isRecord(value) && Array.isArray(value[key]) ? value[key] : [];

/**
 * Every rule query that does not compile, read from the raw input so they are reported beside shape problems. A
 * query over the length limit is not compiled: the schema reports it, and compiling it would only cost time.
 */
const queryProblems = (input: unknown): Problem[] =>
  itemsOf(input, 'departments').flatMap((d, i) =>
    itemsOf(d, 'rules').flatMap((r, j) => {
      if (!isRecord(r) || typeof r.query !== 'string') return [];
      if (r.query.trim() === '' || r.query.length > LIMITS.query) return [];
      return [queryProblem(r.query, `departments[${i}].rules[${j}].query`)].filter((p) => p !== null);
    }),
  );

/** Sources naming a department that neither the document nor (unless pruned away) the workspace has. */
const referenceProblems = (input: unknown, existingDepartmentKeys: string[]): Problem[] => {
  const known = new Set([
    ...existingDepartmentKeys,
    ...itemsOf(input, 'departments').map((d) => (isRecord(d) ? d.key : undefined)),
  ]);
  return itemsOf(input, 'sources').flatMap((s, i) =>
    isRecord(s) && typeof s.department === 'string' && !known.has(s.department)
      ? [
          {
            path: `sources[${i}].department`,
            message: `no department "${s.department}" in the document or the workspace`,
          },
        ]
      : [],
  );
};

export const rejectDocument = (problems: Problem[]): DomainError =>
  new DomainError(
    'invalid',
    `The workspace document has ${problems.length} problem(s); nothing was changed.`,
    problems,
  );

/**
 * Checks the whole document (shape and unknown keys, source settings, references, rule queries) and reports every
 * problem at once. Stored departments stay unless pruning removes those a given `departments` list leaves out.
 */
export const validateWorkspace = (
  input: unknown,
  existingDepartmentKeys: string[],
  prune: boolean,
): WorkspaceDocument => {
  const parsed = workspaceDocumentSchema.safeParse(input);
  const staying = prune && isRecord(input) && Array.isArray(input.departments) ? [] : existingDepartmentKeys;
  const problems: Problem[] = [
    ...(parsed.success ? [] : problemsOf(parsed.error)),
    ...sourceConfigProblems(input),
    ...referenceProblems(input, staying),
    ...queryProblems(input),
  ];
  if (problems.length > 0 || !parsed.success) throw rejectDocument(problems);
  return parsed.data;
};
