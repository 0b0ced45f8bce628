import {
  compileMatcher,
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
  /** The lengths of the prefixes rules use (`consult*` → 7), so a post offers only those prefixes of its words. */
  private readonly prefixLengths = new Set<number>();
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
      for (const key of keys) {
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), rule]);
        if (key.endsWith('*')) this.prefixLengths.add(key.length - 1);
      }
    } catch (error) {
      this.problems.push({ key: definition.key, message: (error as Error).message });
    }
  }

  /** The rules whose keys the post offers (the keys documentKeys lists, limited to prefix lengths in use). */
  candidates(doc: PreparedDocument): Set<CompiledRule> {
    const found = new Set(this.everyPost);
    const offer = (key: string) => {
      const rules = this.byKey.get(key);
      if (rules) for (const rule of rules) found.add(rule);
    };
    for (const lexeme of doc.lexemes) {
      offer(lexeme);
      for (const length of this.prefixLengths)
        if (lexeme.length >= length) offer(`${lexeme.slice(0, length)}*`);
    }
    for (const tag of doc.hashtags) offer(`#${tag}`);
    for (const handle of doc.mentions) offer(`@${handle}`);
    return found;
  }

  match(input: MatchableDocument | string): RuleMatch[] {
    const doc = prepareDocument(typeof input === 'string' ? { text: input } : input);
    const matches: RuleMatch[] = [];
    for (const rule of this.candidates(doc)) {
      // Most candidates fail; only a match pays for collecting its evidence.
      if (rule.compiled.matches(doc)) matches.push({ rule, matchedTerms: rule.compiled.matchedTerms(doc) });
    }
    return matches;
  }
}
