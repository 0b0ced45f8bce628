import { problemsOf } from '@parley/contracts';
import { DomainError } from '@parley/domain';
import type { z } from 'zod';

/** Validates input against a contract schema; every problem is reported, with its path. */
export const parseWith = <S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> => {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError(
      'invalid',
      `The ${what} has ${result.error.issues.length} problem(s); nothing was changed.`,
      problemsOf(result.error),
    );
  }
  return result.data;
};
