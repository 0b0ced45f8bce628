import {
  compileMatcher,
  documentKeys,
  parseQuery,
  prepareDocument,
  requiredTerms,
  type CompiledMatcher,
  type MatchableDocument,
  type PreparedDocument,
} from './query';

export type RuleDefinition = {
  id: string;
  key: string;
  version: number;
  query: string;
  departmentId: string;
  department: string;
};
export type CompiledRule = RuleDefinition & { compiled: CompiledMatcher };
export type RuleMatch = { rule: CompiledRule; matchedTerms: string[] };

/**
 * A percolator: each rule is indexed under the keys (lexemes, prefixes, hashtags, mentions) at least one of which
 * a post must contain for it to match, so a post checks only the rules its own keys point to (plus the few rules
 * with no such key), and each candidate is then verified in full.
 */
export class RuleMatcher {
  private readonly byKey = new Map<string, CompiledRule[]>();
  private readonly everyPost: CompiledRule[] = [];
  readonly problems: { key: string; message: string }[] = [];

  constructor(rules: RuleDefinition[]) {
    for (const rule of rules) this.add(rule);
  }

  get size(): number {
    return new Set([...this.byKey.values()].flat()).size + this.everyPost.length;
  }

  private add(definition: RuleDefinition): void {
    try {
      const ast = parseQuery(definition.query);
      const rule = { ...definition, compiled: compileMatcher(ast) };
      const keys = requiredTerms(ast);
      if (!keys) return void this.everyPost.push(rule);
      for (const key of keys) this.byKey.set(key, [...(this.byKey.get(key) ?? []), rule]);
    } catch (error) {
      this.problems.push({ key: definition.key, message: (error as Error).message });
    }
  }

  candidates(doc: PreparedDocument): Set<CompiledRule> {
    const found = new Set(this.everyPost);
    for (const key of documentKeys(doc)) for (const rule of this.byKey.get(key) ?? []) found.add(rule);
    return found;
  }

  match(input: MatchableDocument | string): RuleMatch[] {
    const doc = prepareDocument(typeof input === 'string' ? { text: input } : input);
    const matches: RuleMatch[] = [];
    for (const rule of this.candidates(doc)) {
      const terms = rule.compiled.matchedTerms(doc);
      if (terms.length > 0 || rule.compiled.matches(doc)) matches.push({ rule, matchedTerms: terms });
    }
    return matches;
  }
}
