import type { z } from 'zod';
import type { Problem } from '@parley/domain';

/** `['departments', 0, 'rules']` as `departments[0].rules`. */
export const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );

/** Every issue zod found, as `path: message` pairs a person can act on (paths like `departments[0].rules[2].query`). */
export const problemsOf = (error: z.ZodError): Problem[] =>
  error.issues.map((issue) => ({
    // One unknown key: point at the key itself (`departments[0].rule`), not at the object holding it.
    path: pathOf(
      issue.code === 'unrecognized_keys' && issue.keys.length === 1
        ? [...issue.path, issue.keys[0]]
        : issue.path,
    ),
    message: issue.message,
  }));
