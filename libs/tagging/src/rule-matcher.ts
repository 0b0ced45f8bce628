import { compileAllWordsRule, type CompiledRule, type RuleDefinition } from './all-words-rule';
import { lexemes } from './text-analysis';

export type RuleMatch = { rule: CompiledRule; matchedTerms: string[] };

/**
 * A percolator: rules are indexed by one term they require, so a document only checks the rules whose
 * indexed term it contains, and each candidate is then verified in full.
 */
export class RuleMatcher {
  private readonly byTerm = new Map<string, CompiledRule[]>();
  readonly problems: { key: string; message: string }[] = [];

  constructor(rules: RuleDefinition[]) {
    for (const rule of rules) this.add(rule);
  }

  private add(definition: RuleDefinition): void {
    try {
      const rule = compileAllWordsRule(definition);
      // The longest term is usually the rarest, so it makes the most selective index key.
      const anchor = [...rule.terms].sort((a, b) => b.length - a.length)[0];
      this.byTerm.set(anchor, [...(this.byTerm.get(anchor) ?? []), rule]);
    } catch (error) {
      this.problems.push({ key: definition.key, message: (error as Error).message });
    }
  }

  match(text: string): RuleMatch[] {
    const present = new Set(lexemes(text));
    const matches: RuleMatch[] = [];
    for (const term of present) {
      for (const rule of this.byTerm.get(term) ?? []) {
        if (rule.terms.every((t) => present.has(t))) matches.push({ rule, matchedTerms: rule.terms });
      }
    }
    return matches;
  }
}
