import { DomainError } from '@parley/domain';
import { lexemes } from './text-analysis';

export type RuleDefinition = {
  id: string;
  key: string;
  version: number;
  query: string;
  departmentId: string;
  department: string;
};
export type CompiledRule = RuleDefinition & { terms: string[] };

/**
 * The foundation's rule form: every word of the query must occur, stemmed and case-insensitive.
 * The full query language replaces this compiler; the matcher's shape stays.
 */
export const compileAllWordsRule = (rule: RuleDefinition): CompiledRule => {
  const terms = [...new Set(lexemes(rule.query))];
  if (terms.length === 0) {
    throw new DomainError(
      'invalid',
      `rule "${rule.key}" has no searchable words (only stop words or punctuation)`,
    );
  }
  return { ...rule, terms };
};
