import { problemsOf, workspaceDocumentSchema, type WorkspaceDocument } from '@parley/contracts';
import { DomainError, type Problem } from '@parley/domain';
import { queryProblem } from '../../common/query-problem';

/** Checks the whole document (shape, references, rule queries) and reports every problem at once. */
export const validateWorkspace = (input: unknown, existingDepartmentKeys: string[]): WorkspaceDocument => {
  const parsed = workspaceDocumentSchema.safeParse(input);
  const problems: Problem[] = parsed.success ? [] : problemsOf(parsed.error);
  if (parsed.success) {
    const known = new Set([...existingDepartmentKeys, ...parsed.data.departments.map((d) => d.key)]);
    parsed.data.sources.forEach((s, i) => {
      if (s.department && !known.has(s.department)) {
        problems.push({
          path: `sources[${i}].department`,
          message: `no department "${s.department}" in the document or the workspace`,
        });
      }
    });
    parsed.data.departments.forEach((d, i) =>
      d.rules.forEach((r, j) => {
        const problem = queryProblem(r.query, `departments[${i}].rules[${j}].query`);
        if (problem) problems.push(problem);
      }),
    );
  }
  if (problems.length > 0 || !parsed.success) {
    throw new DomainError(
      'invalid',
      `The workspace document has ${problems.length} problem(s); nothing was changed.`,
      problems,
    );
  }
  return parsed.data;
};
