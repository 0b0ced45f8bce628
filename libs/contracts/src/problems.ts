import type { z } from 'zod';
import type { Problem } from '@parley/domain';

/** Every issue zod found, as `path: message` pairs a person can act on (paths like `departments[0].rules[2].query`). */
export const problemsOf = (error: z.ZodError): Problem[] =>
  error.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (acc, part) =>
        typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
      '',
    ),
    message: issue.message,
  }));
