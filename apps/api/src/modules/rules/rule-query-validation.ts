import { DomainError } from '@parley/domain';
import { compileAllWordsRule } from '@parley/tagging';

/** A rule query either compiles or is rejected with a message that points at the problem. */
export const validateRuleQuery = (query: string, path: string): void => {
  try {
    compileAllWordsRule({
      id: 'check',
      key: 'check',
      version: 0,
      query,
      departmentId: 'check',
      department: 'check',
    });
  } catch (error) {
    throw new DomainError('invalid', `The query cannot be used: ${(error as Error).message}`, [
      { path, message: (error as Error).message },
    ]);
  }
};
